// wire.dlq.v1: a record no stage could handle. The value is the original bytes,
// untouched, so it can be redriven after a fix; the headers say where it came
// from and why it failed. The original record's headers are kept beside them.
export interface DeadLetterOrigin {
  stage: 'ingester' | 'normalizer' | 'publisher';
  topic: string;
  partition: number;
  offset: string;
}

export interface DeadLetterReason {
  /** A stable error code, e.g. XML_MALFORMED; never free text. */
  code: string;
  detail: string;
  /** For an item-level failure: which item of the document. */
  item?: string;
}

export function deadLetterHeaders(
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
