// launder ships no types; wire uses its URL check alone.
declare module 'launder' {
  interface NaughtyHrefOptions {
    allowedSchemes?: string[];
    allowProtocolRelative?: boolean;
  }
  const launder: {
    /** Whether a URL's scheme is outside the allowed ones (or it is protocol-relative when not allowed). */
    naughtyHref(href: string, options?: NaughtyHrefOptions): boolean;
  };
  export default launder;
}
