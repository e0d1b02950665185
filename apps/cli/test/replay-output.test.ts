import { describe, expect, it } from 'vitest';
import { createProgressBar, formatSummary, progressLine, recordLine } from '../src/index.js';

describe('recordLine', () => {
  it('prints a record as one JSON line, the value parsed when it is JSON', () => {
    const event = recordLine({
      topic: 'news.articles.v1',
      key: 'urn:wire:yna:1',
      headers: { ce_id: 'e1' },
      value: Buffer.from('{"uri":"urn:wire:yna:1"}'),
    });
    expect(JSON.parse(event)).toEqual({
      topic: 'news.articles.v1',
      key: 'urn:wire:yna:1',
      headers: { ce_id: 'e1' },
      value: { uri: 'urn:wire:yna:1' },
    });
    const letter = recordLine({
      topic: 'wire.dlq.v1',
      key: null,
      headers: {},
      value: Buffer.from('<rss>'),
    });
    expect(JSON.parse(letter).value).toBe('<rss>');
    const tombstone = recordLine({
      topic: 'news.articles.latest.v1',
      key: 'k',
      headers: {},
      value: null,
    });
    expect(JSON.parse(tombstone).value).toBeNull();
  });
});

describe('recordLine on an event handed over as JSON text', () => {
  it('prints the very line that parsing the text back would give', () => {
    const ninjs = {
      uri: 'urn:wire:yna:1',
      headlines: [{ value: 'Quotes " and \\ slashes, \u2028, a lone \ud800, 한국어' }],
      urgency: 3,
      associations: [{ uri: 'https://p.example/a.jpg', renditions: [{ name: 'o', width: 0 }] }],
    };
    const record = { topic: 'news.articles.v1', key: 'k', headers: { ce_id: 'e1' } };
    const text = JSON.stringify(ninjs);
    expect(recordLine({ ...record, value: text })).toBe(
      recordLine({ ...record, value: Buffer.from(text) }),
    );
    expect(JSON.parse(recordLine({ ...record, value: text })).value).toEqual(ninjs);
  });
});

describe('formatSummary', () => {
  it('lines up every count the issue names', () => {
    const lines = formatSummary(
      {
        documents: 7,
        articles: 14,
        created: 5,
        updated: 2,
        corrected: 1,
        withdrawn: 1,
        superseded: 2,
        duplicates: 5,
        deadLetters: 0,
        records: 15,
      },
      'records printed',
    );
    expect(lines).toEqual([
      'documents         7',
      'articles         14',
      'created           5',
      'updated           2',
      'corrected         1',
      'withdrawn         1',
      'superseded        2',
      'duplicates        5',
      'dead letters      0',
      'records printed  15',
    ]);
  });
});

describe('progress bar', () => {
  it('fills in proportion and shortens the label to the terminal width', () => {
    expect(progressLine(1, 4, 'a.xml', 80)).toBe('[######..................] 1/4 a.xml');
    const line = progressLine(4, 4, `/very/long/path/${'x'.repeat(100)}.xml`, 60);
    expect(line.length).toBeLessThanOrEqual(59);
    expect(line).toMatch(/^\[#{24}\] 4\/4 …x+\.xml$/);
  });

  it('draws only on a terminal', () => {
    const written: string[] = [];
    const pipe = createProgressBar(2, { isTTY: false, write: (t) => written.push(t) });
    pipe.advance('a');
    pipe.done();
    expect(written).toEqual([]);
    const tty = createProgressBar(2, { isTTY: true, columns: 80, write: (t) => written.push(t) });
    tty.advance('a');
    tty.done();
    expect(written).toHaveLength(2);
    expect(written[0]).toContain('1/2 a');
  });
});
