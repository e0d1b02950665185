// A small scanner over well-formed XML text (parseXml has validated it): tokens, and the
// source of elements found by name. The object tree loses the order of mixed content,
// so markup carried inside XML (NITF body.content, NewsML DataContent and inlineXML,
// Atom xhtml) is read from the text. Comments, CDATA sections and processing
// instructions are skipped, so markup-like text inside them is never an element.
import { decode } from 'html-entities';

export type XmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string }
  | {
      kind: 'open';
      name: string;
      attributes: string;
      selfClosing: boolean;
      start: number;
      end: number;
    }
  | { kind: 'close'; name: string; start: number; end: number };

export interface RawElement {
  /** The name as written, prefix included. */
  name: string;
  /** Attribute values with entities decoded, keyed by the name as written. */
  attributes: Record<string, string>;
  /** The element's content exactly as in the source. */
  inner: string;
}

const markup =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/gi;

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function* xmlTokens(xml: string): Generator<XmlToken> {
  let last = 0;
  for (const match of xml.matchAll(markup)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > last) yield { kind: 'text', text: xml.slice(last, start) };
    last = end;
    const [, cdata, slash, name, attributes, selfClosing] = match;
    if (cdata !== undefined) yield { kind: 'cdata', text: cdata };
    else if (name === undefined) continue;
    else if (slash === '/') yield { kind: 'close', name, start, end };
    else {
      const open = { name, attributes: attributes ?? '', selfClosing: selfClosing === '/' };
      yield { kind: 'open', ...open, start, end };
    }
  }
  if (last < xml.length) yield { kind: 'text', text: xml.slice(last) };
}

const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, double, single] of source.matchAll(attribute)) {
    if (name !== undefined) attributes[name] = decode(double ?? single ?? '');
  }
  return attributes;
}

export interface FindOptions {
  /** Match the name as written, prefix included, instead of its local name. */
  qualified?: boolean;
  /** Only elements that are direct children of the fragment. */
  childrenOnly?: boolean;
}

/** The outermost elements with this name, in document order, nested ones of the same name inside. */
export function findRawElements(
  xml: string,
  name: string,
  options: FindOptions = {},
): RawElement[] {
  return [...rawElements(xml, name, options)];
}

/** The first of them: the scan stops there, not at the end of the text. */
export function findRawElement(xml: string, name: string): RawElement | undefined {
  for (const element of rawElements(xml, name, {})) return element;
  return undefined;
}

function* rawElements(xml: string, name: string, options: FindOptions): Generator<RawElement> {
  const matches = (candidate: string) =>
    (options.qualified ? candidate : localName(candidate)) === name;
  let open: { name: string; attributes: string; contentStart: number; depth: number } | undefined;
  let depth = 0;
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'open') {
      const wanted =
        open === undefined && matches(token.name) && (!options.childrenOnly || depth === 0);
      if (wanted && token.selfClosing) {
        yield { name: token.name, attributes: parseAttributes(token.attributes), inner: '' };
      } else if (wanted) {
        open = { name: token.name, attributes: token.attributes, contentStart: token.end, depth };
      }
      if (!token.selfClosing) depth++;
    } else if (token.kind === 'close') {
      depth--;
      if (open && depth === open.depth && token.name === open.name) {
        const inner = xml.slice(open.contentStart, token.start);
        yield { name: open.name, attributes: parseAttributes(open.attributes), inner };
        open = undefined;
      }
    }
  }
}

/** The character data of a fragment: text with entities decoded, CDATA as is, no markup. */
export function rawText(xml: string): string {
  let text = '';
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') text += decode(token.text);
    else if (token.kind === 'cdata') text += token.text;
  }
  return text;
}

/** Whether a fragment holds at least one element (rather than only text or CDATA). */
export function hasElements(xml: string): boolean {
  for (const token of xmlTokens(xml)) if (token.kind === 'open') return true;
  return false;
}
