// wire.dlq.v1: a record no stage could handle. The value is the original bytes,
// untouched, so it can be redriven after a fix; the headers say where it came
// from and why it failed. The original record's headers are kept beside them.
export interface DeadLetterOrigin {
  stage: 'ingester' | 'normalizer' | 'publisher';
  topic: string;
  partition: number;
  offset: string;
}

/** Why a record is a dead letter: every code any stage writes, and what it means. */
export const deadLetterCodes = {
  DOCUMENT_EMPTY: 'the document is empty',
  CHARSET_UNSUPPORTED: 'the declared character encoding is not supported',
  CHARSET_UNREADABLE: 'the bytes fit no character encoding the parser is sure of',
  XML_DTD_REFUSED: 'the document declares a DTD with entities',
  XML_MALFORMED: 'the document is not well-formed XML',
  FORMAT_UNKNOWN: 'the document is not a known feed or news format',
  FORMAT_UNSUPPORTED: 'the format is recognised but not parsed yet',
  PAGE_ITEM_INVALID: 'the item an article page completes is not one item of a feed',
  PAGE_NO_STORY: 'the article page holds no story that can be read',
  RAW_HEADERS_INVALID: "the raw record's headers are missing or malformed",
  TEXT_LOST: "the article lost text the source has (an item's body not read whole)",
  ARTICLE_TOO_LARGE: 'the article is larger than an event may be',
  RECORD_NOT_JSON: 'the normalized record is not JSON',
  RECORD_INVALID: 'the normalized record does not match its schema',
  STAGE_FAILED: 'the stage failed on this record alone, with an error no retry mends',
} as const;

export type DeadLetterCode = keyof typeof deadLetterCodes;

export interface DeadLetterReason {
  /** A stable error code from the closed list above; never free text. */
  code: DeadLetterCode;
  detail: string;
  /** For an item-level failure: which item of the document. */
  item?: string;
}

/** A record as it goes to wire.dlq.v1: the original key and bytes, with the reason in headers. */
export interface DeadLetterRecord {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

/** The one way a dead letter is made, in every stage and in `wire replay`. */
export function deadLetter(
  origin: DeadLetterOrigin,
  reason: DeadLetterReason,
  original: DeadLetterRecord,
  at: Date,
): DeadLetterRecord {
  return {
    key: original.key,
    value: original.value,
    headers: deadLetterHeaders(origin, reason, original.headers, at),
  };
}

function deadLetterHeaders(
  origin: DeadLetterOrigin,
  reason: DeadLetterReason,
  originalHeaders: Record<string, string>,
  at: Date,
): Record<string, string> {
  return {
    ...originalHeaders,
    'wire-dlq-stage': origin.stage,
    'wire-dlq-reason': reason.code,
    'wire-dlq-detail': reason.detail.slice(0, 2_000),
    ...(reason.item !== undefined && { 'wire-dlq-item': reason.item }),
    'wire-dlq-source-topic': origin.topic,
    'wire-dlq-source-partition': String(origin.partition),
    'wire-dlq-source-offset': origin.offset,
    'wire-dlq-at': at.toISOString(),
  };
}
