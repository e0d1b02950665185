export {
  type ArticleEventHeaders,
  articleEventHeaders,
  articleEventHeadersSchema,
  articleEventTypes,
  ninjsSchemaUri,
} from './article-event.js';
export { contractSchemas, renderJsonSchemas } from './contract-schemas.js';
export {
  type DeadLetterCode,
  type DeadLetterOrigin,
  type DeadLetterReason,
  type DeadLetterRecord,
  deadLetter,
  deadLetterCodes,
} from './dead-letter.js';
export { type Ninjs, newsObjectTypes, ninjsSchema } from './ninjs.js';
export { type NormalizedArticle, normalizedArticleSchema } from './normalized-article.js';
export {
  type FullTextMode,
  fullTextModeSchema,
  fullTextModes,
  type IdentityStrategy,
  identityStrategies,
  identityStrategySchema,
  isIdentityStrategy,
  type RawDocumentHeaders,
  type RawDocumentMetadata,
  rawDocumentHeadersSchema,
} from './raw-document.js';
export {
  type SourceSignal,
  sourceSignalSchema,
  sourceSignals,
  type Verdict,
  verdictSchema,
  verdicts,
} from './signals.js';
export { type ErrorKind, WireError } from './wire-error.js';
