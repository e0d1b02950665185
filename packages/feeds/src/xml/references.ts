// Entity and character references: saxes resolves them; these are the readings it is
// given, so that a tree stays what fast-xml-parser (htmlEntities on) made of it.
// XML's five and the 35 HTML and currency names it knew are resolved (&eacute; is
// not one: the text cleaning decodes it later). No entity a DTD declares is ever
// expanded. saxes reports a reference to nothing it knows as an error and leaves it
// as written; where the old parser also left it as written (&xxe;, &#x110000;) the
// error is let pass, where the old parser dropped or read it (&#0;, a C0 control,
// a surrogate) that reading replaces it, and anything the old check refused is refused.
import { saxesParser, type XmlVersion } from './saxes-parser.js';

/** The errors saxes reports on a reference it does not resolve. */
export const referenceErrors = new Set([
  'undefined entity.',
  'disallowed character in entity name.',
  'empty entity name.',
  'malformed character entity.',
]);

/** What a reference saxes did not resolve is read as. */
export type Reading =
  | { kind: 'as written' }
  | { kind: 'refused' }
  /** Text that, put in its place, saxes reads as the old parser read the reference. */
  | { kind: 'replaced'; source: string };

const asWritten: Reading = { kind: 'as written' };
const refused: Reading = { kind: 'refused' };

// In character data the old check took `&#123;`, `&#x1F;` or a name of 1 to 20 word
// characters, then ';'. In an attribute value it took anything, and its parser read
// a reference up to the first ';' within 32 characters, or left it as written.
const textName = /^\w{1,20}$/;
const textNumber = /^#(?:\d*|x[0-9a-fA-F]*)$/;

/**
 * The reading of `&name;` (name as between '&' and ';') that saxes did not resolve,
 * in character data or in an attribute value.
 */
export function readReference(name: string, inAttribute: boolean): Reading {
  if (inAttribute) {
    // A quote would mean saxes read the reference past the value's end; another
    // '&' would mean the old parser read what follows it as a reference of its own.
    if (/["'&]/.test(name)) return refused;
    if (name.length > 32) return asWritten;
  }
  if (name[0] !== '#') return inAttribute || textName.test(name) ? asWritten : refused;
  if (!inAttribute && !textNumber.test(name)) return refused;
  // The old parser read the number parseInt reads, so `&#12abc;` in an attribute was 12.
  const second = name.charCodeAt(1);
  const code =
    second === 120 || (inAttribute && second === 88)
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
  if (Number.isNaN(code) || code < 0 || code > 0x10ffff) return asWritten;
  // NUL, a surrogate, a C0 control that XML 1.0 forbids (saxes reports one only in
  // XML 1.0) were dropped; U+FFFE and U+FFFF were kept, and what parseInt read was read.
  if (
    code === 0 ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code < 0x20 && code !== 9 && code !== 10 && code !== 13)
  ) {
    return { kind: 'replaced', source: '' };
  }
  if (code === 0xfffe || code === 0xffff)
    return { kind: 'replaced', source: String.fromCharCode(code) };
  return { kind: 'replaced', source: `&#${code};` };
}

/**
 * Where the reference whose ';' is at text[semicolon] starts (its '&'): saxes reads a
 * reference from '&' to the next ';', whatever stands between, so the one that ends
 * there is found by stepping from one '&' to the ';' after it, from `from`, where none
 * is open.
 */
export function referenceEndingAt(text: string, from: number, semicolon: number): number {
  let amp = text.indexOf('&', from);
  let end = text.indexOf(';', amp + 1);
  while (end < semicolon && amp !== -1) {
    amp = text.indexOf('&', end + 1);
    end = text.indexOf(';', amp + 1);
  }
  return amp;
}

/** A stretch of text where references are to be put in place of others. */
export interface Replacement {
  start: number;
  end: number;
  source: string;
}

/** text[from, to) with the replacements (in order, inside it) put in. */
export function withReplacements(
  text: string,
  from: number,
  to: number,
  replacements: Replacement[],
): string {
  let result = '';
  let last = from;
  for (const { start, end, source } of replacements) {
    result += text.slice(last, start) + source;
    last = end;
  }
  return result + text.slice(last, to);
}

/**
 * Character data or an attribute value as written, read as the old parser read it:
 * references resolved, nothing else changed (saxes reads it as character data, where
 * line breaks and tabs stay). Undefined when a reference in it is refused.
 */
export function readCharacters(
  source: string,
  inAttribute: boolean,
  version: XmlVersion,
): string | undefined {
  return read(inAttribute ? source.replaceAll('<', '&lt;') : source, inAttribute, version, true);
}

function read(
  text: string,
  inAttribute: boolean,
  version: XmlVersion,
  first: boolean,
): string | undefined {
  let result = '';
  let ok = true;
  let from = 0;
  const replacements: Replacement[] = [];
  const textHandler = (characters: string) => {
    result += characters;
  };
  const errorHandler = (err: Error) => {
    const message = err.message.slice(err.message.indexOf(': ') + 2);
    if (referenceErrors.has(message)) {
      const semicolon = parser.position - 1;
      const amp = referenceEndingAt(text, from, semicolon);
      from = semicolon + 1;
      const reading = readReference(text.slice(amp + 1, semicolon), inAttribute);
      if (reading.kind === 'refused') ok = false;
      else if (reading.kind === 'replaced') {
        replacements.push({ start: amp, end: semicolon + 1, source: reading.source });
      }
    } else if (
      message !== 'disallowed character.' &&
      message !== 'the string "]]>" is disallowed in char data.'
    ) {
      ok = false;
    }
  };
  const parser = saxesParser({ errorHandler, textHandler }, true, version);
  parser.write(text).close();
  if (!ok) return undefined;
  if (replacements.length === 0) return result;
  // Read again with the replacements, which saxes resolves (or keeps) as they are.
  return first
    ? read(withReplacements(text, 0, text.length, replacements), inAttribute, version, false)
    : undefined;
}
