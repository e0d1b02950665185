export { cleanArticle } from './cleaning/clean-article.js';
export { cleanBodyHtml } from './cleaning/clean-body.js';
export { type Dateline, readDateline } from './cleaning/dateline.js';
export { type FilingStage, splitWirePrefix } from './cleaning/wire-prefix.js';
export { type DocumentFormat, detectFormat } from './detect-format.js';
export { ParseError, type ParseErrorCode, parseErrorCodes } from './errors.js';
export { completeItem, type PageContext } from './full-text/complete-item.js';
export { decodePage } from './full-text/decode-page.js';
export {
  type ExtractedStory,
  type ExtractStoryOptions,
  extractStory,
  readStory,
} from './full-text/extract-story.js';
export { parseDocument, slowPathWarning } from './parse-document.js';
export type {
  ArticleBody,
  ParseContext,
  ParsedArticle,
  ParseResult,
  SourceInfo,
} from './parsed-article.js';
export { canonicalLink } from './text/canonical-link.js';
export { htmlToText } from './text/html.js';
export {
  coverageDeadLetterRatio,
  coverageMinimumTokens,
  coverageWarningRatio,
  type TextCoverage,
  textCoverage,
  textTokens,
} from './text/text-coverage.js';
export { countWords } from './text/word-counts.js';
