// Hostile XML (cases X1-X24 of docs/hostile-input.md): entity bombs, external
// entities, deep nesting, prototype names, huge attributes and invalid character
// references each give a clear ParseError or a clean result, in bounded memory.
import { describe, expect, it } from 'vitest';
import {
  bodyHtml,
  headline,
  item,
  outcomeOf,
  parse,
  rss,
  withHeapGrowth,
} from './hostile-helpers.js';

const laughs = Array.from({ length: 10 }, (_, i) =>
  i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
).join('');
const titled = (title: string) => item(`<title>${title}</title><guid>g</guid>`);

describe('hostile XML: entities', () => {
  it('X1 refuses the billion laughs without expanding it', () => {
    const { result, grownMb } = withHeapGrowth(() =>
      outcomeOf(`<?xml version="1.0"?><!DOCTYPE rss [${laughs}]>${titled('&lol9;')}`),
    );
    expect(result).toBe('XML_DTD_REFUSED');
    expect(grownMb).toBeLessThan(50);
  });

  it('X2 refuses a quadratic blowup (one 100 kB entity referenced 100,000 times)', () => {
    const { result, grownMb } = withHeapGrowth(() =>
      outcomeOf(
        `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(100_000)}">]>${titled('&big;'.repeat(100_000))}`,
      ),
    );
    expect(result).toBe('XML_DTD_REFUSED');
    expect(grownMb).toBeLessThan(50);
  });

  it('X3 refuses an external file:// entity', () => {
    expect(
      outcomeOf(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${titled('&xxe;')}`),
    ).toBe('XML_DTD_REFUSED');
  });

  it('X4 refuses an external http:// entity (the cloud metadata address)', () => {
    expect(
      outcomeOf(
        `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/">]>${titled('&xxe;')}`,
      ),
    ).toBe('XML_DTD_REFUSED');
  });

  it('X5 reads nothing for a parameter entity naming an external DTD, and refuses a lower-case general entity', () => {
    // As Kyodo's and SDA's NewsML 1.2 carry it: never fetched, never expanded.
    const external = parse(
      `<!DOCTYPE rss [<!ENTITY % ext SYSTEM "http://127.0.0.1:1/x.dtd"> %ext;]>${titled('&ext; t')}`,
    );
    expect(external.articles[0]?.article.headlines?.[0]?.value).toBe('&ext; t');
    expect(
      outcomeOf(`<!DOCTYPE rss [<!ENTITY % a SYSTEM "x.dtd"><!ENTITY b "bb">]>${titled('&b;')}`),
    ).toBe('XML_DTD_REFUSED');
    expect(
      outcomeOf(`<!doctype rss [<!entity xxe SYSTEM "file:///etc/passwd">]>${titled('&xxe;')}`),
    ).toBe('XML_DTD_REFUSED');
  });

  it('X6 reads nothing for an external DTD reference: the undeclared entity stays text', () => {
    const result = parse(`<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd">${titled('&xxe; x')}`);
    expect(headline(result)).toBe('&xxe; x');
  });

  it('X7 never expands entities of a DTD hidden behind 70 kB of comment', () => {
    const padding = `<!-- ${'x'.repeat(70_000)} -->`;
    const { result, grownMb } = withHeapGrowth(() =>
      headline(
        parse(`<?xml version="1.0"?>${padding}<!DOCTYPE rss [${laughs}]>${titled('&lol9;')}`),
      ),
    );
    expect(result).toBe('&lol9;');
    expect(grownMb).toBeLessThan(50);
    const external = `<?xml version="1.0"?>${padding}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${titled('&xxe;')}`;
    expect(outcomeOf(external)).toBe('XML_MALFORMED');
  });
});

describe('hostile XML: nesting', () => {
  it('X8 refuses 10,000-deep element nesting with a clear error', () => {
    expect(outcomeOf(item(`<title>t</title>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`))).toBe(
      'XML_MALFORMED',
    );
  });

  it('X9 refuses 1,000,000-deep element nesting in bounded memory', () => {
    const { result, grownMb } = withHeapGrowth(() =>
      outcomeOf(item(`${'<x>'.repeat(1_000_000)}${'</x>'.repeat(1_000_000)}`)),
    );
    expect(result).toBe('XML_MALFORMED');
    expect(grownMb).toBeLessThan(100);
  });

  it('X20 reads 10,000-deep HTML inside CDATA as a clean article (it overflowed the stack)', () => {
    const deep = `<p>start</p>${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`;
    const result = parse(
      item(`<title>t</title><guid>g</guid><description><![CDATA[${deep}]]></description>`),
    );
    expect(result.articles).toHaveLength(1);
    expect(bodyHtml(result)).toMatch(/^<p>start<\/p><div>/);
    expect(result.articles[0]?.article.bodies?.[1]?.value).toBe('start\n\ndeep');
  });

  it('X21 reads 100,000-deep escaped HTML in bounded time and memory (it was quadratic)', () => {
    const deep = `${'&lt;b&gt;'.repeat(100_000)}deep${'&lt;/b&gt;'.repeat(100_000)}`;
    const { result, grownMb } = withHeapGrowth(() => {
      const parsed = parse(
        item(`<title>t</title><guid>g</guid><description>${deep}</description>`),
      );
      return { text: parsed.articles[0]?.article.bodies?.[1]?.value, html: bodyHtml(parsed) };
    });
    expect(result.text).toBe('deep');
    expect(result.html?.match(/<b>/g)).toHaveLength(1_000);
    expect(grownMb).toBeLessThan(100);
  }, 60_000);
});

describe('hostile XML: names that mean something to JavaScript', () => {
  const clean = () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  };

  it('X10 parses __proto__ elements in items and channels without touching any prototype', () => {
    const result = parse(
      rss(
        '<item><title>t</title><guid>g</guid><__proto__><polluted>yes</polluted></__proto__></item>',
        '<__proto__><polluted>yes</polluted></__proto__>',
      ),
    );
    expect(result.articles.map((a) => a.source.guid)).toEqual(['g']);
    clean();
  });

  it('X11 parses constructor, prototype, toString and hasOwnProperty elements as unknown elements', () => {
    const result = parse(
      item(
        '<title>t</title><guid>g</guid><constructor><prototype><polluted>1</polluted></prototype></constructor><toString>x</toString><hasOwnProperty>y</hasOwnProperty>',
      ),
    );
    expect(headline(result)).toBe('t');
    clean();
  });

  it('X12 parses __proto__ and constructor attributes without touching any prototype', () => {
    const result = parse(
      rss(
        '<item __proto__="x"><title __proto__="polluted" constructor="y">t</title><guid constructor="z">g</guid></item>',
      ),
    );
    expect(headline(result)).toBe('t');
    expect(result.articles[0]?.source.guid).toBe('g');
    clean();
  });

  it('X13 names a __proto__ or constructor root element as an unknown format', () => {
    expect(outcomeOf('<__proto__><item/></__proto__>')).toBe('FORMAT_UNKNOWN');
    expect(outcomeOf('<constructor/>')).toBe('FORMAT_UNKNOWN');
    clean();
  });
});

describe('hostile XML: size and characters', () => {
  it('X14 reads a 10 MB attribute and keeps nothing of it', () => {
    const { result, grownMb } = withHeapGrowth(() =>
      headline(parse(item(`<title a="${'x'.repeat(10_000_000)}">t</title><guid>g</guid>`))),
    );
    expect(result).toBe('t');
    expect(grownMb).toBeLessThan(50);
  });

  it('X15 reads an element with 100,000 attributes', () => {
    const attributes = Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ');
    expect(headline(parse(item(`<title ${attributes}>t</title><guid>g</guid>`)))).toBe('t');
  });

  it('X16 drops &#0; from text', () => {
    expect(headline(parse(titled('a&#0;b')))).toBe('ab');
  });

  it('X17 never lets &#xD800; (a lone surrogate) reach the text', () => {
    const title = headline(parse(titled('a&#xD800;b&#xDFFF;c')));
    expect(title).toMatch(/^a\uFFFD?b\uFFFD?c$/);
    expect(title?.isWellFormed()).toBe(true);
  });

  it('X18 reads &#x110000; and a 20-digit reference beyond Unicode as U+FFFD', () => {
    expect(headline(parse(titled('a&#x110000;b&#99999999999999999999;c')))).toBe('a\uFFFDb\uFFFDc');
  });

  it('X19 drops C0 control characters and reads C1 ones as windows-1252, raw or as references', () => {
    const result = parse(
      item(
        '<title>a\u0001b\u0008c\u000bd&#x1F;e\u007ff&#x85;g\u009fh</title><guid>g\u0007</guid><description>x\u0000y\u001bz</description>',
      ),
    );
    expect(headline(result)).toBe('abcdef…gŸh');
    expect(result.articles[0]?.source.guid).toBe('g');
    expect(result.articles[0]?.article.bodies?.[1]?.value).toBe('xyz');
  });

  it('X22 refuses a repeated attribute as malformed', () => {
    expect(outcomeOf(item('<title a="1" a="2">t</title>'))).toBe('XML_MALFORMED');
  });

  it('X23 refuses a truncated document as malformed', () => {
    expect(outcomeOf(titled('t').slice(0, -20))).toBe('XML_MALFORMED');
  });

  it('X24 refuses bytes that are not XML: NULs, noise, a lone BOM, JSON', () => {
    const noise = Buffer.from(Array.from({ length: 5_000 }, (_, i) => (i * 7_919) % 256));
    for (const input of [
      Buffer.alloc(1_000),
      noise,
      Buffer.from([0xef, 0xbb, 0xbf]),
      '{"items":[]}',
    ]) {
      expect(outcomeOf(input)).toBe('XML_MALFORMED');
    }
    expect(outcomeOf('')).toBe('DOCUMENT_EMPTY');
  });
});
