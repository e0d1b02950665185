// The normalizer's stage logic for one wire.raw.v1 record: parse the document,
// decide identity and revision of each article, publish each new revision once,
// and dead-letter what cannot be read. Returns only after every article derived
// from the record is published or dead-lettered, so the caller may then commit.
import { type ParsedArticle, ParseError, parseDocument } from '@wire/feeds';
import type { ClaimStore } from '@wire/redis';
import {
  type DeadLetterReason,
  type NormalizedArticle,
  normalizedArticleSchema,
  type RawDocumentMetadata,
  rawDocumentHeadersSchema,
} from '@wire/schema';
import { decideVerdict } from './decide-verdict.js';
import { fingerprintOf } from './fingerprint.js';
import type { NearDuplicateIndex } from './near-duplicates.js';
import { eventIdOf, revisionOf, storyIdentity } from './story-identity.js';
import { rankOf, type StoryLedger } from './story-ledger.js';

export interface RawRecord {
  value: Buffer;
  headers: Record<string, string>;
  /** Identifies this delivery; a redelivery after a crash carries the same one. */
  deliveryId: string;
}

export interface NormalizeDependencies {
  claims: ClaimStore;
  stories: StoryLedger;
  nearDuplicates: NearDuplicateIndex;
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

export async function normalizeDocument(
  record: RawRecord,
  deps: NormalizeDependencies,
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

  for (const [index, article] of parsed.articles.entries()) {
    summary.articles++;
    const outcome = await normalizeArticle(article, meta, record.deliveryId, deps);
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

async function normalizeArticle(
  parsed: ParsedArticle,
  meta: RawDocumentMetadata,
  owner: string,
  deps: NormalizeDependencies,
): Promise<ArticleOutcome> {
  const agency = meta['wire-agency'];
  const own = storyIdentity(parsed, meta['wire-identity'], agency);
  const fingerprint = fingerprintable(parsed) ? fingerprintOf(fingerprintText(parsed)) : undefined;
  const nearDuplicate =
    fingerprint && (await deps.nearDuplicates.find(fingerprint, own.uri, agency));
  // A re-filing by the same agency joins the story it repeats; another agency's is only related.
  const uri = nearDuplicate?.relation === 'same-story' ? nearDuplicate.of : own.uri;
  const revision = revisionOf(parsed);
  const eventId = eventIdOf(uri, revision);
  const key = deps.eventKey(eventId);

  for (let attempt = 0; ; attempt++) {
    const claim = await deps.claims.claim(key, owner);
    if (claim === 'done') return { kind: 'duplicate' };
    if (claim === 'claimed') break;
    // Another instance is publishing this very revision: wait for it to finish or expire.
    await deps.sleep(Math.min(100 * 2 ** attempt, 2_000));
  }

  try {
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
    await deps.publishNormalized(checked.data);
    // Kafka acknowledged: only now is the revision done.
    await deps.claims.markDone(key);
    if (fingerprint) await deps.nearDuplicates.record(fingerprint, uri, agency);
    return { kind: 'published' };
  } catch (err) {
    await deps.claims.release(key, owner).catch(() => undefined);
    throw err;
  }
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
