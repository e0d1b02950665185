// Every way a whole document can fail to parse. A failure of one item is a warning
// instead; a failed document becomes a dead-letter record upstream (each code is
// one of the dead-letter codes, which the compiler checks where it is written).
import { WireError } from '@wire/schema';

export const parseErrorCodes = {
  DOCUMENT_EMPTY: 'the document is empty',
  CHARSET_UNSUPPORTED: 'the declared character encoding is not supported',
  CHARSET_UNREADABLE:
    'the bytes fit neither the declared character encoding nor one a detector is sure of',
  XML_DTD_REFUSED: 'the document declares a DTD with entities, which is refused',
  XML_MALFORMED: 'the document is not well-formed XML',
  FORMAT_UNKNOWN: 'the document is not a known feed or news format',
  FORMAT_UNSUPPORTED: 'the format is recognised but not parsed yet',
  PAGE_ITEM_INVALID: 'the item a page completes is not one item of a feed',
  PAGE_NO_STORY: 'the article page holds no story that can be read',
} as const;

export type ParseErrorCode = keyof typeof parseErrorCodes;

/** The bytes can never be read: no retry helps, so the document is a dead letter. */
export class ParseError extends WireError<ParseErrorCode> {
  constructor(code: ParseErrorCode, detail?: string, options?: { cause: unknown }) {
    const message = detail ? `${parseErrorCodes[code]}: ${detail}` : parseErrorCodes[code];
    super(code, 'permanent', message, options);
    this.name = 'ParseError';
  }
}
