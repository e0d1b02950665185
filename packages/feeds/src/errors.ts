// Every way a whole document can fail to parse. A failure of one item is a warning
// instead; a failed document becomes a dead-letter record upstream.
export const parseErrorCodes = {
  DOCUMENT_EMPTY: 'the document is empty',
  CHARSET_UNSUPPORTED: 'the declared character encoding is not supported',
  CHARSET_UNREADABLE:
    'the bytes fit neither the declared character encoding nor one a detector is sure of',
  XML_DTD_REFUSED: 'the document declares a DTD with entities, which is refused',
  XML_MALFORMED: 'the document is not well-formed XML',
  FORMAT_UNKNOWN: 'the document is not a known feed or news format',
  FORMAT_UNSUPPORTED: 'the format is recognised but not parsed yet',
} as const;

export type ParseErrorCode = keyof typeof parseErrorCodes;

export class ParseError extends Error {
  readonly retryable = false;
  constructor(
    readonly code: ParseErrorCode,
    detail?: string,
    options?: { cause: unknown },
  ) {
    super(detail ? `${parseErrorCodes[code]}: ${detail}` : parseErrorCodes[code], options);
    this.name = 'ParseError';
  }
}
