// What a parser hands to the normalizer: a ninjs article without its identity
// (the normalizer decides uri and version), plus what ninjs cannot carry.
import type { Ninjs, SourceSignal } from '@wire/schema';
import type { FilingStage } from './cleaning/wire-prefix.js';
import type { DocumentFormat } from './detect-format.js';
import type { TextCoverage } from './text/text-coverage.js';

export type ArticleBody = Omit<Ninjs, 'uri' | 'version'>;

/** What the source said about an item that ninjs cannot carry. */
export interface SourceInfo {
  format: DocumentFormat;
  /** The source's own id: RSS guid, Atom id, NewsML-G2 guid, NITF doc-id. */
  guid?: string;
  /** The canonical link, tracking parameters removed. */
  link?: string;
  /** The source's own version number (NewsML-G2 @version, NewsML 1.2 RevisionId). */
  version?: string;
  /** A wire prefix taken off the headline: (LEAD), (URGENT), (2nd LD), (속보)... */
  wirePrefix?: string;
  /** An editor's ATTN line, e.g. "UPDATES with remarks on Blinken trip in last 2 paras". */
  attn?: string;
  /** The agency's publication constraints on parts left out (G2 pubconstraint). */
  publicationConstraints?: string[];
}

export interface ParsedArticle {
  article: ArticleBody;
  source: SourceInfo;
  signal: SourceSignal;
  /** A flash, or a later filing of a developing story, as the headline's wire marker says. */
  filing?: FilingStage;
  /** A re-send of an item filed before (REFILE, RPT, 再送), as the headline's marker says. */
  resent?: true;
  warnings: string[];
  /**
   * The plain text of the item's content parts as the source holds them, set by
   * each format's adapter and measured against the article once it is cleaned.
   */
  contentText?: string;
  /** How many coverage tokens `contentText` holds, when reading the body counted them. */
  contentTokens?: number;
  /**
   * The item's body markup, not yet cleaned: parseDocument reads it in one pass
   * (made safe, cleaned, its text) into the article's bodies, and adds the text it
   * held to `contentText`, unless the adapter measured that text itself from the
   * document before converting it to HTML (`inContentText`, NITF).
   */
  bodyMarkup?: { markup: string; role?: string; inContentText?: true };
  /** How much of `contentText` the article kept (set by parseDocument). */
  coverage?: TextCoverage;
}

export interface ParseContext {
  feedId: string;
  fetchedAt: string;
  contentType?: string | undefined;
  /** The address the document was fetched from: relative references in it resolve there. */
  url?: string | undefined;
  /** The feed's IANA time zone from the registry: dates without a zone are its local time. */
  timeZone?: string | undefined;
  /** Language of the feed from the registry, used when the document names none. */
  language?: string | undefined;
}

export interface ParseResult {
  format: DocumentFormat;
  charset: string;
  articles: ParsedArticle[];
  warnings: string[];
}
