// contentMeta of a news or package item (NewsML-G2 2.35 spec, "Content Metadata":
// administrative and descriptive metadata).
import { compact } from './compact.js';
import type { G2ContentMeta, G2Text } from './g2-item.js';
import { attr, children, childText, concept, concepts, text } from './g2-xml.js';

function texts(node: unknown, name: string): G2Text[] {
  return children(node, name).flatMap((element) => {
    const value = text(element);
    return value === undefined ? [] : [compact<G2Text>({ value, role: attr(element, 'role') })];
  });
}

export function decodeContentMeta(node: unknown, lang: string | undefined): G2ContentMeta {
  return compact<G2ContentMeta>({
    urgency: childText(node, 'urgency'),
    headlines: texts(node, 'headline'),
    slugline: childText(node, 'slugline'),
    descriptions: texts(node, 'description'),
    creators: concepts(node, 'creator', lang),
    contributors: concepts(node, 'contributor', lang),
    by: childText(node, 'by'),
    located: concept(children(node, 'located')[0], lang),
    dateline: childText(node, 'dateline'),
    subjects: concepts(node, 'subject', lang),
    genres: concepts(node, 'genre', lang),
    languages: children(node, 'language').flatMap((element) => attr(element, 'tag') ?? []),
    keywords: children(node, 'keyword').flatMap((element) => text(element) ?? []),
  });
}
