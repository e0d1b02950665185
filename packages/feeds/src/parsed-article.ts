// What a parser hands to the normalizer: a ninjs article without its identity
// (the normalizer decides uri and version), plus what ninjs cannot carry.
import type { Ninjs, SourceSignal } from '@wire/schema';
import type { DocumentFormat } from './detect-format.js';

export type ArticleBody = Omit<Ninjs, 'uri' | 'version'>;

export interface ParsedArticle {
  article: ArticleBody;
  source: { format: DocumentFormat; guid?: string; link?: string };
  signal: SourceSignal;
  warnings: string[];
}

export interface ParseContext {
  feedId: string;
  fetchedAt: string;
  contentType?: string | undefined;
  /** Language of the feed from the registry, used when the document names none. */
  language?: string | undefined;
}

export interface ParseResult {
  format: DocumentFormat;
  charset: string;
  articles: ParsedArticle[];
  warnings: string[];
}
