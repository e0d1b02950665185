// The normalizer's stage logic for one wire.raw.v1 record: parse the document,
// decide identity and revision of each article, publish each new revision once,
// and dead-letter what cannot be read. The caller writes what this hands to
// `publishNormalized` and `deadLetter` in one Kafka transaction with the raw
// record's offset; once that committed, it runs the returned `afterCommit`, which
// marks the revisions done. If anything fails, the claims are released and the
// transaction aborts, so a redelivery does the whole record again.
import { type ParsedArticle, ParseError, parseDocument } from '@wire/feeds';
import type { ClaimStore } from '@wire/redis';
import {
  type DeadLetterReason,
  type IdentityStrategy,
  type NormalizedArticle,
  normalizedArticleSchema,
  type RawDocumentMetadata,
  rawDocumentHeadersSchema,
} from '@wire/schema';
import { decideVerdict } from './decide-verdict.js';
import { type Fingerprint, fingerprintOf } from './fingerprint.js';
import type { LinkMemory } from './link-memory.js';
import type { NearDuplicateIndex } from './near-duplicates.js';
import type { StoryAliases } from './story-aliases.js';
import { eventIdOf, revisionOf, storyIdentity } from './story-identity.js';
import { rankOf, type StoryLedger } from './story-ledger.js';

export interface RawRecord {
  value: Buffer;
  headers: Record<string, string>;
  /**
   * Identifies the record (topic/partition/offset), the same for any instance that
   * gets it again after a crash, so a redelivery recognises its own pending claims.
   */
  deliveryId: string;
}

export interface NormalizeDependencies {
  claims: ClaimStore;
  stories: StoryLedger;
  nearDuplicates: NearDuplicateIndex;
  links: LinkMemory;
  aliases: StoryAliases;
  publishNormalized(article: NormalizedArticle): Promise<void>;
  deadLetter(reason: DeadLetterReason): Promise<void>;
  /** Waits before asking again about an item another instance is publishing. */
  sleep(ms: number): Promise<void>;
  eventKey(eventId: string): string;
}

export interface NormalizeSummary {
  articles: number;
  published: number;
  duplicates: number;
  deadLetters: number;
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
  try {
    const summary = await normalizeRecord(record, deps, pending);
    return {
      summary,
      async afterCommit() {
        for (const revision of pending) {
          await deps.claims.markDone(revision.key);
          if (revision.fingerprint) {
            await deps.nearDuplicates.record(revision.fingerprint, revision.uri, revision.agency);
          }
          if (revision.link)
            await deps.links.remember(revision.link.feedId, revision.link.link, revision.uri);
          if (revision.joined) await deps.aliases.remember(revision.joined, revision.uri);
        }
      },
    };
  } catch (err) {
    for (const revision of pending)
      await deps.claims.release(revision.key, record.deliveryId).catch(() => undefined);
    throw err;
  }
}

interface PendingRevision {
  key: string;
  uri: string;
  agency: string;
  fingerprint: Fingerprint | undefined;
  /** The feed's link for this story, when it may name the story on a later poll. */
  link: { feedId: string; link: string } | undefined;
  /** The item's own uri, when it joined the story of another (now named by `uri`). */
  joined: string | undefined;
}

async function normalizeRecord(
  record: RawRecord,
  deps: NormalizeDependencies,
  pending: PendingRevision[],
): Promise<NormalizeSummary> {
  const summary: NormalizeSummary = {
    articles: 0,
    published: 0,
    duplicates: 0,
    deadLetters: 0,
    warnings: [],
  };
  const headers = rawDocumentHeadersSchema.safeParse(record.headers);
  if (!headers.success) {
    await deps.deadLetter({ code: 'RAW_HEADERS_INVALID', detail: headers.error.message });
    summary.deadLetters++;
    return summary;
  }
  const meta = headers.data;
  let parsed: ReturnType<typeof parseDocument>;
  try {
    parsed = parseDocument(record.value, {
      feedId: meta['wire-feed-id'],
      fetchedAt: meta['wire-fetched-at'],
      contentType: meta['wire-content-type'],
      language: meta['wire-language'],
    });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    await deps.deadLetter({ code: err.code, detail: err.message });
    summary.deadLetters++;
    return summary;
  }
  summary.warnings.push(...parsed.warnings);

  const unreliableGuids = guidsUsedTwice(parsed.articles);
  const sharedLinks = linksUsedTwice(parsed.articles);
  for (const guid of unreliableGuids) {
    summary.warnings.push(
      `guid "${guid.slice(0, 80)}" names several items; they are identified by link`,
    );
  }
  for (const [index, article] of parsed.articles.entries()) {
    summary.articles++;
    const strategy =
      article.source.guid !== undefined && unreliableGuids.has(article.source.guid)
        ? 'link'
        : meta['wire-identity'];
    const link = article.source.link;
    const storyLink = link !== undefined && !sharedLinks.has(link) ? link : undefined;
    const outcome = await normalizeArticle(
      article,
      meta,
      { strategy, storyLink },
      record.deliveryId,
      deps,
      pending,
    );
    if (outcome.kind === 'invalid') {
      await deps.deadLetter({
        code: 'ARTICLE_INVALID',
        detail: outcome.detail,
        item: String(index),
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

type ArticleOutcome = { kind: 'published' | 'duplicate' } | { kind: 'invalid'; detail: string };

interface IdentityHints {
  strategy: IdentityStrategy;
  /** The item's link, if no other item of the document has it. */
  storyLink: string | undefined;
}

async function normalizeArticle(
  parsed: ParsedArticle,
  meta: RawDocumentMetadata,
  hints: IdentityHints,
  owner: string,
  deps: NormalizeDependencies,
  pending: PendingRevision[],
): Promise<ArticleOutcome> {
  const agency = meta['wire-agency'];
  const feedId = meta['wire-feed-id'];
  const identity = storyIdentity(parsed, hints.strategy, agency);
  // A guid that changed for a link this feed showed before: the link's story it is.
  const remembered =
    identity.strategy === 'guid' && hints.storyLink
      ? await deps.links.uriFor(feedId, hints.storyLink)
      : undefined;
  const own = { ...identity, uri: remembered ?? identity.uri };
  // An earlier version of this item joined another story: this one goes there too.
  const joinedBefore = await deps.aliases.storyOf(own.uri);
  const fingerprint = fingerprintable(parsed) ? fingerprintOf(fingerprintText(parsed)) : undefined;
  const nearDuplicate =
    fingerprint && (await deps.nearDuplicates.find(fingerprint, joinedBefore ?? own.uri, agency));
  // A re-filing by the same agency joins the story it repeats; another agency's is only related.
  const joins = nearDuplicate?.relation === 'same-story' ? nearDuplicate.of : undefined;
  const uri = joinedBefore ?? joins ?? own.uri;
  const revision = revisionOf(parsed);
  const eventId = eventIdOf(uri, revision);
  const key = deps.eventKey(eventId);
  // The same revision twice in one document: the first one is already on its way.
  if (pending.some((revision) => revision.key === key)) return { kind: 'duplicate' };

  for (let attempt = 0; ; attempt++) {
    const claim = await deps.claims.claim(key, owner);
    if (claim === 'done') return { kind: 'duplicate' };
    if (claim === 'claimed') break;
    // Another instance is publishing this very revision: wait for it to finish or expire.
    await deps.sleep(Math.min(100 * 2 ** attempt, 2_000));
  }

  const placement = await deps.stories.place(uri, {
    eventId,
    rank: rankOf(parsed.source.version, parsed.article.versionCreated),
    revision,
    versionCreated: parsed.article.versionCreated,
  });
  const firstCreated = placement.firstCreated ?? parsed.article.versionCreated;
  const candidate = {
    eventId,
    verdict: decideVerdict(parsed.signal, placement.createdStory),
    isLatest: placement.isLatest,
    ...(nearDuplicate && { nearDuplicate }),
    uri,
    revision,
    agency,
    feedId: meta['wire-feed-id'],
    fetchId: meta['wire-fetch-id'],
    fetchedAt: meta['wire-fetched-at'],
    signal: parsed.signal,
    source: parsed.source,
    warnings: parsed.warnings,
    article: { uri, version: revision, ...(firstCreated && { firstCreated }), ...parsed.article },
  };
  const checked = normalizedArticleSchema.safeParse(candidate);
  if (!checked.success) {
    await deps.claims.release(key, owner);
    return { kind: 'invalid', detail: checked.error.message };
  }
  pending.push({
    key,
    uri,
    agency,
    fingerprint: fingerprint || undefined,
    link: hints.storyLink ? { feedId, link: hints.storyLink } : undefined,
    joined: uri !== own.uri && !joinedBefore ? own.uri : undefined,
  });
  await deps.publishNormalized(checked.data);
  return { kind: 'published' };
}

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
