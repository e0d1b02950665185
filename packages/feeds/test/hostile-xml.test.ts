// Hostile XML gives a clear error or a clean result, in bounded time, never a
// hang, a crash or a polluted prototype.
import { describe, expect, it } from 'vitest';
import { ParseError, parseDocument } from '../src/index.js';

const context = { feedId: 'hostile', fetchedAt: '2026-11-28T00:00:00.000Z' };
const parse = (xml: string) => parseDocument(Buffer.from(xml), context);
const codeOf = (xml: string) => {
  try {
    parse(xml);
    return 'parsed';
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    return err.code;
  }
};
const item = (inner: string) => `<rss version="2.0"><channel><item>${inner}</item></channel></rss>`;

describe('hostile XML', () => {
  it('refuses the billion laughs before expanding anything', () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    expect(
      codeOf(`<?xml version="1.0"?><!DOCTYPE rss [${levels}]>${item('<title>&lol9;</title>')}`),
    ).toBe('XML_DTD_REFUSED');
  });

  it('refuses a quadratic blowup entity', () => {
    const big = 'x'.repeat(50_000);
    const refs = '&big;'.repeat(50_000);
    expect(codeOf(`<!DOCTYPE rss [<!ENTITY big "${big}">]>${item(`<title>${refs}</title>`)}`)).toBe(
      'XML_DTD_REFUSED',
    );
  });

  it('refuses an external entity and never reads it', () => {
    const xxe = `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${item('<title>&xxe;</title>')}`;
    expect(codeOf(xxe)).toBe('XML_DTD_REFUSED');
  });

  it('leaves an undeclared entity under an external DTD as text, reading nothing', () => {
    const doc = `<!DOCTYPE rss SYSTEM "file:///etc/passwd">${item('<title>&xxe; x</title><guid>g</guid>')}`;
    const title = parse(doc).articles[0]?.article.headlines?.[0]?.value;
    expect(title).toBe('&xxe; x');
  });

  it('refuses 10,000-deep nesting with a clear error', () => {
    expect(codeOf(item(`<title>t</title>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`))).toBe(
      'XML_MALFORMED',
    );
  });

  it('parses __proto__ and constructor elements without polluting any prototype', () => {
    const result = parse(
      item(
        '<title>t</title><guid>g</guid><__proto__><polluted>yes</polluted></__proto__><constructor>c</constructor>',
      ),
    );
    expect(result.articles).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('decodes numeric character references and HTML named entities, and survives invalid ones', () => {
    const title = parse(
      item('<title>caf&eacute; &mdash; it&#8217;s &#x2014; &#xFFFFFFF; done</title><guid>g</guid>'),
    ).articles[0]?.article.headlines?.[0]?.value;
    expect(title).toMatch(/^café — it’s — .* done$/);
  });

  it('reads a 5 MB attribute without trouble', () => {
    const result = parse(item(`<title a="${'x'.repeat(5_000_000)}">t</title><guid>g</guid>`));
    expect(result.articles[0]?.article.headlines?.[0]?.value).toBe('t');
  });

  it('keeps ids with leading zeros as strings and numbers-looking titles as text', () => {
    const result = parse(item('<title>0012e3</title><guid>00123</guid>'));
    expect(result.articles[0]?.source.guid).toBe('00123');
    expect(result.articles[0]?.article.headlines?.[0]?.value).toBe('0012e3');
  });
});
