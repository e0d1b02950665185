import { ConfigError } from '@wire/config';
import { describe, expect, it } from 'vitest';
import { parseFeedRegistry, resolveFeedHeaders } from '../src/index.js';

describe('parseFeedRegistry', () => {
  it("takes a feed's IANA time zone and refuses one that is not", () => {
    const feed = (zone: string) => `
feeds:
  - id: yna-en-news
    agency: yna
    url: https://en.yna.co.kr/RSS/news.xml
    timeZone: ${zone}
`;
    expect(parseFeedRegistry(feed('Asia/Seoul'))[0]?.timeZone).toBe('Asia/Seoul');
    expect(() => parseFeedRegistry(feed('Korea/Seoul'))).toThrow(/IANA time zone/);
  });

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
        headers: {},
        allowAddresses: [],
        fullText: 'never',
        fullTextDelaySeconds: 0,
        licensed: false,
      },
    ]);
  });

  it('reads JSON, and a YAML flow mapping that is not JSON, the same way', () => {
    const json = parseFeedRegistry(
      JSON.stringify({ feeds: [{ id: 'a', agency: 'yna', url: 'https://en.yna.co.kr/a.xml' }] }),
    );
    const flow = parseFeedRegistry(
      "{feeds: [{id: a, agency: yna, url: 'https://en.yna.co.kr/a.xml'}]}",
    );
    expect(json).toEqual(flow);
    expect(json.map((f) => f.id)).toEqual(['a']);
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

  it('reads the full-text settings, and refuses them on a feed identified by content', () => {
    const [feed] = parseFeedRegistry(
      JSON.stringify({
        feeds: [
          {
            id: 'a',
            agency: 'yna',
            url: 'https://en.yna.co.kr/a.xml',
            fullText: 'auto',
            fullTextSelector: 'article.story-news',
            fullTextDelaySeconds: 30,
            licensed: true,
          },
        ],
      }),
    );
    expect(feed).toMatchObject({
      fullText: 'auto',
      fullTextSelector: 'article.story-news',
      fullTextDelaySeconds: 30,
      licensed: true,
    });
    expect(() =>
      parseFeedRegistry(
        JSON.stringify({
          feeds: [
            { id: 'b', agency: 'yna', url: 'https://x.org/b.xml', fullText: 'sometimes' },
            {
              id: 'c',
              agency: 'yna',
              url: 'https://x.org/c.xml',
              fullText: 'always',
              identity: 'content',
            },
          ],
        }),
      ),
    ).toThrow(/feeds\.0\.fullText[\s\S]*feeds\.1\.fullText: a feed identified by content/);
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

describe('resolveFeedHeaders', () => {
  const [feed] = parseFeedRegistry(`
feeds:
  - id: ap
    agency: ap
    url: https://api.example.org/feed
    headers:
      x-api-key: { env: AP_KEY }
      authorization: { file: /run/secrets/ap }
      accept-language: en
`);

  it('reads secrets from the environment and files, literals as they are', () => {
    const headers = resolveFeedHeaders(feed as never, { AP_KEY: 'k1' }, () => 'Bearer t\n');
    expect(headers).toEqual({
      'x-api-key': 'k1',
      authorization: 'Bearer t',
      'accept-language': 'en',
    });
  });

  it('lists every secret it cannot find', () => {
    expect(() =>
      resolveFeedHeaders(feed as never, {}, () => {
        throw Object.assign(new Error('no'), { code: 'ENOENT' });
      }),
    ).toThrow(/AP_KEY is not set[\s\S]*cannot read \/run\/secrets\/ap/);
  });
});
