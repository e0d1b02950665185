// The property both story-ledger runs check (memory and Redis): however a story's
// versions arrive (any order, re-polled, redelivered after a failed transaction,
// two records at once), with a correction among them or not, and whether its
// highest version is a kill, each version
// is published exactly once, at most one event creates the story, the last event
// the latest-state topic keeps is the highest version, an older version is never
// news (created, updated, corrected) after a newer one, and after the kill no
// version is news at all.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { NormalizeDependencies } from '../src/index.js';
import { normalizeDocument } from '../src/index.js';

export const headers = {
  'wire-feed-id': 'interleavings',
  'wire-agency': 'test',
  'wire-url': 'http://127.0.0.1/interleavings.xml',
  'wire-fetch-id': 'f1',
  'wire-fetched-at': '2026-11-28T10:00:00.000Z',
  'wire-http-status': '200',
  'wire-content-type': 'application/rss+xml',
  'wire-sha256': 'a'.repeat(64),
  'wire-identity': 'guid',
};

/** Version `v` (1-based) of story `guid`: later versions carry later times; a kill says so. */
export function version(guid: string, v: number, kill = false, correction = false): Buffer {
  const at = new Date(Date.UTC(2026, 10, 28, 0, v)).toUTCString();
  const marker = kill ? '(KILL) ' : correction ? '(Correction) ' : '';
  const title = `${marker}Story, version ${v}`;
  return Buffer.from(
    `<rss version="2.0"><channel><title>s</title><item><title>${title}</title><guid>${guid}</guid>` +
      `<pubDate>${at}</pubDate><description>Text of version ${v}.</description></item></channel></rss>`,
  );
}

export interface Delivery {
  /** Which version (1-based). */
  version: number;
  /** This delivery's first attempt fails before its transaction commits; it is redelivered. */
  fails: boolean;
  /** Processed together with the delivery before it, which came from another input partition. */
  concurrent: boolean;
}

/** Every version at least once, in any order, some of them again (re-polls). */
export interface Run {
  versions: number;
  /** The highest version withdraws the story. */
  kill: boolean;
  /** Version 2, when it is not the highest, corrects the story. */
  correction: boolean;
  steps: Delivery[];
}

export const deliveries: fc.Arbitrary<Run> = fc.integer({ min: 2, max: 5 }).chain((versions) => {
  const all = Array.from({ length: versions }, (_, i) => i + 1);
  return fc
    .array(fc.integer({ min: 1, max: versions }), { maxLength: versions * 2 })
    .chain((repeats) =>
      fc.shuffledSubarray([...all, ...repeats], { minLength: all.length + repeats.length }),
    )
    .chain((order) =>
      fc.tuple(
        ...order.map((v) =>
          fc.record({ version: fc.constant(v), fails: fc.boolean(), concurrent: fc.boolean() }),
        ),
      ),
    )
    .chain((steps) =>
      fc
        .tuple(fc.boolean(), fc.boolean())
        .map(([kill, correction]) => ({ versions, kill, correction, steps })),
    );
});

interface Event {
  version: number;
  verdict: string;
  isLatest: boolean;
}

/** Runs the deliveries against `deps` (without publish/deadLetter/sleep) and checks the property. */
export async function checkInterleaving(
  guid: string,
  run: Run,
  deps: Omit<NormalizeDependencies, 'publishNormalized' | 'deadLetter' | 'sleep'>,
): Promise<void> {
  const committed: Event[] = [];
  const deadLetters: string[] = [];
  let next = 0;
  const deliver = async (step: Delivery, stream: string) => {
    const offset = next++;
    const deliveryId = `${stream}/${offset}`;
    for (let attempt = 0; ; attempt++) {
      const transaction: Event[] = [];
      const failing = step.fails && attempt === 0;
      try {
        const result = await normalizeDocument(
          {
            value: version(
              guid,
              step.version,
              run.kill && step.version === run.versions,
              run.correction && step.version === 2 && run.versions > 2,
            ),
            headers,
            deliveryId,
            position: { stream, offset },
          },
          {
            ...deps,
            publishNormalized: async (article) => {
              if (failing) throw new Error('transaction aborted');
              const v = Number(
                /version (\d+)/.exec(article.article.headlines?.[0]?.value ?? '')?.[1],
              );
              transaction.push({
                version: v,
                verdict: article.verdict,
                isLatest: article.isLatest,
              });
            },
            deadLetter: async (reason) => {
              deadLetters.push(reason.code);
            },
            sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
          },
        );
        committed.push(...transaction);
        await result.afterCommit();
        return;
      } catch (err) {
        if (!failing) throw err;
      }
    }
  };
  // Consecutive deliveries marked concurrent run together.
  const groups: Delivery[][] = [];
  for (const step of run.steps) {
    const last = groups.at(-1);
    if (step.concurrent && last && last.length < 2) last.push(step);
    else groups.push([step]);
  }
  for (const group of groups) await Promise.all(group.map((step, i) => deliver(step, `raw/${i}`)));

  expect(deadLetters).toEqual([]);
  // Every version exactly once.
  expect(committed.map((e) => e.version).sort()).toEqual(
    Array.from({ length: run.versions }, (_, i) => i + 1),
  );
  // At most one event made the story known, and none did after a kill came first.
  expect(committed.filter((e) => e.verdict === 'created').length).toBeLessThanOrEqual(1);
  const news = (e: Event) => ['created', 'updated', 'corrected'].includes(e.verdict);
  // A kill is final: no version is news once the withdrawal is out.
  const kill = committed.findIndex((e) => e.verdict === 'withdrawn');
  if (run.kill) {
    expect(committed.filter((e) => e.verdict === 'withdrawn').map((e) => e.version)).toEqual([
      run.versions,
    ]);
    expect(committed.slice(kill + 1).filter(news)).toEqual([]);
  } else {
    expect(kill).toBe(-1);
  }
  // An older version is never news after a newer one (records of one story are
  // handled in order; two at once, as in a rebalance, may still cross).
  if (!run.steps.some((step) => step.concurrent)) {
    const newsVersions = committed.filter(news).map((e) => e.version);
    expect(newsVersions).toEqual([...newsVersions].sort((a, b) => a - b));
    expect(new Set(newsVersions).size).toBe(newsVersions.length);
  }
  // The latest-state topic keeps the last event marked latest: the highest version.
  expect(committed.filter((e) => e.isLatest).at(-1)?.version).toBe(run.versions);
  // Once the highest version is out, nothing else claims to be the latest.
  const highest = committed.findIndex((e) => e.version === run.versions);
  expect(committed.slice(highest + 1).every((e) => !e.isLatest)).toBe(true);
}
