// Whether a string is an absolute URI that both IPTC's ninjs 3.1 schema (JSON
// Schema "uri" format, RFC 3986) and wire's zod schema (WHATWG URL) accept.
const rfc3986Absolute = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const brokenPercent = /%(?![0-9A-Fa-f]{2})/;

export function isUri(value: string): boolean {
  return rfc3986Absolute.test(value) && !brokenPercent.test(value) && URL.canParse(value);
}
