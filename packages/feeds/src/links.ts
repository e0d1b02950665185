// Links as the parser writes them (canonical, resolved against xml:base), for a
// stage that reads item ids without parsing: the ingester. Leaf modules only, so
// importing them loads nothing of the parser.
export { canonicalLink } from './text/canonical-link.js';
export { baseWithin, resolveReference } from './xml/xml-base.js';
