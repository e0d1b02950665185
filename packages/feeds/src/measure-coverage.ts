// The parser's safety net, whatever the format: an article must not be quietly
// emptier than the content parts it came from. Each adapter says what text its
// item's content parts hold (`contentText`); once the article is cleaned, the
// share of it the article keeps is measured, and a loss is a warning.
import type { ParsedArticle } from './parsed-article.js';
import {
  coverageMinimumTokens,
  coverageWarningRatio,
  textCoverageOfParts,
} from './text/text-coverage.js';

/**
 * The texts an article keeps for a reader, in the order they are read as one text
 * (joined by line breaks): headlines, descriptions, bodies, captions, place.
 */
function keptParts(parsed: ParsedArticle): string[] {
  const { article } = parsed;
  const bodies = article.bodies ?? [];
  const plain = bodies.find((b) => b.contentType === 'text/plain');
  return [
    ...(article.headlines ?? []).map((h) => h.value),
    ...(article.descriptions ?? []).map((d) => d.value),
    ...(plain ? [plain.value] : bodies.map((b) => b.value)),
    ...(article.associations ?? []).flatMap((a) => [
      ...(a.headlines ?? []).map((h) => h.value),
      ...(a.descriptions ?? []).map((d) => d.value),
    ]),
    article.located ?? '',
    article.by ?? '',
  ];
}

/** The article with its coverage measured and `contentText` let go; a loss is a warning. */
export function measureCoverage(parsed: ParsedArticle): ParsedArticle {
  const { contentText, contentTokens, ...rest } = parsed;
  if (contentText === undefined) return rest;
  const coverage = textCoverageOfParts(contentText, keptParts(parsed), contentTokens);
  if (coverage.sourceTokens < coverageMinimumTokens || coverage.ratio >= coverageWarningRatio)
    return { ...rest, coverage };
  const percent = Math.floor(coverage.ratio * 100);
  return {
    ...rest,
    coverage,
    warnings: [
      ...parsed.warnings,
      `the article keeps ${percent} % of its content text (${coverage.keptTokens} of ${coverage.sourceTokens} words)`,
    ],
  };
}
