// The normalizer after hostile input (docs/hostile-input.md): each document from
// the parser-level suite goes through normalizeDocument with the in-memory stores,
// then a good document after it. Each ends as a dead letter with a clear code or
// as published articles; nothing throws, and every article of a document is
// accounted for (published, a duplicate of one published, or dead-lettered).
import { normalizedArticleSchema } from '@wire/schema';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../src/index.js';
import { memoryDependencies } from './memory-dependencies.js';

const headers = {
  'wire-feed-id': 'hostile',
  'wire-agency': 'test',
  'wire-url': 'http://127.0.0.1/hostile.xml',
  'wire-fetch-id': 'f1',
  'wire-fetched-at': '2026-11-28T10:00:00.000Z',
  'wire-http-status': '200',
  'wire-content-type': 'application/rss+xml',
  'wire-sha256': 'a'.repeat(64),
  'wire-identity': 'guid',
};

function pipeline() {
  const { deps, published, deadLetters } = memoryDependencies();
  let delivery = 0;
  const run = async (value: Buffer, extra: Record<string, string> = {}) => {
    const result = await normalizeDocument(
      { value, headers: { ...headers, ...extra }, deliveryId: `raw/0/${++delivery}` },
      deps,
    );
    await result.afterCommit();
    return result.summary;
  };
  return { run, published, deadLetters };
}

const rss = (items: string) =>
  Buffer.from(`<rss version="2.0"><channel><title>h</title>${items}</channel></rss>`);
const item = (inner: string) => rss(`<item>${inner}</item>`);
const laughs = Array.from({ length: 10 }, (_, i) =>
  i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
).join('');
const attack =
  '<p>Hi</p><script>alert(1)</script><iframe src="https://evil.example/"></iframe><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">js</a><a href="data:text/html,x">data</a>';

// Documents the parser refuses, with the dead-letter code each must give.
const refused: [string, Buffer | string, string][] = [
  [
    'X1 billion laughs',
    `<!DOCTYPE rss [${laughs}]>${item('<title>&lol9;</title>')}`,
    'XML_DTD_REFUSED',
  ],
  [
    'X3 external entity',
    `<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>${item('<title>&x;</title>')}`,
    'XML_DTD_REFUSED',
  ],
  [
    'X8 10,000-deep nesting',
    item(`${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`),
    'XML_MALFORMED',
  ],
  ['X13 __proto__ root', '<__proto__><item/></__proto__>', 'FORMAT_UNKNOWN'],
  ['X22 repeated attribute', item('<title a="1" a="2">t</title>'), 'XML_MALFORMED'],
  [
    'X24 noise',
    Buffer.from(Array.from({ length: 5_000 }, (_, i) => (i * 7_919) % 256)),
    'XML_MALFORMED',
  ],
  ['C17 an HTML page', '<!DOCTYPE html><html><body><p>Sign in<br></body></html>', 'XML_MALFORMED'],
  ['C17 an XHTML page', '<html><body><p>Not a feed</p></body></html>', 'FORMAT_UNKNOWN'],
];

// Documents the parser reads, with how many articles each holds.
const read: [string, Buffer, number][] = [
  [
    'X10 __proto__ elements',
    item('<title>t</title><guid>p</guid><__proto__><polluted>1</polluted></__proto__>'),
    1,
  ],
  [
    'X12 prototype attributes',
    item('<title __proto__="x" constructor="y">t</title><guid>c</guid>'),
    1,
  ],
  [
    'X14 a 10 MB attribute',
    item(`<title a="${'x'.repeat(10_000_000)}">t</title><guid>a</guid>`),
    1,
  ],
  [
    'X16-X19 invalid references, control characters',
    item('<title>a&#0;b&#xD800;c&#x110000;\u0001d</title><guid>r</guid>'),
    1,
  ],
  [
    'X20 10,000-deep HTML',
    item(
      `<title>t</title><guid>d</guid><description><![CDATA[${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}]]></description>`,
    ),
    1,
  ],
  [
    'E6 invalid UTF-8',
    Buffer.concat([
      Buffer.from('<rss><channel><item><title>'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('</title><guid>u</guid></item></channel></rss>'),
    ]),
    1,
  ],
  [
    'C1 script, iframe, onerror, code links in a body',
    item(`<title>t</title><guid>x</guid><description><![CDATA[${attack}]]></description>`),
    1,
  ],
  [
    'C7 a javascript: link and no guid',
    item('<title>t</title><link>javascript:alert(1)</link><description>d</description>'),
    1,
  ],
  [
    'C10 a 10 MB description',
    item(`<title>t</title><guid>big</guid><description>${'word '.repeat(2_000_000)}</description>`),
    1,
  ],
  [
    'C12-C14 far-future and absurd dates',
    rss(
      ['Tue, 01 Jan 2199 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', '2026-02-30T00:00:00Z']
        .map(
          (d, i) =>
            `<item><title>d${i}</title><guid>date-${i}</guid><pubDate>${d}</pubDate></item>`,
        )
        .join(''),
    ),
    3,
  ],
  [
    'C15 empty titles',
    rss(
      ['<title></title>', '', '<title> </title>']
        .map((t, i) => `<item>${t}<guid>e${i}</guid><description>body ${i}</description></item>`)
        .join(''),
    ),
    3,
  ],
  ['C15 an empty item', item(''), 1],
  [
    'C16 one guid for different items',
    rss(['A', 'B', 'C'].map((t) => `<item><title>${t}</title><guid>same</guid></item>`).join('')),
    3,
  ],
];

const good = item('<title>After</title><guid>after-1</guid><description>still going</description>');

describe('the normalizer after hostile input', () => {
  it.each(refused)('dead-letters %s with a clear code and goes on', async (_name, value, code) => {
    const { run, published, deadLetters } = pipeline();
    const summary = await run(Buffer.from(value));
    expect(summary).toMatchObject({ articles: 0, published: 0, deadLetters: 1 });
    expect(deadLetters).toEqual([expect.objectContaining({ code, detail: expect.any(String) })]);
    expect(await run(good)).toMatchObject({ published: 1 });
    expect(published.map((a) => a.article.headlines?.[0]?.value)).toEqual(['After']);
  });

  it.each(read)(
    'accounts for every article of %s and goes on',
    async (_name, value, count) => {
      const { run, published, deadLetters } = pipeline();
      const summary = await run(value);
      // An item with nothing in it gives no article, and is counted as such.
      expect(summary.articles + summary.emptyItems).toBe(count);
      expect(summary.published + summary.duplicates + summary.deadLetters).toBe(summary.articles);
      expect(deadLetters.every((d) => d.code === 'ARTICLE_TOO_LARGE' && d.item !== undefined)).toBe(
        true,
      );
      for (const article of published) {
        // What the publisher checks before anything goes public: it would pass.
        expect(normalizedArticleSchema.safeParse(article).error).toBeUndefined();
        const html =
          article.article.bodies?.find((b) => b.contentType === 'text/html')?.value ?? '';
        expect(html).not.toMatch(/<(?:script|iframe)|\son\w+=|javascript:|data:/i);
        expect(article.source.link ?? '').not.toMatch(/^(?:javascript|data):/i);
      }
      expect(await run(good)).toMatchObject({ published: 1 });
    },
    120_000,
  );

  it('publishes every item of a feed that gives different items one guid, each as its own story', async () => {
    const { run, published } = pipeline();
    const summary = await run(read.find(([name]) => name.startsWith('C16'))?.[1] as Buffer);
    expect(summary).toMatchObject({ articles: 3, published: 3, duplicates: 0 });
    expect(new Set(published.map((a) => a.uri)).size).toBe(3);
    expect(published.every((a) => a.verdict === 'created' && a.isLatest)).toBe(true);
  });

  it('publishes all 100,000 items of one document once, and a re-poll as duplicates', async () => {
    const { run, published } = pipeline();
    const value = rss(
      Array.from(
        { length: 100_000 },
        (_, i) => `<item><title>T${i}</title><guid>big-${i}</guid></item>`,
      ).join(''),
    );
    expect(await run(value)).toMatchObject({
      articles: 100_000,
      published: 100_000,
      deadLetters: 0,
    });
    expect(new Set(published.map((a) => a.uri)).size).toBe(100_000);
    expect(await run(value)).toMatchObject({ published: 0, duplicates: 100_000 });
  }, 300_000);
});
