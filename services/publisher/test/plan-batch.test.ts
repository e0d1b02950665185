import { topicCatalogue } from '@wire/kafka';
import type { NormalizedArticle } from '@wire/schema';
import { describe, expect, it } from 'vitest';
import { type BatchMessage, eventIdsOf, planBatch } from '../src/index.js';

const topics = topicCatalogue('t.');
const event = (eventId: string, uri = `urn:wire:yna:${eventId}`): NormalizedArticle => ({
  eventId: eventId.padEnd(32, '0'),
  verdict: 'created',
  isLatest: true,
  uri,
  revision: 'r',
  agency: 'yna',
  feedId: 'f',
  fetchId: 'x',
  fetchedAt: '2026-11-28T00:00:00.000Z',
  signal: 'none',
  source: { format: 'rss2' },
  warnings: [],
  article: { uri, headlines: [{ value: 'h' }] },
});
const message = (value: NormalizedArticle | string, offset: string): BatchMessage => ({
  key: null,
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: typeof value === 'string' ? {} : { 'wire-event-id': value.eventId },
  offset,
});
const settings = {
  topics,
  routes: [],
  prefix: 't.',
  source: { topic: 't.wire.normalized.v1', partition: 0 },
  now: new Date(0),
};

describe('planBatch', () => {
  it('groups the records of a batch by topic, in order', () => {
    const plan = planBatch(
      [message(event('a'), '1'), message(event('b'), '2')],
      settings,
      new Set(),
    );
    expect([...plan.topicMessages.keys()]).toEqual([
      't.news.articles.v1',
      't.news.articles.latest.v1',
    ]);
    expect(plan.topicMessages.get('t.news.articles.v1')?.map((r) => r.key)).toEqual([
      'urn:wire:yna:a',
      'urn:wire:yna:b',
    ]);
    expect([...plan.sent]).toEqual([
      ['a'.padEnd(32, '0'), '1'],
      ['b'.padEnd(32, '0'), '2'],
    ]);
  });

  it('leaves out an event id published before, and one repeated within the batch', () => {
    const a = event('a');
    const plan = planBatch(
      [message(a, '1'), message(event('b'), '2'), message(event('b'), '3')],
      settings,
      new Set([a.eventId]),
    );
    expect(plan).toMatchObject({ published: 1, duplicates: 2 });
    expect(plan.topicMessages.get('t.news.articles.v1')).toHaveLength(1);
  });

  it('dead-letters a broken record with its offset and reason, and goes on', () => {
    const plan = planBatch(
      [message('{broken', '7'), message(event('c'), '8')],
      settings,
      new Set(),
    );
    expect(plan.deadLetters).toEqual([{ offset: '7', code: 'RECORD_NOT_JSON' }]);
    const letter = plan.topicMessages.get('t.wire.dlq.v1')?.[0];
    expect(letter?.headers).toMatchObject({
      'wire-dlq-stage': 'publisher',
      'wire-dlq-source-offset': '7',
    });
    expect(plan.published).toBe(1);
  });

  it('dead-letters an article that breaks ninjs, read or handed over, and publishes the rest', () => {
    const broken = { ...event('d'), article: { ...event('d').article, urgency: 0 } };
    const plan = planBatch(
      [
        message(broken, '1'),
        { key: null, value: null, headers: {}, offset: '2', decoded: broken },
        { key: null, value: null, headers: {}, offset: '3', decoded: event('e') },
      ],
      settings,
      new Set(),
    );
    expect(plan.deadLetters).toEqual([
      { offset: '1', code: 'RECORD_INVALID' },
      { offset: '2', code: 'RECORD_INVALID' },
    ]);
    // The dead letter keeps the record's JSON, whichever way it came.
    const letters = plan.topicMessages.get('t.wire.dlq.v1') ?? [];
    expect(letters.map((l) => JSON.parse(String(l.value)))).toEqual([broken, broken]);
    expect(plan.published).toBe(1);
    expect([...plan.sent.keys()]).toEqual([event('e').eventId]);
  });

  it('reads event ids from headers without parsing values', () => {
    expect(eventIdsOf([message(event('d'), '1'), message('{broken', '2')])).toEqual([
      'd'.padEnd(32, '0'),
    ]);
  });
});
