// A link as the story's address, without what only tracks the reader: fragment,
// utm_* and the agencies' own feed parameters (Yonhap's input=rss&section=...).
const trackingParameters =
  /^(?:utm_.*|input|section|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|from)$/i;

export function canonicalLink(link: string): string {
  try {
    const url = new URL(link.trim());
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) {
      if (trackingParameters.test(name)) url.searchParams.delete(name);
    }
    return url.toString();
  } catch {
    return link.trim();
  }
}
