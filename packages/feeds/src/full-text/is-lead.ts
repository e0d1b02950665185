// Whether an item's body is only a lead, to be completed from its article page when
// the feed says `fullText: auto`. The ingester asks it of the item's description
// and the normalizer of the item's text, so both decide alike.

/** Fewer characters than this is a teaser line, not a story (a wire story runs to thousands). */
export const leadMaximumCharacters = 300;

// "...", "…", "[...]", "(more)" closing the text: the agency cut it short.
const cutShort = /(?:\.{3}|…|\[(?:\.{3}|…)\]|\((?:more|continued)\))\s*$/i;

export function isLead(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed.length < leadMaximumCharacters || cutShort.test(trimmed);
}
