import { ConfigError } from '@wire/config';
import { describe, expect, it } from 'vitest';
import { parseFeedRegistry } from '../src/index.js';

describe('parseFeedRegistry', () => {
  it('reads YAML, applies defaults and leaves out disabled feeds', () => {
    const feeds = parseFeedRegistry(`
feeds:
  - id: yna-en-news
    agency: yna
    url: https://en.yna.co.kr/RSS/news.xml
  - id: off
    agency: yna
    url: https://example.org/off.xml
    enabled: false
`);
    expect(feeds).toEqual([
      {
        id: 'yna-en-news',
        agency: 'yna',
        url: 'https://en.yna.co.kr/RSS/news.xml',
        format: 'auto',
        intervalSeconds: 300,
        identity: 'guid',
        enabled: true,
        allowAddresses: [],
      },
    ]);
  });

  it('lists every problem with its path', () => {
    try {
      parseFeedRegistry(`
feeds:
  - id: Bad Id
    agency: yna
    url: ftp://example.org/feed
    intervalSeconds: 0
`);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join('\n');
      expect(text).toMatch(/feeds\.0\.id/);
      expect(text).toMatch(/feeds\.0\.url/);
      expect(text).toMatch(/feeds\.0\.intervalSeconds/);
    }
  });

  it('refuses duplicate feed ids', () => {
    const feed = '{ "id": "a", "agency": "yna", "url": "https://example.org/a.xml" }';
    expect(() => parseFeedRegistry(`{ "feeds": [${feed}, ${feed}] }`)).toThrow(/unique/);
  });

  it('parses the sample registry shipped in infra/', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../infra/feeds.sample.yaml', import.meta.url), 'utf8');
    expect(parseFeedRegistry(text).map((f) => f.id)).toContain('yna-en-news');
  });
});
