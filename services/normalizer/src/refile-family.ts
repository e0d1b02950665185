// Which story a filing continues when the agency re-files a developing story under
// a new id: flash → brief → detailed (快讯 → 简讯 → 详讯, (URGENT) → (LEAD), [속보] →
// (종합)). The filings of a family share most of their headline, the later one's
// headline and lead repeat the earlier headline, and they come within hours. A
// recurring series (a market open, an exchange rate, the weather, each day's) has
// the same headline with other figures, and a day between its items: the window
// and the figures keep it apart.
import type { FilingStage } from '@wire/feeds';
import { type FilingText, filingOverlap } from './filing-text.js';

export interface Filing {
  /** The filing's own uri, from its identity. */
  uri: string;
  /** The story it was placed in: its own uri, or the family it joined. */
  story: string;
  /** Its version time, ms. */
  at: number;
  stage?: FilingStage | undefined;
  /** A re-send of an item filed before (REFILE, RPT, 再送), as its marker says. */
  resent?: boolean | undefined;
  text: FilingText;
  /**
   * Its story already holds a retelling (a filing that is neither a flash nor an
   * untitled one-liner), as the index knows when it returns the filing: a flash is
   * retold once, and a story's later filings join it by their marker or by what
   * they share both ways.
   */
  storyRetold?: boolean | undefined;
}

/** A filing that tells a story, not a flash of it: once in a story, the flash is retold. */
export const retells = (filing: Omit<Filing, 'story'>): boolean =>
  filing.stage !== 'flash' && !filing.text.untitled;

export interface FamilySettings {
  /** Filings further apart than this are never one family, ... */
  windowMs: number;
  /**
   * ... unless the later one is marked as a re-send (REFILE, RPT, 再送): the agency
   * sent the item again, the next morning at times. Within this it joins an earlier
   * filing whose headline it repeats (resentOverlap); the index keeps two windows.
   */
  resentWindowMs: number;
  /** How much of the earlier headline a re-send beyond the window repeats in its headline and lead. */
  resentOverlap: number;
  /**
   * Share of the earlier headline that a filing its marker says is a later one
   * ((LEAD), 详讯, (종합), 再送) repeats in its headline and lead, to join it. One way
   * only: the other way, a later story's headline found in an earlier filing's
   * lead, is how a reaction's (종합) reads against the verdict it reacts to.
   */
  followUpOverlap: number;
  /**
   * After a flash, an unmarked filing joins it at followUpOverlap with at least this
   * the other way: half, as a second flash of the same run needs. Below that it is
   * another event whose lead names the flash's (the verdict's article after the
   * flash that the hearing began).
   */
  afterFlashFloor: number;
  /** Two filings without such markers (or two flashes): this much one way, ... */
  plainOverlap: number;
  /**
   * ... and at least this much the other way: half, as after a flash. Less, and the
   * later headline is another event whose lead recounts the earlier one (a meeting
   * held after the talks, a market's reading after another's).
   */
  plainFloor: number;
  /**
   * A flash whose own words and figures the later filing's headline and lead
   * repeat this much joins it, however the later headline is angled: the detailed
   * filing retells its flash. Once: after that, the reactions and analyses whose
   * leads repeat the flash (a verdict's) are stories of their own. (An agency's
   * templated flashes, one IPO filing after another, repeat about 0.8 of each
   * other's words with another company's name.)
   */
  flashRetold: number;
  /** A flash needs this many tokens for that: two words repeat too easily. */
  flashRetoldTokens: number;
  /**
   * A flash retold in other words (`伯纳姆宣誓就任英国议员` → `…正式宣誓就任议员`)
   * joins with this much of its words in the later filing's headline and lead ...
   */
  flashParaphrased: number;
  /**
   * ... when the later headline is at least this much in the flash: a templated
   * flash (one IPO filing after another) repeats the template, not the other's
   * headline, whose company differs.
   */
  flashParaphrasedBack: number;
  /**
   * When both headlines give figures and share none, a later filing whose marker
   * says so, after a flash or a marked filing, joins with this much of the earlier
   * headline's words (figures left out) in its headline and lead ...
   */
  figuresMovedOverlap: number;
  /** ... and this much of its own headline's words in the earlier filing. */
  figuresMovedFloor: number;
  /** Two flashes this close in time ... */
  flashRunMs: number;
  /** ... that share this much of their headlines both ways are one developing story. */
  flashRunOverlap: number;
  /**
   * Two flashes of such a run that quote the same speaker (`국정원 "…"` twice) need
   * only this much both ways: one briefing's quotes share the speaker and little else.
   */
  quoteRunOverlap: number;
}

// Measured on the labelled set in services/normalizer/test/fixtures/refile-families
// (see docs/near-duplicates.md): the most re-files joined with no false join.
export const defaultFamilySettings: FamilySettings = {
  windowMs: 12 * 3_600_000,
  resentWindowMs: 24 * 3_600_000,
  resentOverlap: 0.9,
  followUpOverlap: 0.55,
  afterFlashFloor: 0.5,
  plainOverlap: 0.9,
  plainFloor: 0.5,
  flashRetold: 0.85,
  flashRetoldTokens: 8,
  flashParaphrased: 0.75,
  flashParaphrasedBack: 0.6,
  figuresMovedOverlap: 0.8,
  figuresMovedFloor: 0.5,
  flashRunMs: 2 * 3_600_000,
  flashRunOverlap: 0.5,
  quoteRunOverlap: 0.3,
};

export interface FamilyMatch {
  /** The story the filing joins. */
  story: string;
  /** The earlier (or later) filing it matched. */
  of: string;
  /** How much of the headlines the two share, 0-1. */
  overlap: number;
  /** The story already held a retelling (see Filing). */
  storyRetold?: boolean | undefined;
}

/** How strongly two filings read as one story's, 0 when they cannot be. */
export function familyScore(
  a: Omit<Filing, 'story'>,
  b: Omit<Filing, 'story'>,
  settings: FamilySettings,
): number {
  const [earlier, later] = a.at <= b.at ? [a, b] : [b, a];
  const gap = later.at - earlier.at;
  // A re-send beyond the window is the earlier item sent again: it repeats its headline.
  const beyondWindow = gap > settings.windowMs;
  if (beyondWindow && !(later.resent && gap <= settings.resentWindowMs)) return 0;
  const overlap = filingOverlap(earlier.text, later.text);
  // Figures that changed are another day's reading (a market close, a tally), unless
  // a marker says the later filing continues a flash or a marked filing and it
  // repeats the earlier headline's words: the story moved on (a toll from 32 to 34).
  const figuresMoved =
    overlap.numbersDiffer &&
    later.stage === 'follow-up' &&
    (earlier.stage === 'flash' || earlier.stage === 'follow-up') &&
    overlap.earlierWordsInLater >= settings.figuresMovedOverlap &&
    overlap.laterWordsInEarlier >= settings.figuresMovedFloor;
  // Two days named are two days' reports, whatever else the headlines share.
  if ((overlap.numbersDiffer && !figuresMoved) || overlap.sessionsDiffer || overlap.datesDiffer)
    return 0;
  // A digest tells many stories, the first of them in its lead, and continues none.
  if (earlier.text.digest || later.text.digest) return 0;
  const most = Math.max(overlap.earlierInLater, overlap.laterInEarlier);
  const least = Math.min(overlap.earlierInLater, overlap.laterInEarlier);
  if (beyondWindow) return overlap.earlierInLater >= settings.resentOverlap ? most : 0;
  // A later filing's marker, or a flash before it, says a story is developing.
  const afterFlash = earlier.stage === 'flash' && later.stage !== 'flash';
  // An untitled one-line item is a flash too, but only its retelling joins it. A
  // later filing whose headline names a session the flash does not (an evening
  // digest, a market close) is that session's report, which retells the day's
  // flashes in its lead. A flash is retold once: the first retelling joins it, and
  // later filings continue that story as it now stands (an index's filing says so).
  const flashRetold =
    (afterFlash || (earlier.text.untitled && later.stage !== 'flash' && !later.text.untitled)) &&
    !earlier.storyRetold &&
    earlier.text.headline.length >= settings.flashRetoldTokens &&
    overlap.earlierFiguresKept &&
    later.text.sessions.every((session) => earlier.text.sessions.includes(session)) &&
    (overlap.earlierInLater >= settings.flashRetold ||
      (overlap.earlierInLater >= settings.flashParaphrased &&
        overlap.laterInEarlier >= settings.flashParaphrasedBack));
  // A second flash is a new fact: it joins the first only within a short run
  // that shares half the words both ways (two quotes from one briefing); a new
  // story's flash shares a name at most.
  const flashRun =
    earlier.stage === 'flash' &&
    later.stage === 'flash' &&
    later.at - earlier.at <= settings.flashRunMs &&
    least >= settings.flashRunOverlap;
  // Two flashes quoting the same speaker within such a run are one briefing's
  // (국정원 "…" then 국정원 "…"), though their quotes share little.
  const quoteRun =
    earlier.stage === 'flash' &&
    later.stage === 'flash' &&
    earlier.text.speaker !== undefined &&
    earlier.text.speaker === later.text.speaker &&
    later.at - earlier.at <= settings.flashRunMs &&
    least >= settings.quoteRunOverlap;
  const joins =
    flashRun ||
    quoteRun ||
    flashRetold ||
    (later.stage === 'follow-up'
      ? overlap.earlierInLater >= settings.followUpOverlap
      : afterFlash
        ? most >= settings.followUpOverlap && least >= settings.afterFlashFloor
        : most >= settings.plainOverlap && least >= settings.plainFloor);
  return joins ? most : 0;
}

/** The family the filing belongs to among the candidates: the best overlap, then the nearest in time. */
export function familyOf(
  filing: Omit<Filing, 'story'>,
  candidates: Filing[],
  settings: FamilySettings,
): FamilyMatch | undefined {
  let best: (FamilyMatch & { gap: number }) | undefined;
  for (const candidate of candidates) {
    if (candidate.uri === filing.uri || candidate.story === filing.uri) continue;
    const overlap = familyScore(filing, candidate, settings);
    if (overlap === 0) continue;
    const gap = Math.abs(filing.at - candidate.at);
    if (!best || overlap > best.overlap || (overlap === best.overlap && gap < best.gap)) {
      best = {
        story: candidate.story,
        of: candidate.uri,
        overlap,
        gap,
        storyRetold: candidate.storyRetold,
      };
    }
  }
  return (
    best && {
      story: best.story,
      of: best.of,
      overlap: best.overlap,
      ...(best.storyRetold && { storyRetold: true }),
    }
  );
}
