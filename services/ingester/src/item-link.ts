// An item's link as its id, the way the normalizer's parser writes source.link:
// resolved against xml:base (https://www.w3.org/TR/xmlbase/) and without what only
// tracks the reader. These mirror packages/feeds (xml/xml-base.ts,
// text/canonical-link.ts); test/item-ids.test.ts holds the two to the same ids.

const trackingParameters =
  /^(?:utm_.*|input|section|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|from)$/i;

/** The link without its fragment and tracking parameters; as written (trimmed) when not a URL. */
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

/** A reference made absolute against a base; as written when either cannot be read. */
export function resolveReference(reference: string, base: string | undefined): string {
  if (base === undefined || /^[a-z][a-z0-9+.-]*:/i.test(reference)) return reference;
  try {
    return new URL(reference, base).toString();
  } catch {
    return reference;
  }
}

/** The base in scope under an element that may set xml:base; only http(s) bases count. */
export function baseWithin(xmlBase: string | undefined, parentBase: string | undefined) {
  const resolved = xmlBase === undefined ? parentBase : resolveReference(xmlBase, parentBase);
  return resolved && /^https?:\/\//i.test(resolved) ? resolved : undefined;
}
