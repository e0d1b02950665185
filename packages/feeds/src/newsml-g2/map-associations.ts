// Item references to ninjs associations (NewsML-G2 2.35 spec, "Package Item"
// itemRef, and itemMeta/link with a residref, e.g. a picture for a text item).
import type { ArticleBody } from '../parsed-article.js';
import { compact } from './compact.js';
import type { G2NewsItem, G2Reference } from './g2-item.js';
import { absoluteHref } from './map-content.js';
import { natureType } from './map-status.js';
import { codeOf, type QCodeResolver } from './qcodes.js';
import { isUri } from './uri.js';

type Association = NonNullable<ArticleBody['associations']>[number];

function toAssociation(
  ref: G2Reference,
  fallbackName: string,
  qcodes: QCodeResolver,
  warnings: string[],
): Association | undefined {
  const uri = ref.residref ?? ref.href;
  if (uri === undefined || !isUri(uri)) {
    warnings.push(
      `item reference "${uri ?? '(none)'}" is not an absolute URI; association dropped`,
    );
    return undefined;
  }
  // With a residref naming the item, an href locates one rendition of it.
  const href =
    ref.residref !== undefined ? absoluteHref(ref.href, fallbackName, warnings) : undefined;
  const rel = ref.rel ?? ref.groupRole;
  const descriptions = ref.descriptions.map((d) =>
    d.role === undefined ? { value: d.value } : { role: codeOf(d.role), value: d.value },
  );
  return compact<Association>({
    name: ref.title ?? fallbackName,
    uri,
    rel: rel === undefined ? undefined : codeOf(rel),
    type: natureType(ref.itemClass, qcodes),
    version: ref.version,
    descriptions: descriptions.length > 0 ? descriptions : undefined,
    renditions:
      href === undefined
        ? undefined
        : [compact({ name: 'default', href, contentType: ref.contentType })],
  });
}

/** A package's itemRefs, then the news item links that name another item by residref. */
export function toAssociations(
  item: G2NewsItem,
  qcodes: QCodeResolver,
  warnings: string[],
): Association[] {
  const fromPackage = item.itemRefs.map((ref, index) =>
    toAssociation(ref, `item-${index + 1}`, qcodes, warnings),
  );
  const fromLinks = item.itemMeta.links
    .filter((link) => link.residref !== undefined)
    .map((link, index) => toAssociation(link, `link-${index + 1}`, qcodes, warnings));
  return [...fromPackage, ...fromLinks].filter((a): a is Association => a !== undefined);
}
