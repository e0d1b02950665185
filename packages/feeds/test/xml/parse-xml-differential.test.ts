// parseXml reads a well-formed document with saxes in one pass, and gives anything
// else to fast-xml-parser's two passes (XMLValidator, then XMLParser): it must build
// the same tree as those passes alone from every document, key order included, and
// refuse what they refuse; nothing may differ. The old configuration is the oracle
// (fxp-oracle.ts). And the one pass must be what reads real documents: the corpus
// test counts the documents that took the slow path.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { parseXml } from '../../src/xml/parse-xml.js';
import { repairXml } from '../../src/xml/repair-xml.js';
import { entities } from '../../src/xml/saxes-parser.js';
import { fxpParseXml, outcomeOf } from './fxp-oracle.js';

function* xmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* xmlFiles(path);
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
  }
}

/** Every XML document of the corpora, however small, as parseXml gets it and as sent. */
const documents = [corpusDir, samplesDir, join(repoRoot, 'samples')].flatMap((root) =>
  [...xmlFiles(root)].map((path) => {
    const bytes = readFileSync(path);
    let decoded: string;
    try {
      decoded = decodeBytes(bytes).text;
    } catch {
      decoded = bytes.toString('utf8'); // a charset refused: the bytes still make a test
    }
    return { path: path.slice(root.length + 1), decoded, repaired: repairXml(decoded).text };
  }),
);

const newOutcome = (text: string) => outcomeOf((t) => parseXml(t).tree, text);
const slowPath = (text: string) => {
  try {
    return parseXml(text).slowPath;
  } catch {
    return true; // a refusal comes from the slow path
  }
};
const oldOutcome = (text: string) => outcomeOf(fxpParseXml, text);

/** Where the two differ on these inputs, as "label: new / old" lines (empty when they agree). */
function differences(inputs: { label: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { label, text } of inputs) {
    const now = newOutcome(text);
    const before = oldOutcome(text);
    if (now !== before) found.push(`${label}: ${now.slice(0, 300)} / ${before.slice(0, 300)}`);
  }
  return found;
}

// A seeded generator, so that a failure names an input that can be made again.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseXml against the two fast-xml-parser passes it replaces', () => {
  it('builds the same tree from every document of the corpora, or refuses it alike', () => {
    expect(documents.length).toBeGreaterThan(900);
    const inputs = documents.flatMap(({ path, decoded, repaired }) => [
      { label: `${path} (as decoded)`, text: decoded },
      { label: `${path} (repaired)`, text: repaired },
    ]);
    expect(differences(inputs)).toEqual([]);
    // The sweep means something only if most documents are read, and some refused.
    const read = inputs.filter(({ text }) => newOutcome(text).startsWith('{'));
    expect(read.length).toBeGreaterThan(1_700);
    expect(inputs.length - read.length).toBeGreaterThan(10);
    // Of the 1,819 inputs read, 6 take the slow path (a C0 control as sent, and a
    // reference to a trimmed character at a text's edge, which the old parser keeps):
    // 99.7 % on the fast path. Below 99 %, something the corpus holds no longer
    // takes the fast path.
    const fast = read.filter(({ text }) => !slowPath(text));
    expect(fast.length / read.length).toBeGreaterThan(0.99);
  });

  it('refuses a document cut short where the old passes refused it, and reads it alike otherwise', () => {
    const next = random(20261207);
    const inputs = documents.flatMap(({ path, repaired }) =>
      [0, 1, 2].map(() => {
        const cut = Math.floor(next() * repaired.length);
        return { label: `${path} cut at ${cut}`, text: repaired.slice(0, cut) };
      }),
    );
    expect(differences(inputs)).toEqual([]);
    const refused = inputs.filter(({ text }) => newOutcome(text) === 'XML_MALFORMED');
    expect(refused.length).toBeGreaterThan(inputs.length * 0.9);
  });

  it('refuses or reads each hostile input as the old passes did', () => {
    const item = (inner: string) =>
      `<rss version="2.0"><channel><title>h</title><item>${inner}</item></channel></rss>`;
    const titled = (title: string) => item(`<title>${title}</title><guid>g</guid>`);
    const laughs = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const padding = `<!-- ${'x'.repeat(70_000)} -->`;
    const hostile: Record<string, string> = {
      'X1 billion laughs': `<?xml version="1.0"?><!DOCTYPE rss [${laughs}]>${titled('&lol9;')}`,
      'X2 quadratic blowup': `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(100_000)}">]>${titled('&big;'.repeat(1_000))}`,
      'X3 external file entity': `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${titled('&xxe;')}`,
      'X4 external http entity': `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://169.254.169.254/">]>${titled('&xxe;')}`,
      'X5 parameter entity': `<!DOCTYPE rss [<!ENTITY % ext SYSTEM "http://127.0.0.1:1/x.dtd"> %ext;]>${titled('&ext; t')}`,
      'X5 parameter and general entity': `<!DOCTYPE rss [<!ENTITY % a SYSTEM "x.dtd"><!ENTITY b "bb">]>${titled('&b;')}`,
      'X5 lower-case entity': `<!doctype rss [<!entity xxe SYSTEM "file:///etc/passwd">]>${titled('&xxe;')}`,
      'X6 external DTD': `<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd">${titled('&xxe; x')}`,
      'X7 laughs behind 70 kB': `<?xml version="1.0"?>${padding}<!DOCTYPE rss [${laughs}]>${titled('&lol9;')}`,
      'X7 external entity behind 70 kB': `<?xml version="1.0"?>${padding}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${titled('&xxe;')}`,
      'X7 parameter entity behind 70 kB': `${padding}<!DOCTYPE rss [<!ENTITY % ext SYSTEM "x.dtd"> %ext;]>${titled('t')}`,
      'X7 element declarations behind 70 kB': `${padding}<!DOCTYPE rss [<!ELEMENT rss ANY><!ATTLIST rss version CDATA #IMPLIED><!-- c --><!NOTATION n SYSTEM "u">]>${titled('t')}`,
      'X7 an entity declared behind 70 kB': `${padding}<!DOCTYPE a [<!ENTITY e "expanded">]><a>&e;</a>`,
      'X7 unknown declaration behind 70 kB': `${padding}<!DOCTYPE rss [<?pi?>]>${titled('t')}`,
      'X8 10,000-deep nesting': item(`${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`),
      'X9 1,000,000-deep nesting': item(`${'<x>'.repeat(1_000_000)}${'</x>'.repeat(1_000_000)}`),
      '200 open elements (the most allowed)': `${'<x>'.repeat(201)}${'</x>'.repeat(201)}`,
      '202 open elements': `${'<x>'.repeat(202)}${'</x>'.repeat(202)}`,
      'X10 __proto__ elements': `<rss><channel><__proto__><polluted>yes</polluted></__proto__>${item('<__proto__>x</__proto__>')}</channel></rss>`,
      'X11 constructor, prototype, toString, hasOwnProperty': titled(
        '</title><constructor><prototype><polluted>1</polluted></prototype></constructor><toString>x</toString><hasOwnProperty>y</hasOwnProperty><valueOf/><isPrototypeOf>z</isPrototypeOf><title>t',
      ),
      'X12 __proto__ and constructor attributes': item(
        '<title __proto__="p" constructor="y">t</title>',
      ),
      'X13 __proto__ root': '<__proto__><item/></__proto__>',
      'X14 10 MB attribute': item(`<title a="${'x'.repeat(10_000_000)}">t</title>`),
      'X15 100,000 attributes': item(
        `<title ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}>t</title>`,
      ),
      'X15 100,000 attributes without values': item(
        `<title ${Array.from({ length: 100_000 }, (_, i) => `a${i}`).join(' ')}>t</title>`,
      ),
      'X16 &#0;': titled('a&#0;b'),
      'X17 lone surrogates': titled('a&#xD800;b&#xDFFF;c'),
      'X18 beyond Unicode': titled('a&#x110000;b&#99999999999999999999;c'),
      'X19 C0 and C1 controls': titled('a\u0001b\u0008c\u000bd&#x1F;e\u007ff&#x85;g\u009fh'),
      'X19 C0 references in XML 1.1': `<?xml version="1.1"?>${titled('a&#x1;b&#31;c')}`,
      'X22 repeated attribute': item('<title a="1" a="2">t</title>'),
      'X22 repeated attribute, one without a value': item('<title a a="2">t</title>'),
      'X23 truncated': titled('t').slice(0, -20),
      'X24 NULs': '\u0000'.repeat(1_000),
      'X24 a lone BOM': '\ufeff',
      'X24 JSON': '{"items":[]}',
      'named and numeric references': titled(
        'caf&eacute; &mdash; it&#8217;s &#x2014; &#xFFFFFFF; &nbsp;&euro;&birr;&amp;lt; done',
      ),
      'references in attributes': item(
        '<title a=" &amp;&#12abc;&#x;&#;&xxe; " b=\'&lt;&#0;\'>t</title>',
      ),
      'text around children and CDATA': item(
        '<title> a <b/> b <![CDATA[ c ]]> d <!-- e --> f <?pi x="1"?> g </title>',
      ),
      'processing instructions': `<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet href="a.xsl" type="text/xsl"?>${titled('t')}<?pi?>`,
      'a declaration not at the start': ` <?xml version="1.0"?>${titled('t')}`,
      'a declaration after a comment': `<!-- c --><?xml version="1.0"?>${titled('t')}`,
      'a second root': `${titled('t')}<rss/>`,
      'text after the root': `${titled('t')}x`,
      'references after the root': `${titled('t')}&amp; \n&#32;`,
      'CDATA before the root': `<![CDATA[x]]>${titled('t')}`,
      'self-closing roots': '<a/><b/>',
      'an attribute without space before it': item('<title a="1"b="2">t</title>'),
      'a stray equals sign': item('<title = a="1">t</title>'),
      'an unclosed quote': item('<title a="1>t</title>'),
      'a bare ampersand': titled('Fish & Chips'),
      'a mismatched end tag': item('<title>t</subtitle>'),
      'a CRLF document': `<?xml version="1.0"?>\r\n<rss a="x\r\ny">\r\n<channel>\r<title>a\r\nb</title></channel></rss>`,
    };
    const inputs = Object.entries(hostile).map(([label, text]) => ({ label, text }));
    expect(differences(inputs)).toEqual([]);
    for (const { text } of inputs) {
      const refusedBefore = oldOutcome(text).startsWith('XML_');
      if (refusedBefore) expect(() => parseXml(text)).toThrow(ParseError);
    }
  }, 60_000);

  it('reads references in text and attribute values as the old parser did', () => {
    const pieces = [
      '&',
      '#',
      'x',
      'X',
      ';',
      ' ',
      '0',
      '1',
      '9',
      'a',
      'F',
      'amp',
      'nbsp',
      'lt',
      'eacute',
    ];
    const reference = fc
      .array(fc.constantFrom(...pieces), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(
        fc.array(reference, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (parts, v11) => {
          const value = parts.join('');
          const declaration = v11 ? '<?xml version="1.1"?>' : '';
          const text = `${declaration}<a b="${value}" c='${value}&#${value.length};'>${value}<c>${value}</c></a>`;
          expect(newOutcome(text)).toBe(oldOutcome(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  // Documents mutated at random: pieces of markup inserted, characters deleted or
  // repeated. Most are no longer well-formed, and take the slow path.
  it('agrees on mutated documents', () => {
    const next = random(7);
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
    const pieces = [
      ...['<', '>', '&', '"', "'", '=', '/', ' ', '\t', '\r\n', '\r', '\u0001', '\u00a0', '\ufeff'],
      ...['&amp;', '&#0;', '&#1;', '&#x110000;', '&#12abc;', '&nbsp;', '&xxe;', 'text'],
      ...['<!--', '-->', '<!---->', '<![CDATA[', ']]>', '<![CDATA[]]>', '<c>x</c>', '<toString/>'],
      ...['<?pi x="1"?>', '<?xml version="1.1"?>', '<?x?>', '<? x?>', '<?xml ?>'],
      ...['<!DOCTYPE x>', '<!DOCTYPE x [<!ELEMENT a ANY>]>', '<a/>', '</a>', '<b c>', '</b>'],
      ...[' d="e"', ' d', '<__proto__>', '</__proto__>', '<item>', '</item>'],
      ...['&#32;', ' &#9;', '&#xA0;\n', '&#13;\r\n', ' e="&#32;f\ng"', ' e="\tf g"'],
    ];
    const small = documents.filter(({ repaired }) => repaired.length < 6_000);
    const differing: string[] = [];
    let fast = 0;
    for (let n = 0; n < 3_000; n++) {
      let text = pick(small).repaired;
      for (let m = 1 + Math.floor(next() * 3); m > 0; m--) {
        const at = Math.floor(next() * (text.length + 1));
        const r = next();
        if (r < 0.6) text = text.slice(0, at) + pick(pieces) + text.slice(at);
        else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
        else
          text = text.slice(0, at) + text.slice(at, at + Math.floor(next() * 20)) + text.slice(at);
      }
      if (newOutcome(text) !== oldOutcome(text)) differing.push(JSON.stringify(text));
      if (!slowPath(text)) fast++;
    }
    expect(differing).toEqual([]);
    // Both paths are exercised: many edits leave a document well-formed.
    expect(fast).toBeGreaterThan(500);
    expect(fast).toBeLessThan(2_500);
  });

  it('reads on the slow path, as the old passes did, what saxes refuses or the fast path is unsure of', () => {
    const cases = [
      '<a><![CDATX[x]]></a>',
      '<a>x<!foo>y</a>',
      '<a><b/></x /></a>',
      '<a\u00a0 x="1"></a>',
      '<a v\ufeffx="1"></a>',
      '<a><?>x<?pi?></a>',
      '<a><?pi q="?>"?></a>',
      '<a b="Fish & Chips"/>',
      '<a><!-- x ---></a>',
      '<!DOCTYPE a SYSTEM "x>y"><a/>',
      '<a><b c/></a>',
      '<a>\u0001</a>',
      '<a>&#0;</a>',
      '<a>&eacute;</a>',
      // Well-formed, but read otherwise by fast-xml-parser than by saxes.
      '<?xml version="1.1"?><a>\u0085</a>',
      '<a>&#32;x</a>',
      '<a>x&nbsp;\n</a>',
      '<a>&#160;x<b/>y&#xA0;</a>',
      '<a b=" x &amp; y "/>',
      '<a\n b="x y" c="&amp;"/>',
      `<a>&#${'0'.repeat(30)}65;</a>`,
      '<!DOCTYPE a [<!ELEMENT a ANY>]><a/>',
      `${'<x>'.repeat(202)}${'</x>'.repeat(202)}`,
    ];
    for (const text of cases) {
      expect(newOutcome(text)).toBe(oldOutcome(text));
      expect(slowPath(text)).toBe(true);
    }
  });

  it('reads on the fast path well-formed forms that fast-xml-parser reads in its own way', () => {
    const cases = [
      // Whitespace and references at the edges of text, which it trims as written.
      '<a>\n  x &amp; y &#32;z\n</a>',
      '<a>\r\n  <!-- c -->\r\n  &lt;p&gt;\r\n</a>',
      // Attribute values with tabs and line breaks, which it keeps.
      '<a\n b="x\n  y"\r\n c="\tz "\td=" "/>',
      '<a b="x &amp; y"/>',
      // Instructions, a DOCTYPE without a subset, CDATA.
      '<?xml version="1.0" encoding="utf-8" standalone="yes"?><?s href="a b" type=\'t\'?><!DOCTYPE a PUBLIC "p" "u"><a><![CDATA[ x ]]></a>',
      // Names that are keys of Object.prototype.
      '<a><__proto__>x</__proto__><toString/><constructor b="1"/></a>',
      // Every named reference it knows.
      `<a>${Object.keys(entities)
        .map((name) => `&${name};`)
        .join(' ')}</a>`,
    ];
    for (const text of cases) {
      expect(newOutcome(text)).toBe(oldOutcome(text));
      expect(slowPath(text)).toBe(false);
    }
  });
});
