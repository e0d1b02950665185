// xml:base (https://www.w3.org/TR/xmlbase/): relative references in a feed resolve
// against the base in scope, which each element may set, itself relative to its parent's.

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
