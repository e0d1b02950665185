// Properties that do not hold yet for a corpus document, each with its reason.
// The fidelity test fails when one of these starts to hold: take it off then.
export type Property =
  | 'article'
  | 'ninjs'
  | 'headline'
  | 'version'
  | 'pubStatus'
  | 'type'
  | 'language'
  | 'body'
  | 'chrome';

export const knownGaps: Record<string, Partial<Record<Property, string>>> = {};
