// The normalizer's stage logic for one wire.raw.v1 record: parse the document,
// decide identity and revision of each article, publish each new revision once,
// and dead-letter what cannot be read. The caller writes what this hands to
// `publishNormalized` and `deadLetter` in one Kafka transaction with the raw
// record's offset; once that committed, it runs the returned `afterCommit`, which
// marks the revisions done. If anything fails, the claims are released and the
// transaction aborts, so a redelivery does the whole record again.
import {
  completeItem,
  coverageDeadLetterRatio,
  coverageMinimumTokens,
  coverageWarningRatio,
  type ParsedArticle,
  ParseError,
  type ParseResult,
  parseDocument,
} from '@wire/feeds';
import { isLead } from '@wire/feeds/is-lead';
import type { ClaimStore } from '@wire/redis';
import {
  type DeadLetterReason,
  type IdentityStrategy,
  type NormalizedArticle,
  type RawDocumentMetadata,
  rawDocumentHeadersSchema,
} from '@wire/schema';
import { decideVerdict } from './decide-verdict.js';
import { type FilingIndex, RecentFilings } from './filing-index.js';
import { filingTextOf } from './filing-text.js';
import { type Fingerprint, fingerprintOf } from './fingerprint.js';
import { articleKeyOfLink, type LinkMemory } from './link-memory.js';
import type { NearDuplicate, NearDuplicateIndex } from './near-duplicates.js';
import { type FamilyMatch, type FamilySettings, type Filing, familyOf } from './refile-family.js';
import type { StoryAliases } from './story-aliases.js';
import { eventIdOf, revisionOf, storyIdentity } from './story-identity.js';
import {
  type InputPosition,
  type RevisionPlacement,
  rankOf,
  type StoryLedger,
} from './story-ledger.js';

export interface RawRecord {
  value: Buffer;
  headers: Record<string, string>;
  /**
   * Identifies the record (topic/partition/offset), the same for any instance that
   * gets it again after a crash, so a redelivery recognises its own pending claims.
   */
  deliveryId: string;
  /** Its input partition and offset, when it came from Kafka (see story-ledger.ts). */
  position?: InputPosition | undefined;
}

export interface NormalizeDependencies {
  claims: ClaimStore;
  stories: StoryLedger;
  nearDuplicates: NearDuplicateIndex;
  links: LinkMemory;
  aliases: StoryAliases;
  /** The agencies' recent filings, which a re-filed flash or lead is matched against. */
  filings: FilingIndex;
  family: FamilySettings;
  /**
   * `value` is the record's value: the article as JSON, encoded once here (its
   * length was the size check), for the caller to write as it is.
   */
  publishNormalized(article: NormalizedArticle, value: Buffer): Promise<void>;
  deadLetter(reason: DeadLetterReason): Promise<void>;
  /**
   * Event keys claimed by earlier records of the same Kafka transaction: not done
   * until it commits, yet already on their way.
   */
  claimedInTransaction?: Set<string>;
  /** Waits before asking again about an item another instance is publishing. */
  sleep(ms: number): Promise<void>;
  eventKey(eventId: string): string;
}

export interface NormalizeSummary {
  articles: number;
  published: number;
  duplicates: number;
  deadLetters: number;
  /** Items with no headline, no body and no media: no article, a warning each. */
  emptyItems: number;
  /** Articles that keep less of their source's content text than they should (warned or dead-lettered). */
  textLoss: { warned: number; deadLettered: number };
  warnings: string[];
}

export interface NormalizeResult {
  summary: NormalizeSummary;
  /** Marks the published revisions done; run it only after the transaction committed. */
  afterCommit(): Promise<void>;
}

export async function normalizeDocument(
  record: RawRecord,
  deps: NormalizeDependencies,
): Promise<NormalizeResult> {
  const pending: PendingRevision[] = [];
  const claimed: string[] = [];
  try {
    const summary = await normalizeRecord(record, deps, pending, claimed);
    return {
      summary,
      async afterCommit() {
        // All at once: one round trip with auto-pipelining.
        await Promise.all(
          pending.flatMap((revision) => [
            deps.claims.markDone(revision.key),
            revision.fingerprint &&
              deps.nearDuplicates.record(revision.fingerprint, revision.uri, revision.agency),
            revision.link &&
              deps.links.remember(revision.link.feedId, revision.link.link, revision.uri),
            revision.firstPlaced && deps.aliases.remember(revision.firstPlaced, revision.uri),
            revision.filing &&
              deps.filings.record(revision.filing, revision.agency, revision.filingLanguage),
          ]),
        );
      },
    };
  } catch (err) {
    // Every claim this record took, published or not, so its redelivery starts clean.
    await Promise.all(
      claimed.map((key) => deps.claims.release(key, record.deliveryId).catch(() => undefined)),
    );
    throw err;
  }
}

interface PendingRevision {
  key: string;
  uri: string;
  agency: string;
  fingerprint: Fingerprint | undefined;
  /** The article key of the feed's link for this story, when it may name the story on a later poll. */
  link: { feedId: string; link: string } | undefined;
  /** The item's own uri, when this is the first time it is placed in a story (`uri`). */
  firstPlaced: string | undefined;
  /** What later filings of the story are matched against. */
  filing: Filing | undefined;
  filingLanguage: string;
}

async function normalizeRecord(
  record: RawRecord,
  deps: NormalizeDependencies,
  pending: PendingRevision[],
  claimed: string[],
): Promise<NormalizeSummary> {
  const summary: NormalizeSummary = {
    articles: 0,
    published: 0,
    duplicates: 0,
    deadLetters: 0,
    emptyItems: 0,
    textLoss: { warned: 0, deadLettered: 0 },
    warnings: [],
  };
  const headers = rawDocumentHeadersSchema.safeParse(record.headers);
  if (!headers.success) {
    await deps.deadLetter({ code: 'RAW_HEADERS_INVALID', detail: headers.error.message });
    summary.deadLetters++;
    return summary;
  }
  const meta = headers.data;
  let parsed: ParseResult;
  try {
    parsed = parseRecord(record.value, meta);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    await deps.deadLetter({ code: err.code, detail: err.message });
    summary.deadLetters++;
    return summary;
  }
  summary.warnings.push(...parsed.warnings);
  // Where each article stands in the document, which a dead letter names.
  const positions: number[] = [];
  const articles = parsed.articles.filter((article, index) => {
    if (!isEmptyItem(article)) return positions.push(index) > 0;
    summary.emptyItems++;
    summary.warnings.push(`item ${index + 1} has no headline, no body and no media: no article`);
    return false;
  });

  const unreliableGuids = guidsUsedTwice(articles);
  const sharedLinks = linksUsedTwice(articles);
  for (const guid of unreliableGuids) {
    summary.warnings.push(
      `guid "${guid.slice(0, 80)}" names several items; they are identified by link`,
    );
  }
  // Every article's lookups go out together: with the Redis client's
  // auto-pipelining each step costs one round trip for the whole document.
  const identified = await Promise.all(
    articles.map((article) => {
      const link = article.source.link;
      const storyLink = link !== undefined && !sharedLinks.has(link) ? link : undefined;
      // A guid that names several items cannot identify one: then its own link
      // does, or, when other items share that link too, its content.
      const strategy =
        article.source.guid !== undefined && unreliableGuids.has(article.source.guid)
          ? storyLink
            ? 'link'
            : 'content'
          : meta['wire-identity'];
      // The part of the link that names the article, read once for the lookup and the write.
      const storyLinkKey = storyLink !== undefined ? articleKeyOfLink(storyLink) : undefined;
      return identify(article, meta, { strategy, storyLinkKey }, deps);
    }),
  );

  // Oldest first, so a story's revisions reach the ledger and the topic in the
  // order they were filed, whatever order the feed lists them in.
  const order = chronologicalOrder(articles);
  joinFamiliesWithinDocument(identified, order, deps);

  // Articles that lost their text and repeats inside the document are settled
  // before any state changes. The schema is checked once per article, where the
  // public contract is written: the publisher dead-letters a record that breaks it.
  const outcomes: ArticleOutcome[] = [];
  const toPlace: Identified[] = [];
  const keys = new Set<string>();
  for (const index of order) {
    const item = identified[index] as Identified;
    summary.articles++;
    const lost = textLost(item.parsed);
    if (lost) summary.textLoss.deadLettered++;
    else if (textShort(item.parsed)) summary.textLoss.warned++;
    if (lost) {
      outcomes[index] = { kind: 'invalid', code: 'TEXT_LOST', detail: lost };
    } else if (keys.has(item.key) || deps.claimedInTransaction?.has(item.key)) {
      // The same revision twice in one document, or in one transaction: the first
      // one is already on its way.
      outcomes[index] = { kind: 'duplicate' };
    } else {
      keys.add(item.key);
      deps.claimedInTransaction?.add(item.key);
      toPlace.push(item);
    }
  }
  const placements = new Map<Identified, RevisionPlacement | 'duplicate'>();
  await Promise.all(
    toPlace.map(async (item) => {
      placements.set(
        item,
        await claimAndPlace(
          item,
          record.deliveryId,
          record.position,
          deps,
          claimed,
          meta['wire-item-document'] !== undefined,
        ),
      );
    }),
  );

  for (const index of order) {
    const item = identified[index] as Identified;
    const placement = placements.get(item) ?? 'duplicate';
    const outcome =
      outcomes[index] ??
      (placement === 'duplicate'
        ? { kind: 'duplicate' as const }
        : await publish(item, meta, placement, record.deliveryId, deps, pending));
    if (outcome.kind === 'invalid') {
      await deps.deadLetter({
        code: outcome.code,
        detail: outcome.detail,
        item: String(positions[index]),
      });
      summary.deadLetters++;
    } else if (outcome.kind === 'duplicate') {
      summary.duplicates++;
    } else {
      summary.published++;
    }
  }
  return summary;
}

/** A feed document's articles, or a page record's one article: its item completed from the page. */
function parseRecord(value: Buffer, meta: RawDocumentMetadata): ParseResult {
  const context = {
    feedId: meta['wire-feed-id'],
    fetchedAt: meta['wire-fetched-at'],
    contentType: meta['wire-content-type'],
    url: meta['wire-url'],
    language: meta['wire-language'],
    timeZone: meta['wire-time-zone'],
  };
  const item = meta['wire-item-document'];
  if (item === undefined) return parseDocument(value, context);
  return completeItem(item, value, {
    ...context,
    // The item's own relative references resolve where its feed put them: its link.
    url: meta['wire-item-link'],
    pageUrl: meta['wire-url'],
    pageContentType: meta['wire-content-type'],
    selector: meta['wire-full-text-selector'],
  });
}

/**
 * Whether the article's body is the item's lead or the story read off its page,
 * for a feed completed from article pages; undefined for any other feed.
 */
function fullTextOf(
  parsed: ParsedArticle,
  meta: RawDocumentMetadata,
): NormalizedArticle['fullText'] {
  if (meta['wire-item-document'] !== undefined) return 'page';
  const mode = meta['wire-full-text'];
  if (mode === undefined || mode === 'never' || !parsed.source.link) return undefined;
  const text = parsed.article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
  return mode === 'always' || isLead(text) ? 'lead' : undefined;
}

type ArticleOutcome =
  | { kind: 'published' | 'duplicate' }
  | {
      kind: 'invalid';
      code: 'ARTICLE_TOO_LARGE' | 'TEXT_LOST';
      detail: string;
    };

/** An item that gives a reader nothing: no headline, no body, no media (a kill needs none). */
function isEmptyItem({ article, signal }: ParsedArticle): boolean {
  return (
    signal !== 'kill' &&
    !article.headlines?.some((h) => h.value.trim() !== '') &&
    !article.bodies?.some((b) => b.value.trim() !== '') &&
    !article.associations?.length
  );
}

function measuredLoss(parsed: ParsedArticle, below: number): boolean {
  const { coverage } = parsed;
  return (
    coverage !== undefined &&
    coverage.sourceTokens >= coverageMinimumTokens &&
    coverage.ratio < below
  );
}

const textShort = (parsed: ParsedArticle) => measuredLoss(parsed, coverageWarningRatio);

/**
 * Why the article may not go out in place of its source: it lost most of the
 * text its content parts hold (a shape the parser does not read yet).
 */
function textLost(parsed: ParsedArticle): string | undefined {
  if (!measuredLoss(parsed, coverageDeadLetterRatio)) return undefined;
  const { keptTokens, sourceTokens } = parsed.coverage as NonNullable<ParsedArticle['coverage']>;
  return `the article keeps ${keptTokens} of the ${sourceTokens} words its content parts hold (under ${coverageDeadLetterRatio * 100} %)`;
}

/** What a normalized record may weigh: under Kafka's default 1 MiB, headers included. */
export const maxArticleBytes = 900 * 1024;

interface IdentityHints {
  strategy: IdentityStrategy;
  /** The article key (articleKeyOfLink) of the item's link, if no other item of the document has that link. */
  storyLinkKey: string | undefined;
}

/** Who an article is: its own uri, the story it belongs to, and the event it would be. */
interface Identified {
  parsed: ParsedArticle;
  /** The item's own story uri, from its identity. */
  ownUri: string;
  /** The story it belongs to: the one it was placed in before, else its own or the one it joins now. */
  uri: string;
  placedBefore: boolean;
  nearDuplicate: NearDuplicate | undefined;
  /** The earlier filing of a developing story this one continues, when that placed it. */
  refiling: FamilyMatch | undefined;
  fingerprint: Fingerprint | undefined;
  /** The item as a filing, for matching later re-files; none for a kill or no headline. */
  filing: Omit<Filing, 'story'> | undefined;
  filingLanguage: string;
  storyLinkKey: string | undefined;
  revision: string;
  eventId: string;
  key: string;
}

async function identify(
  parsed: ParsedArticle,
  meta: RawDocumentMetadata,
  hints: IdentityHints,
  deps: NormalizeDependencies,
): Promise<Identified> {
  const agency = meta['wire-agency'];
  const feedId = meta['wire-feed-id'];
  const identity = storyIdentity(parsed, hints.strategy, agency);
  const fingerprint = fingerprintable(parsed) ? fingerprintOf(fingerprintText(parsed)) : undefined;
  const filing = filingOf(parsed, identity.uri, meta);
  const filingLanguage = languageOf(parsed, meta);
  // The three questions go out together; each answer depends only on the identity.
  const [remembered, aliasOfIdentity, nearOfIdentity] = await Promise.all([
    // A guid that changed for a link this feed showed before: the link's story it is.
    identity.strategy === 'guid' && hints.storyLinkKey
      ? deps.links.uriFor(feedId, hints.storyLinkKey)
      : undefined,
    // Where an earlier version of this item went, its own story or the one it joined:
    // this one goes there too, however the near-duplicate index has grown since.
    deps.aliases.storyOf(identity.uri),
    fingerprint ? deps.nearDuplicates.find(fingerprint, identity.uri, agency) : undefined,
  ]);
  // By its identity, or by a link this feed showed before under another guid.
  const placedBefore = aliasOfIdentity ?? remembered;
  const ownUri = identity.uri;
  // Placed before, its story is settled: the index can only add that another
  // agency has nearly the same text.
  const nearDuplicate = placedBefore
    ? nearOfIdentity?.relation === 'related' && nearOfIdentity.of !== placedBefore
      ? nearOfIdentity
      : undefined
    : nearOfIdentity;
  // A re-filing by the same agency joins the story it repeats; another agency's is only related.
  const joins = nearDuplicate?.relation === 'same-story' ? nearDuplicate.of : undefined;
  // Too short to fingerprint, or reworded: a later filing of a flash the agency sent
  // under another id is known by its headline and lead.
  // Asked only for an item nothing placed yet (a re-poll asks nothing more), and
  // for all of a document's new items at once: one more round trip.
  const refiling =
    placedBefore === undefined && joins === undefined && filing
      ? familyOf(
          filing,
          await deps.filings.candidates({
            agency,
            language: filingLanguage,
            at: filing.at,
            text: filing.text,
            ...reachOf(filing, deps.family),
          }),
          deps.family,
        )
      : undefined;
  const uri = placedBefore ?? joins ?? refiling?.story ?? ownUri;
  const revision = revisionOf(parsed);
  const eventId = eventIdOf(uri, revision);
  return {
    parsed,
    ownUri,
    uri,
    placedBefore: placedBefore !== undefined,
    nearDuplicate: nearDuplicate || undefined,
    refiling,
    fingerprint,
    filing,
    filingLanguage,
    storyLinkKey: hints.storyLinkKey,
    revision,
    eventId,
    key: deps.eventKey(eventId),
  };
}

/**
 * A flash and its lead can come in one poll: an item no state placed joins the
 * family of an earlier item of the same document, as it would have had the two
 * come in separate polls.
 */
function joinFamiliesWithinDocument(
  identified: Identified[],
  order: number[],
  deps: NormalizeDependencies,
): void {
  const seen = new RecentFilings({ windowMs: deps.family.windowMs });
  for (const index of order) {
    const item = identified[index] as Identified;
    if (!item.filing) continue;
    const space = item.filingLanguage;
    if (!item.placedBefore && item.uri === item.ownUri) {
      const reach = reachOf(item.filing, deps.family);
      const match = familyOf(
        item.filing,
        seen.candidates(item.filing.text, item.filing.at, space, reach.backMs, reach.onMs),
        deps.family,
      );
      if (match) {
        const eventId = eventIdOf(match.story, item.revision);
        identified[index] = {
          ...item,
          uri: match.story,
          refiling: match,
          eventId,
          key: deps.eventKey(eventId),
        };
      }
    }
    const placed = identified[index] as Identified;
    // Whether its story holds a retelling, as far as the index's answer and this
    // document tell (an item placed by its alias or a near-duplicate is not asked).
    seen.add(
      { ...item.filing, story: placed.uri, storyRetold: placed.refiling?.storyRetold },
      space,
    );
  }
}

/**
 * How far back and on a filing looks for its family: the window, and two for a
 * re-send (back, to the item it repeats) and for a re-send of the filing itself
 * (on: there only when filings come out of order).
 */
function reachOf(
  filing: Omit<Filing, 'story'>,
  family: FamilySettings,
): { backMs: number; onMs: number } {
  return {
    backMs: filing.resent ? family.resentWindowMs : family.windowMs,
    onMs: family.resentWindowMs,
  };
}

/** The item as a filing of a developing story: its headline, lead, marker and time. */
function filingOf(
  parsed: ParsedArticle,
  uri: string,
  meta: RawDocumentMetadata,
): Omit<Filing, 'story'> | undefined {
  const headline = parsed.article.headlines?.[0]?.value ?? '';
  const body = parsed.article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
  if (parsed.signal === 'kill' || (headline.trim() === '' && body.trim() === '')) return undefined;
  const at = Date.parse(parsed.article.versionCreated ?? meta['wire-fetched-at']);
  if (Number.isNaN(at)) return undefined;
  return {
    uri,
    at,
    stage: parsed.filing,
    ...(parsed.resent && { resent: true }),
    text: filingTextOf(headline, body),
  };
}

/** The primary language subtag, so that zh-CN and zh filings are matched together. */
function languageOf(parsed: ParsedArticle, meta: RawDocumentMetadata): string {
  const tag = parsed.article.language ?? meta['wire-language'] ?? 'und';
  return tag.split('-')[0]?.toLowerCase() || 'und';
}

/**
 * Claims the event and places the revision in the story ledger, both sent at
 * once: placing is idempotent per event id, so placing an event another instance
 * published (or is publishing) changes nothing.
 */
async function claimAndPlace(
  item: Identified,
  owner: string,
  position: InputPosition | undefined,
  deps: NormalizeDependencies,
  claimed: string[],
  fromPage: boolean,
): Promise<RevisionPlacement | 'duplicate'> {
  const revision = {
    eventId: item.eventId,
    // A page completes its item's version: it ranks just above the lead (and below
    // the agency's next version, 1/1000 up), so it is the story's latest over it.
    rank:
      rankOf(item.parsed.source.version, item.parsed.article.versionCreated) +
      (fromPage ? pageRankStep : 0),
    revision: item.revision,
    versionCreated: item.parsed.article.versionCreated,
    kill: item.parsed.signal === 'kill',
    version: item.parsed.source.version,
    position,
  };
  const [first, placement] = await Promise.all([
    deps.claims.claim(item.key, owner),
    deps.stories.place(item.uri, revision),
  ]);
  for (let attempt = 0, claim = first; ; attempt++) {
    if (claim === 'done') return 'duplicate';
    if (claim === 'claimed') {
      claimed.push(item.key);
      return placement;
    }
    // Another instance is publishing this very revision: wait for it to finish or expire.
    await deps.sleep(Math.min(100 * 2 ** attempt, 2_000));
    claim = await deps.claims.claim(item.key, owner);
  }
}

const pageRankStep = 0.0005;

/** The wire.normalized.v1 record of the item, placed as the ledger says. */
function recordOf(
  item: Identified,
  meta: RawDocumentMetadata,
  placement: RevisionPlacement,
): NormalizedArticle {
  const { parsed, uri, revision, eventId, nearDuplicate, refiling } = item;
  const firstCreated = placement.firstCreated ?? parsed.article.versionCreated;
  const fullText = fullTextOf(parsed, meta);
  return {
    eventId,
    verdict: decideVerdict(parsed.signal, placement),
    isLatest: placement.isLatest,
    latestVersion: placement.latestVersion,
    ...(nearDuplicate && { nearDuplicate }),
    ...(refiling && { refiling: { of: refiling.of, overlap: round2(refiling.overlap) } }),
    uri,
    revision,
    agency: meta['wire-agency'],
    feedId: meta['wire-feed-id'],
    fetchId: meta['wire-fetch-id'],
    fetchedAt: meta['wire-fetched-at'],
    signal: parsed.signal,
    source: parsed.source,
    ...(fullText && { fullText }),
    warnings: parsed.warnings,
    // The agency's own version where the source has one, as IPTC's G2-to-ninjs mapping
    // does, else the story's sequence: consumers can order versions either way. The
    // content hash stays in ce_revision.
    article: {
      uri,
      version: parsed.source.version ?? String(placement.sequence),
      ...(firstCreated && { firstCreated }),
      ...parsed.article,
    },
  };
}

async function publish(
  item: Identified,
  meta: RawDocumentMetadata,
  placement: RevisionPlacement,
  owner: string,
  deps: NormalizeDependencies,
  pending: PendingRevision[],
): Promise<ArticleOutcome> {
  const article = recordOf(item, meta, placement);
  // Encoded once: the bytes are the record's value, and their length is the size
  // check. An article larger than a Kafka record may be would fail its transaction
  // on every delivery and hold the partition up: it is dead-lettered instead.
  const value = Buffer.from(JSON.stringify(article));
  if (value.length > maxArticleBytes) {
    await deps.claims.release(item.key, owner);
    return {
      kind: 'invalid',
      code: 'ARTICLE_TOO_LARGE',
      detail: `the article is ${value.length} bytes as JSON; at most ${maxArticleBytes} fit a record`,
    };
  }
  pending.push({
    key: item.key,
    uri: item.uri,
    agency: meta['wire-agency'],
    fingerprint: item.fingerprint,
    link: item.storyLinkKey ? { feedId: meta['wire-feed-id'], link: item.storyLinkKey } : undefined,
    firstPlaced: item.placedBefore ? undefined : item.ownUri,
    filing: item.filing && { ...item.filing, story: item.uri },
    filingLanguage: item.filingLanguage,
  });
  await deps.publishNormalized(article, value);
  return { kind: 'published' };
}

/**
 * The articles' indexes by version time, oldest first; document order among equal
 * times, and for the whole document when any article has no time to go by.
 */
function chronologicalOrder(articles: ParsedArticle[]): number[] {
  const times = articles.map((a) => Date.parse(a.article.versionCreated ?? ''));
  const indexes = articles.map((_, index) => index);
  if (times.some((t) => Number.isNaN(t))) return indexes;
  return indexes.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// Below this, unrelated items come within a few bits of each other (see docs/near-duplicates.md).
const minimumFingerprintText = 400;

function fingerprintText(parsed: ParsedArticle): string {
  const headline = parsed.article.headlines?.[0]?.value ?? '';
  const text = parsed.article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
  return `${headline}\n${text}`;
}

/** Too little text gives a fingerprint that matches by chance: a flash or a teaser is left alone. */
function fingerprintable(parsed: ParsedArticle): boolean {
  return parsed.signal !== 'kill' && fingerprintText(parsed).length >= minimumFingerprintText;
}

/**
 * Guids that name two different items of one document (a feed that reuses its
 * guid, or sets it to the channel's): they cannot identify a story there.
 */
function guidsUsedTwice(articles: ParsedArticle[]): Set<string> {
  const firstSeen = new Map<string, string>();
  const unreliable = new Set<string>();
  for (const { source, article } of articles) {
    if (source.guid === undefined) continue;
    const what = `${source.link ?? ''}\n${article.headlines?.[0]?.value ?? ''}`;
    const seen = firstSeen.get(source.guid);
    if (seen === undefined) firstSeen.set(source.guid, what);
    else if (seen !== what) unreliable.add(source.guid);
  }
  return unreliable;
}

/** Links that several items of one document share (a section page, the home page). */
function linksUsedTwice(articles: ParsedArticle[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { source } of articles) {
    if (source.link === undefined) continue;
    if (seen.has(source.link)) shared.add(source.link);
    seen.add(source.link);
  }
  return shared;
}
