// The cleaning every parsed article goes through, whatever its format: wire
// prefixes off the headline and into signals, wire copy cleaned, the dateline
// into `located`, plain text recomputed from the cleaned HTML.
import type { SourceSignal } from '@wire/schema';
import { withBodyPictures } from '../media/pictures.js';
import type { ParsedArticle } from '../parsed-article.js';
import { countTextTokens } from '../text/word-counts.js';
import { readBody } from './read-body.js';
import { splitWirePrefix } from './wire-prefix.js';

const strength: Record<SourceSignal, number> = { none: 0, update: 1, correction: 2, kill: 3 };

// A link that runs code where a reader clicks it (browsers skip blanks and
// control characters inside the scheme) is no address of a story.
const scriptLink = /^(?:javascript|vbscript|data):/i;
const isScriptLink = (link: string) => scriptLink.test(link.replace(/[\s\p{Cc}]/gu, ''));

/**
 * A language tag in BCP 47's canonical case (`EN` → `en`, `pt-br` → `pt-BR`); a tag
 * that is not BCP 47 at all is kept as sent, with a warning.
 */
function canonicalLanguage(tag: string, warnings: string[]): string {
  const known = canonicalTags.get(tag);
  if (known !== undefined) return known;
  try {
    const canonical = Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0] ?? tag;
    // A feed names a handful of languages: each is worked out once per process.
    if (canonicalTags.size < 1_000) canonicalTags.set(tag, canonical);
    return canonical;
  } catch {
    warnings.push(`language "${tag.slice(0, 40)}" is not a BCP 47 tag; kept as sent`);
    return tag;
  }
}

const canonicalTags = new Map<string, string>();

export function cleanArticle(parsed: ParsedArticle): ParsedArticle {
  const article = { ...parsed.article };
  const source = { ...parsed.source };
  let signal = parsed.signal;
  let filing = parsed.filing;
  let resent = parsed.resent;
  let warnings = parsed.warnings;
  if (source.link !== undefined && isScriptLink(source.link)) {
    warnings = [...warnings, `link "${source.link.slice(0, 40)}" runs script; dropped`];
    delete source.link;
  }

  if (article.language !== undefined) {
    const notes: string[] = [];
    article.language = canonicalLanguage(article.language, notes);
    if (notes.length > 0) warnings = [...warnings, ...notes];
  }

  const main = article.headlines?.find((h) => h.role === 'main' || h.role === undefined);
  if (main) {
    const split = splitWirePrefix(main.value);
    if (split.prefix) {
      article.headlines = article.headlines?.map((h) =>
        h === main ? { ...h, value: split.headline } : h,
      );
      source.wirePrefix = split.prefix;
      if (strength[split.signal] > strength[signal]) signal = split.signal;
      if (split.urgent && article.urgency === undefined) article.urgency = 1;
      if (split.stage) filing = split.stage;
      if (split.resent) resent = true;
    }
  }

  const body = parsed.bodyMarkup && readBody(parsed.bodyMarkup.markup, parsed.bodyMarkup.role);
  let contentText = parsed.contentText;
  let contentTokens: number | undefined;
  if (body) {
    const others = (article.bodies ?? []).filter(
      (b) => b.contentType !== 'text/html' && b.contentType !== 'text/plain',
    );
    article.bodies = [...body.bodies, ...others];
    if (!parsed.bodyMarkup?.inContentText) {
      // A line break ends every token, so the tokens of the two joined are those of each.
      if (body.sourceTokens !== undefined)
        contentTokens = body.sourceTokens + (contentText ? countTextTokens(contentText) : 0);
      contentText = contentText ? `${contentText}\n${body.sourceText}` : body.sourceText;
    }
    if (body.located && article.located === undefined) article.located = body.located;
    if (body.attn) {
      source.attn = body.attn;
      if (signal === 'none' && /\b(?:UPDATE|ADDS|RECASTS|CHANGES)\b/i.test(body.attn))
        signal = 'update';
      if (/\bCORRECT/i.test(body.attn) && strength.correction > strength[signal])
        signal = 'correction';
    }
    if (body.credit && article.by === undefined) article.by = body.credit;
    const associations = withBodyPictures(
      article.associations,
      body.pictures.map((p) => ({ href: p.src, caption: p.caption ?? p.alt })),
    );
    if (associations) article.associations = associations;
  }
  const { bodyMarkup: _read, ...rest } = parsed;
  return {
    ...rest,
    article,
    source,
    signal,
    warnings,
    ...(filing && { filing }),
    ...(resent && { resent }),
    ...(contentText !== undefined && { contentText }),
    ...(contentTokens !== undefined && { contentTokens }),
  };
}
