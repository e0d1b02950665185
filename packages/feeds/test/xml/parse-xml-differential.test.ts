// parseXml reads with saxes in one pass what fast-xml-parser read in two
// (XMLValidator, then XMLParser): it must build the same tree from every document,
// key order included, and refuse what the old passes refused. The old configuration
// is the oracle (fxp-oracle.ts). Where they differ, the old passes were wrong, and
// each such case is listed below with why; nothing else may differ.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { parseXml } from '../../src/xml/parse-xml.js';
import { repairXml } from '../../src/xml/repair-xml.js';
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

const newOutcome = (text: string) => outcomeOf(parseXml, text);
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
    const read = inputs.filter(({ text }) => newOutcome(text).startsWith('{')).length;
    expect(read).toBeGreaterThan(1_700);
    expect(inputs.length - read).toBeGreaterThan(10);
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
  // repeated. The cases the two differ on, each where the old passes were wrong:
  // Where a case says how the document is mended, parseXml must refuse it as it is and
  // read it mended as the old passes read it unmended.
  const documented: {
    why: string;
    applies: (text: string) => boolean;
    mended?: (text: string) => string;
  }[] = [
    {
      why: '`<!` that opens no comment, CDATA section or DOCTYPE: the old check took it for text, the old parser for an element named `!…` or a CDATA section cut at a fixed offset',
      applies: (text) => /<!(?!--|\[CDATA\[|DOCTYPE)/.test(text),
    },
    {
      why: "an end tag with '/' before its '>' (`</a/>`, `</a />`): the old check took it for a start tag closing itself, the old parser for an end tag",
      applies: (text) => /<\/[^<>]*\/\s*>/.test(text),
    },
    {
      why: 'a tag holding a character JavaScript trims but XML does not count as whitespace (U+00A0, U+FEFF, ...): the old check trimmed it off names, the old parser split names on it; U+FEFF is an XML name character, U+00A0 is refused',
      applies: (text) =>
        /<[^>]*[\u00a0\ufeff\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\v\f]/.test(text),
    },
    {
      why: 'a processing instruction with no target (`<?>`), or whose quotes run past its first `?>`: the old check ended it at the first `?>`, the old parser at a later one; saxes ends it at the first, as XML says (quotes mean nothing there)',
      applies: (text) => text.includes('<?>') || piEndsDisagree(text),
    },
    {
      why: "a bare '&' in an attribute value: XML forbids it, and the old check never looked at attribute values; saxes reads a reference from the '&' to the next ';', past the value's end, and refuses the document. parseDocument mends it first: repairXml escapes a bare '&' wherever it stands",
      applies: (text) => bareAmpersandInAttribute.test(text),
      mended: (text) => repairXml(text).text,
    },
    {
      why: "a comment whose '--' runs on into more dashes before its '>' (`<!-- a --->`): XML forbids '--' in a comment; the old check ended it at the first '-->', saxes reads on past it, and the document is refused",
      applies: (text) => /-{3,}>/.test(text),
    },
    {
      why: "a '<' or '>' inside a quoted literal of a DOCTYPE (`SYSTEM \"a>b\"`): the old check counted angle brackets there and refused the rest; saxes reads the literal to its closing quote, as XML says",
      applies: (text) => /<!DOCTYPE[^"'>]*(?:"[^"]*[<>][^"]*"|'[^']*[<>][^']*')/.test(text),
    },
    {
      why: "a name without a value right before a start tag's '/>' (`<a b/>`): not XML; the old check allowed a name without a value (the parser dropped it), saxes cannot read past this one without losing the '/', and the document is refused",
      applies: (text) => /<[^\s<>!?/][^<>]*\s[^\s="'<>/]+\/>/.test(text),
    },
  ];

  it('agrees on mutated documents, except in the documented cases, where it refuses or reads them as XML says', () => {
    const next = random(7);
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
    const pieces = [
      ...['<', '>', '&', '"', "'", '=', '/', ' ', '\t', '\r\n', '\r', '\u0001', '\u00a0', '\ufeff'],
      ...['&amp;', '&#0;', '&#1;', '&#x110000;', '&#12abc;', '&nbsp;', '&xxe;', 'text'],
      ...['<!--', '-->', '<!---->', '<![CDATA[', ']]>', '<![CDATA[]]>', '<c>x</c>', '<toString/>'],
      ...['<?pi x="1"?>', '<?xml version="1.1"?>', '<?x?>', '<? x?>', '<?xml ?>'],
      ...['<!DOCTYPE x>', '<!DOCTYPE x [<!ELEMENT a ANY>]>', '<a/>', '</a>', '<b c>', '</b>'],
      ...[' d="e"', ' d', '<__proto__>', '</__proto__>', '<item>', '</item>'],
    ];
    const small = documents.filter(({ repaired }) => repaired.length < 6_000);
    let compared = 0;
    const unexplained: string[] = [];
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
      const now = newOutcome(text);
      if (now === oldOutcome(text)) {
        compared++;
        continue;
      }
      const cases = documented.filter((d) => d.applies(text));
      if (cases.length === 0) unexplained.push(JSON.stringify(text));
      const mended = cases.length === 1 ? cases[0]?.mended : undefined;
      if (mended && (now !== 'XML_MALFORMED' || newOutcome(mended(text)) !== oldOutcome(text))) {
        unexplained.push(`not as documented: ${JSON.stringify(text)}`);
      }
    }
    expect(unexplained).toEqual([]);
    expect(compared).toBeGreaterThan(2_900);
  });

  it('differs, as documented, on each listed case', () => {
    const cases = [
      { text: '<a><![CDATX[x]]></a>', now: 'XML_MALFORMED' },
      { text: '<a>x<!foo>y</a>', now: 'XML_MALFORMED' },
      { text: '<a><b/></x /></a>', now: 'XML_MALFORMED' },
      { text: '<a\u00a0 x="1"></a>', now: 'XML_MALFORMED' },
      { text: '<a><b></b\u00a0></a>', now: 'XML_MALFORMED' },
      { text: '<a v\ufeffx="1"></a>', now: '{"a":{"@_v\ufeffx":"1"}}' },
      { text: '<a><?>x<?pi?></a>', now: 'XML_MALFORMED' },
      { text: '<a><?pi q="?>"?></a>', now: '{"a":{"?pi":"","#text":"\\"?>"}}' },
      { text: '<a b="Fish & Chips"/>', now: 'XML_MALFORMED' },
      { text: '<a><!-- x ---></a>', now: 'XML_MALFORMED' },
      { text: '<!DOCTYPE a SYSTEM "x>y"><a/>', now: '{"a":""}' },
      { text: '<a><b c/></a>', now: 'XML_MALFORMED' },
    ];
    for (const { text, now } of cases) {
      expect(documented.filter((d) => d.applies(text))).toHaveLength(1);
      expect(newOutcome(text)).toBe(now);
      expect(oldOutcome(text)).not.toBe(now);
    }
    const mended = repairXml('<a b="Fish & Chips"/>').text;
    expect(newOutcome(mended)).toBe(oldOutcome('<a b="Fish & Chips"/>'));
  });

  it('never expands an entity a DOCTYPE declares, where the old parser expanded one', () => {
    // Past the 64 KiB that parseXml looks through for a DOCTYPE to refuse, the old
    // parser took one internal entity (its maxEntityCount); saxes reads none.
    const text = `<!-- ${'x'.repeat(70_000)} --><!DOCTYPE a [<!ENTITY e "expanded">]><a>&e;</a>`;
    expect(newOutcome(text)).toBe('{"a":"&e;"}');
    expect(oldOutcome(text)).toBe('{"a":"expanded"}');
  });
});

// An attribute value holding an '&' that starts no reference (repairXml's rule).
const bareAmpersandInAttribute =
  /=\s*(?:"[^"]*&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)[^"]*"|'[^']*&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)[^']*')/;

/** Whether some `<?` ends at a different `?>` when quoted strings are skipped. */
function piEndsDisagree(text: string): boolean {
  for (let lt = text.indexOf('<?'); lt !== -1; lt = text.indexOf('<?', lt + 2)) {
    let quoted = -1;
    for (let i = lt + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'") {
        i = text.indexOf(c, i + 1);
        if (i === -1) break;
      } else if (c === '?' && text[i + 1] === '>') {
        quoted = i;
        break;
      }
    }
    if (text.indexOf('?>', lt + 2) !== quoted) return true;
  }
  return false;
}
