export { type DocumentFormat, detectFormat } from './detect-format.js';
export { ParseError, type ParseErrorCode, parseErrorCodes } from './errors.js';
export { parseDocument } from './parse-document.js';
export type { ArticleBody, ParseContext, ParsedArticle, ParseResult, SourceInfo } from './parsed-article.js';
export { countWords, htmlToText, sanitizeBodyHtml } from './text/html.js';
