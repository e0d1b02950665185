// Markup inside Atom text constructs (type="xhtml", or HTML left unescaped) must be
// kept as written; the object tree cannot give it back in order, so it is taken
// from the source text of each entry.
import { qualified } from '../xml/namespaces.js';
import { findRawElements } from '../xml/raw-xml.js';

const innerXmlOfAll = (xml: string, name: string) =>
  findRawElements(xml, name, { qualified: true }).map((element) => element.inner);
const innerXmlOfChildren = (xml: string, name: string) =>
  findRawElements(xml, name, { qualified: true, childrenOnly: true }).map(
    (element) => element.inner,
  );

export interface RawEntry {
  /** The inner XML of the entry's first child element with that local name. */
  child(localName: string): string | undefined;
}

/**
 * The source text of the entries named `entryName`, by their index among those.
 * The text is scanned when an entry's markup is first asked for: most feeds'
 * entries hold none (no xhtml, their HTML escaped), and never ask.
 */
export function rawEntries(xmlText: string, entryName: string, prefix: string) {
  let entries: string[] | undefined;
  return (index: number): RawEntry => ({
    child(localName) {
      entries ??= innerXmlOfAll(xmlText, entryName);
      const entry = entries[index];
      return entry === undefined
        ? undefined
        : innerXmlOfChildren(entry, qualified(prefix, localName))[0];
    },
  });
}
