// NewsML 1.2 (IPTC, NewsML_1.2.dtd) NewsComponent: NewsLines, Administrative-, Rights-
// and DescriptiveMetadata, Metadata, nested NewsComponents and NewsItems, ContentItems.
// DataContent is taken from the XML text: a cursor walks the ContentItems of the source in
// document order, which the DTD makes the order of this tree walk.

import { attributeOf, childAt, childOf, childrenOf, textIn } from '../nitf/tree.js';
import type { XmlNode } from '../xml/parse-xml.js';
import { findRawElement, findRawElements, type RawElement } from '../xml/raw-xml.js';

export interface NewsMl1Lines {
  headLines: string[];
  subHeadLines: string[];
  byLines: string[];
  dateLines: string[];
  creditLines: string[];
  copyrightLines: string[];
  slugLines: string[];
  keywordLines: string[];
  /** NewsLine elements: NewsLineType@FormalName and NewsLineText. */
  newsLines: { type?: string; text: string }[];
}

export interface NewsMl1ContentItem {
  href?: string;
  mediaType?: string;
  format?: string;
  mimeType?: string;
  /** Characteristics/Property FormalName to Value (ImageUse, PixelWidth...). */
  properties: Record<string, string>;
  /** The content of DataContent exactly as in the source. */
  data?: string;
}

export interface NewsMl1Component {
  role?: string;
  language?: string;
  lines: NewsMl1Lines;
  subjectCodes: string[];
  genres: string[];
  keywords: string[];
  creators: string[];
  copyrightHolder?: string;
  city?: string;
  country?: string;
  components: NewsMl1Component[];
  contentItems: NewsMl1ContentItem[];
}

/** The ContentItems of the source text, handed out in document order. */
export class RawContentItems {
  private readonly raws: RawElement[];
  private next = 0;
  mismatches = 0;

  constructor(xml: string) {
    this.raws = findRawElements(xml, 'ContentItem');
  }

  /** The DataContent source of the next ContentItem, checked against the tree node. */
  take(node: XmlNode): string | undefined {
    const raw = this.raws[this.next++];
    if (raw === undefined) return undefined;
    const matches = ['Duid', 'Euid', 'Href'].every(
      (name) => (attributeOf(node, name) ?? '') === (raw.attributes[name]?.trim() ?? ''),
    );
    if (!matches) {
      this.mismatches++;
      return undefined;
    }
    return findRawElement(raw.inner, 'DataContent')?.inner;
  }

  /** Steps over the ContentItems of a subtree this decoder does not read (Update). */
  skip(node: XmlNode): void {
    for (const key of Object.keys(node)) {
      if (key.startsWith('@_') || key === '#text' || key.endsWith('DataContent')) continue;
      for (const child of childrenOf(node, key)) {
        if (key === 'ContentItem' || key.endsWith(':ContentItem')) this.take(child);
        else this.skip(child);
      }
    }
  }
}

const formalName = (node: XmlNode | undefined) => attributeOf(node, 'FormalName');
const texts = (node: XmlNode | undefined, name: string) =>
  childrenOf(node, name).flatMap((child) => textIn(child) ?? []);

function decodeLines(lines: XmlNode | undefined): NewsMl1Lines {
  return {
    headLines: texts(lines, 'HeadLine'),
    subHeadLines: texts(lines, 'SubHeadLine'),
    byLines: texts(lines, 'ByLine'),
    dateLines: texts(lines, 'DateLine'),
    creditLines: texts(lines, 'CreditLine'),
    copyrightLines: texts(lines, 'CopyrightLine'),
    slugLines: texts(lines, 'SlugLine'),
    keywordLines: texts(lines, 'KeywordLine'),
    newsLines: childrenOf(lines, 'NewsLine').flatMap((line) => {
      const text = textIn(childOf(line, 'NewsLineText'));
      const type = formalName(childOf(line, 'NewsLineType'));
      return text === undefined ? [] : [type === undefined ? { text } : { type, text }];
    }),
  };
}

function decodeContentItem(node: XmlNode, raws: RawContentItems): NewsMl1ContentItem {
  const properties: Record<string, string> = {};
  for (const property of childrenOf(childOf(node, 'Characteristics'), 'Property')) {
    const name = formalName(property);
    const value = attributeOf(property, 'Value');
    if (name !== undefined && value !== undefined && !(name in properties))
      properties[name] = value;
  }
  const item: NewsMl1ContentItem = { properties };
  const fields = {
    href: attributeOf(node, 'Href'),
    mediaType: formalName(childOf(node, 'MediaType')),
    format: formalName(childOf(node, 'Format')),
    mimeType: formalName(childOf(node, 'MimeType')),
    data: raws.take(node),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) item[key as 'href'] = value;
  }
  return item;
}

function keywordsOf(node: XmlNode): string[] {
  const described = childrenOf(childOf(node, 'DescriptiveMetadata'), 'Property').filter(
    (property) => formalName(property) === 'Keyword' && attributeOf(property, 'Role') === undefined,
  );
  const other = childrenOf(node, 'Metadata')
    .flatMap((metadata) => childrenOf(metadata, 'Property'))
    .filter((property) => /keywords?$/i.test(formalName(property) ?? ''));
  return [...described, ...other].flatMap((property) => attributeOf(property, 'Value') ?? []);
}

function locationOf(descriptive: XmlNode | undefined): { city?: string; country?: string } {
  const location = childOf(descriptive, 'Location');
  const value = (name: string) =>
    childrenOf(location, 'Property').find((property) => formalName(property) === name);
  const city = attributeOf(value('City'), 'Value');
  const country = attributeOf(value('Country'), 'Value');
  return { ...(city && { city }), ...(country && { country }) };
}

function decodeNestedItem(item: XmlNode, raws: RawContentItems): NewsMl1Component[] {
  const component = childOf(item, 'NewsComponent');
  const decoded = component === undefined ? [] : [decodeComponent(component, raws)];
  for (const update of childrenOf(item, 'Update')) raws.skip(update);
  return decoded;
}

export function decodeComponent(node: XmlNode, raws: RawContentItems): NewsMl1Component {
  const descriptive = childOf(node, 'DescriptiveMetadata');
  const subjectCodes = childrenOf(descriptive, 'SubjectCode').flatMap((code) =>
    ['Subject', 'SubjectMatter', 'SubjectDetail'].flatMap((name) =>
      childrenOf(code, name).flatMap((subject) => formalName(subject) ?? []),
    ),
  );
  const copyrightHolder = textIn(childAt(node, 'RightsMetadata', 'Copyright', 'CopyrightHolder'));
  const role = formalName(childOf(node, 'Role'));
  const language = formalName(childOf(descriptive, 'Language')) ?? attributeOf(node, 'xml:lang');
  // The DTD allows one kind of child per component, so this order is document order.
  const components = [
    ...childrenOf(node, 'NewsItem').flatMap((item) => decodeNestedItem(item, raws)),
    ...childrenOf(node, 'NewsComponent').map((child) => decodeComponent(child, raws)),
  ];
  const contentItems = childrenOf(node, 'ContentItem').map((item) => decodeContentItem(item, raws));
  return {
    ...(role && { role }),
    ...(language && { language }),
    lines: decodeLines(childOf(node, 'NewsLines')),
    subjectCodes,
    genres: childrenOf(descriptive, 'Genre').flatMap((genre) => formalName(genre) ?? []),
    keywords: keywordsOf(node),
    creators: childrenOf(childAt(node, 'AdministrativeMetadata', 'Creator'), 'Party').flatMap(
      (party) => formalName(party) ?? textIn(party) ?? [],
    ),
    ...(copyrightHolder && { copyrightHolder }),
    ...locationOf(descriptive),
    components,
    contentItems,
  };
}
