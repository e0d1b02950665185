// A link as the story's address, without what only tracks the reader: fragment,
// utm_* and the agencies' own feed parameters (Yonhap's input=rss&section=...).
const trackingParameters =
  /^(?:utm_.*|input|section|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|from)$/i;

export function canonicalLink(link: string): string {
  try {
    const url = new URL(link.trim());
    // Most links have neither a fragment nor a query: then the URL is left as
    // parsed, and its search parameters are never built.
    if (url.href.includes('#')) url.hash = '';
    if (url.search !== '') {
      for (const name of [...url.searchParams.keys()]) {
        if (trackingParameters.test(name)) url.searchParams.delete(name);
      }
    }
    return url.href;
  } catch {
    return link.trim();
  }
}
