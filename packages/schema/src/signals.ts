// What a source says about an item that ninjs cannot carry: it travels beside the
// article and, on public topics, in headers.
import { z } from 'zod';

export const sourceSignals = ['none', 'update', 'correction', 'kill'] as const;
export const sourceSignalSchema = z.enum(sourceSignals);
export type SourceSignal = z.infer<typeof sourceSignalSchema>;

/** The normalizer's verdict on one article revision. */
export const verdicts = ['created', 'updated', 'corrected', 'withdrawn', 'superseded'] as const;
export const verdictSchema = z.enum(verdicts);
export type Verdict = z.infer<typeof verdictSchema>;
