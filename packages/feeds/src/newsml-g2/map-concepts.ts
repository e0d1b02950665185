// NewsML-G2 2.35 subject, genre and keyword to ninjs subjects and genres: URI from
// @uri or the expanded QCode, else a literal; name from the element or an assert.
import type { ArticleBody } from '../parsed-article.js';
import { compact } from './compact.js';
import type { G2Concept } from './g2-item.js';
import type { QCodeResolver } from './qcodes.js';
import { isUri } from './uri.js';

type Subject = NonNullable<ArticleBody['subjects']>[number];
type Genre = NonNullable<ArticleBody['genres']>[number];

export interface ConceptContext {
  qcodes: QCodeResolver;
  assertedNames: Record<string, string>;
  warnings: string[];
}

function identify(ref: G2Concept, context: ConceptContext): Pick<Subject, 'uri' | 'literal'> {
  if (ref.uri !== undefined && isUri(ref.uri)) return { uri: ref.uri };
  if (ref.uri !== undefined) {
    context.warnings.push(`concept uri "${ref.uri.slice(0, 80)}" is not an absolute URI`);
  }
  if (ref.qcode !== undefined) return context.qcodes.resolve(ref.qcode);
  const literal = ref.literal ?? ref.uri;
  return literal === undefined ? {} : { literal };
}

function nameOf(ref: G2Concept, asserted: Record<string, string>): string | undefined {
  if (ref.name !== undefined) return ref.name;
  for (const key of [ref.qcode, ref.literal, ref.uri]) {
    if (key !== undefined && Object.hasOwn(asserted, key)) return asserted[key];
  }
  return undefined;
}

function toConcept(ref: G2Concept, context: ConceptContext): Subject | undefined {
  const mapped = compact<Subject>({
    name: nameOf(ref, context.assertedNames),
    ...identify(ref, context),
  });
  return Object.keys(mapped).length === 0 ? undefined : mapped;
}

/** Subjects, then keywords as named subjects with rel "keyword" (ninjs 3 has no keywords). */
export function toSubjects(
  subjects: G2Concept[],
  keywords: string[],
  context: ConceptContext,
): Subject[] {
  const mapped = subjects.flatMap((ref) => {
    const subject = toConcept(ref, context);
    if (subject === undefined) return [];
    return [ref.rel === undefined ? subject : { ...subject, rel: ref.rel }];
  });
  return [...mapped, ...keywords.map((name) => ({ name, rel: 'keyword' }))];
}

export function toGenres(genres: G2Concept[], context: ConceptContext): Genre[] {
  return genres.flatMap((ref) => toConcept(ref, context) ?? []);
}
