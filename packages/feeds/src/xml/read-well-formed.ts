// The fast path: saxes reads the text in one pass, checking that it is well-formed,
// and its events build the tree fast-xml-parser builds (xml-tree.ts). It reads only
// what it is sure it reads exactly as fast-xml-parser does: at the first error saxes
// throws, and at anything this reader is unsure of, it gives up (undefined) and the
// document goes to fast-xml-parser whole.
import type { SaxesParser, SaxesTagPlain, XMLDecl } from 'saxes';
import { saxesParser } from './saxes-parser.js';
import type { OutlinedElement, SourceOutline } from './source-outline.js';
import { isTrimmed, mayTrimAReference } from './trimmed-text.js';
import {
  addChild,
  attributePrefix,
  closedValue,
  type Frame,
  keyFor,
  newFrame,
  type XmlNode,
} from './xml-tree.js';

// fast-xml-parser refuses a start tag below 201 open elements.
const maxOpenElements = 200;

// fast-xml-parser reads a reference only up to 32 characters between '&' and ';';
// saxes reads a numeric one of any length.
const longNumericReference = /&#x?[0-9a-fA-F]{31}/;

// Characters saxes takes in a name that fast-xml-parser does not: U+1680 and U+FEFF
// it reads as whitespace, and its validator refuses names beyond the BMP.
const unusualName = /[\u1680\ufeff\ud800-\udfff]/;

// An attribute as fast-xml-parser reads one from a start tag or processing
// instruction as written: a name, and a value in quotes (without one it is dropped).
const writtenAttribute = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/g;

/** Thrown from an event handler to stop saxes where this reader is unsure. */
class Unsure extends Error {}
const unsure = new Unsure('left to fast-xml-parser');

/**
 * The attribute values of a start tag as written, holding no reference, as
 * fast-xml-parser reads them: trimmed, tabs and line breaks kept (a CRLF is a LF).
 */
function valuesAsWritten(startTag: string): Map<string, string> {
  const values = new Map<string, string>();
  const afterName = startTag.search(/[\s/>]/);
  for (const [, name, , double, single] of startTag.slice(afterName).matchAll(writtenAttribute)) {
    const value = double ?? single;
    if (name !== undefined && value !== undefined) {
      values.set(name, value.replace(/\r\n?/g, '\n').trim());
    }
  }
  return values;
}

/** Whether fast-xml-parser, which skips quoted strings in it, ends this instruction where saxes did. */
function quotesClose(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === "'") {
      i = body.indexOf(c, i + 1);
      if (i === -1) return false;
    }
  }
  return true;
}

/** A processing instruction's value in the tree: its pseudo-attributes, or ''. */
function instructionValue(body: string): XmlNode | string {
  if (body.includes('&') || !quotesClose(body)) throw unsure;
  let attributes: XmlNode | undefined;
  for (const [, name, , double, single] of body.matchAll(writtenAttribute)) {
    const value = double ?? single;
    if (value === undefined) continue;
    attributes ??= {};
    attributes[attributePrefix + name] = value.trim();
  }
  return attributes ?? '';
}

class WellFormedReader {
  private readonly parser: SaxesParser;
  private readonly root = newFrame('', undefined);
  private readonly open: Frame[] = [];
  private top = this.root;

  // The character data since the last markup that ends a piece of it (a comment
  // does not), as saxes read it, and where it stands in the text.
  private pending = '';
  private pieceStart = 0;
  private pieceEnd = 0;

  // The watched elements met so far, and those of them still open.
  private readonly outlined: OutlinedElement[] = [];
  private readonly openOutlined: OutlinedElement[] = [];

  constructor(
    private readonly text: string,
    private readonly watched: ReadonlySet<string> | undefined,
  ) {
    this.parser = saxesParser({
      text: (read) => this.characters(read),
      cdata: (data) => this.cdata(data),
      doctype: (doctype) => this.doctype(doctype),
      opentag: (tag) => this.startTag(tag),
      closetag: (tag) => this.endTag(tag),
      processinginstruction: ({ target, body }) => this.instruction(`?${target}`, body),
      xmldecl: (declaration) => this.declaration(declaration),
    });
  }

  read(): WellFormed {
    this.parser.write(this.text).close();
    return {
      tree: this.root.children ?? {},
      outline: { text: this.text, elements: this.outlined },
    };
  }

  private isWatched(name: string): boolean {
    if (this.watched === undefined) return false;
    const colon = name.indexOf(':');
    return this.watched.has(colon < 0 ? name : name.slice(colon + 1));
  }

  /** Where a watched element starts; saxes stands just after its start tag. */
  private outlineStart(tag: SaxesTagPlain): void {
    const contentStart = this.parser.position;
    const element: OutlinedElement = {
      name: tag.name,
      start: this.text.lastIndexOf('<', contentStart - 1),
      contentStart,
      contentEnd: contentStart,
      end: contentStart,
      selfClosing: tag.isSelfClosing,
    };
    this.outlined.push(element);
    if (!tag.isSelfClosing) this.openOutlined.push(element);
  }

  /** Where the innermost open watched element ends; saxes stands just after its end tag. */
  private outlineEnd(): void {
    const element = this.openOutlined.pop() as OutlinedElement;
    element.end = this.parser.position;
    element.contentEnd = this.text.lastIndexOf('<', element.end - 1);
  }

  private characters(read: string): void {
    this.pending += read;
    this.pieceEnd = this.parser.position - 1; // the '<' that ended it
  }

  /** The pending character data becomes a piece of the element's text, trimmed. */
  private endPiece(): void {
    const piece = this.pending;
    if (piece !== '' && this.top !== this.root) {
      const trimmed = piece.trim();
      // Read as written unless references or CRLFs (or comments) make it longer.
      const asWritten = this.pieceEnd - this.pieceStart === piece.length;
      if (
        trimmed.length !== piece.length &&
        !asWritten &&
        mayTrimAReference(this.text, this.pieceStart, this.pieceEnd, piece)
      ) {
        throw unsure;
      }
      this.top.text += trimmed;
    }
    this.pending = '';
    this.pieceStart = this.parser.position;
  }

  private cdata(data: string): void {
    this.endPiece();
    this.top.text += data;
  }

  private doctype(doctype: string): void {
    // One without an internal subset or angle brackets is skipped by both readers.
    if (/[[<>]/.test(doctype)) throw unsure;
  }

  private startTag(tag: SaxesTagPlain): void {
    this.endPiece();
    if (unusualName.test(tag.name)) throw unsure;
    if (!tag.isSelfClosing && this.open.length > maxOpenElements) throw unsure;
    this.top = newFrame(keyFor(tag.name), this.attributesOf(tag));
    this.open.push(this.top);
    if (this.isWatched(tag.name)) this.outlineStart(tag);
  }

  /** The attributes of a start tag, keyed `@_name`, as fast-xml-parser reads them. */
  private attributesOf(tag: SaxesTagPlain): XmlNode | undefined {
    let attributes: XmlNode | undefined;
    let asWritten: string | undefined;
    let written: Map<string, string> | undefined;
    for (const name in tag.attributes) {
      if (unusualName.test(name)) throw unsure;
      let value = tag.attributes[name] as string;
      // fast-xml-parser keeps a tab or line break that saxes made a space, and trims
      // a value before reading its references: such values are read as written.
      const trimmedEdge =
        isTrimmed(value.charCodeAt(0)) || isTrimmed(value.charCodeAt(value.length - 1));
      if (trimmedEdge || value.includes(' ')) {
        asWritten ??= this.startTagAsWritten();
        const rewritten = /[\t\n\r]/.test(asWritten);
        if (asWritten.includes('&') && (trimmedEdge || rewritten)) throw unsure;
        if (rewritten) written ??= valuesAsWritten(asWritten);
        value = written?.get(name) ?? value.trim();
      }
      attributes ??= {};
      attributes[attributePrefix + name] = value;
    }
    return attributes;
  }

  private startTagAsWritten(): string {
    const end = this.parser.position;
    return this.text.slice(this.text.lastIndexOf('<', end - 1), end);
  }

  private endTag(tag: SaxesTagPlain): void {
    this.endPiece();
    if (!tag.isSelfClosing && this.isWatched(tag.name)) this.outlineEnd();
    const frame = this.open.pop() as Frame;
    this.top = this.open.at(-1) ?? this.root;
    addChild(this.top, frame.key, closedValue(frame));
  }

  /** `<?target pseudo-attributes?>`: a child named `?target`. */
  private instruction(key: string, body: string): void {
    this.endPiece();
    if (unusualName.test(key)) throw unsure;
    addChild(this.top, key, body === '' ? '' : instructionValue(body));
  }

  private declaration({ version, encoding, standalone }: XMLDecl): void {
    // XML 1.1 has more line breaks, which saxes normalizes and fast-xml-parser does not.
    if (version !== '1.0') throw unsure;
    const attributes: XmlNode = { [`${attributePrefix}version`]: version };
    if (encoding !== undefined) attributes[`${attributePrefix}encoding`] = encoding;
    if (standalone !== undefined) attributes[`${attributePrefix}standalone`] = standalone;
    addChild(this.top, '?xml', attributes);
  }
}

export interface WellFormed {
  tree: XmlNode;
  /** Where the watched elements stand in the text. */
  outline: SourceOutline;
}

/**
 * The tree fast-xml-parser builds from this text, or undefined where saxes finds it
 * not well-formed or this reader is not sure it reads it the same way; with it,
 * where the elements of the watched local names stand.
 */
export function readWellFormed(
  text: string,
  watched?: ReadonlySet<string>,
): WellFormed | undefined {
  // Searched for only in a text with a numeric reference at all (most feeds have
  // none): the string search is several times faster than the pattern's scan.
  if (text.includes('&#') && longNumericReference.test(text)) return undefined;
  try {
    return new WellFormedReader(text, watched).read();
  } catch {
    // saxes's error, or unsure: either way the slow path reads it, or refuses it.
    return undefined;
  }
}
