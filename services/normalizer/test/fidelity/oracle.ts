// What a real agency document itself says, read independently of wire's parser:
// fast-xml-parser with namespace prefixes removed, a few XPath-like walks per
// format, and nothing from @wire/feeds. The fidelity properties compare wire's
// articles with this.
import { XMLParser } from 'fast-xml-parser';
import { decode } from 'html-entities';

export interface ExpectedItem {
  guid?: string | undefined;
  headline?: string | undefined;
  version?: string | undefined;
  pubStatus?: 'usable' | 'withheld' | 'canceled' | undefined;
  type?: string | undefined;
  language?: string | undefined;
  /** The text of the item's content parts: what its body and captions must keep. */
  contentText: string;
  /**
   * Where the parts are renditions of one content (a G2 contentSet's inlineXML and
   * inlineData), the text of each: keeping any one of them in full is keeping it.
   */
  alternatives?: string[] | undefined;
}

export interface ExpectedDocument {
  format: 'newsml-g2' | 'nitf' | 'newsml-1' | 'feed';
  items: ExpectedItem[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Untrimmed, so the text on either side of inline markup (`in <br/>four`) stays apart.
  trimValues: false,
  htmlEntities: true,
  processEntities: { enabled: true, maxEntityCount: 0 },
});

const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const kids = (node: unknown, name: string): unknown[] => (isNode(node) ? list(node[name]) : []);
const kid = (node: unknown, name: string): unknown => kids(node, name)[0];
const attr = (node: unknown, name: string): string | undefined => {
  const value = isNode(node) ? node[`@${name}`] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** Text that carries HTML as text (CDATA, escaped markup) without its tags. */
const withoutTags = (text: string) =>
  /<[a-z!/]/i.test(text) ? decode(text.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ')) : text;

/** Every text in an element and below, attributes left out. */
export function allText(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return withoutTags(String(node));
  if (Array.isArray(node)) return node.map(allText).join(' ');
  if (!isNode(node)) return '';
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@'))
    .map(([, value]) => allText(value))
    .join(' ');
}

/** Elements inside content that are metadata, not text a reader is given as the story. */
const notContent = new Set(['head', 'header', 'body.head', 'style', 'script', 'title']);

/** The text of content markup, its metadata elements (XHTML head and header, NITF head) left out. */
export function contentText(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return withoutTags(String(node));
  if (Array.isArray(node)) return node.map(contentText).join(' ');
  if (!isNode(node)) return '';
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@') && !notContent.has(key))
    .map(([, value]) => contentText(value))
    .join(' ');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const textOf = (node: unknown) =>
  node === undefined ? undefined : squash(allText(node)) || undefined;

/** Every element of this name anywhere below, outermost first. */
function descendants(node: unknown, name: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) {
    for (const child of node) descendants(child, name, found);
  } else if (isNode(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      if (key === name) found.push(...list(value));
      else descendants(value, name, found);
    }
  }
  return found;
}

const codeOf = (ref: unknown) =>
  (attr(ref, 'qcode') ?? attr(ref, 'uri'))?.split(/[:/]/).at(-1)?.toLowerCase();

const statuses: Record<string, ExpectedItem['pubStatus']> = {
  usable: 'usable',
  withheld: 'withheld',
  embargoed: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};

function g2Items(root: string, node: Node): ExpectedItem[] {
  const items =
    root === 'newsMessage'
      ? kids(node, 'itemSet').flatMap((set) => [
          ...kids(set, 'newsItem').map((item) => ['newsItem', item] as const),
          ...kids(set, 'packageItem').map((item) => ['packageItem', item] as const),
        ])
      : [[root, node] as const];
  return items.map(([kind, item]) => {
    const meta = kid(item, 'itemMeta');
    const content = kid(item, 'contentMeta');
    const parts = kids(kid(item, 'contentSet'), 'inlineXML').concat(
      kids(kid(item, 'contentSet'), 'inlineData'),
    );
    return {
      guid: attr(item, 'guid'),
      version: attr(item, 'version'),
      headline: textOf(kid(content, 'headline')),
      pubStatus: statuses[codeOf(kid(meta, 'pubStatus')) ?? 'usable'],
      type: kind === 'packageItem' ? 'composite' : codeOf(kid(meta, 'itemClass')),
      // IPTC's G2-to-ninjs mapping: contentMeta's language, else the item's xml:lang.
      language: (
        attr(kid(content, 'language'), 'tag') ??
        attr(item, 'xml:lang') ??
        attr(item, 'lang')
      )?.toLowerCase(),
      contentText: parts.map(contentText).join(' '),
      alternatives: parts.map(contentText),
    };
  });
}

function nitfItem(node: Node): ExpectedItem {
  const head = kid(node, 'head');
  const docdata = kid(head, 'docdata');
  const body = kid(node, 'body');
  const duKey = kid(docdata, 'du-key');
  const status = attr(docdata, 'management-status');
  return {
    guid: attr(kid(docdata, 'doc-id'), 'id-string'),
    headline:
      textOf(kid(kid(kid(body, 'body.head'), 'hedline'), 'hl1')) ?? textOf(kid(head, 'title')),
    version: attr(duKey, 'version'),
    ...(status !== undefined && { pubStatus: statuses[status.toLowerCase()] }),
    type: 'text',
    contentText: kids(body, 'body.content').map(contentText).join(' '),
  };
}

/** NewsML 1.2 components whose text is not body: headlines, captions and the like. */
const notBody = /^(headline|subheadline|caption|contact|stylesheet|abstract|summary)$/i;

function newsMl1Text(component: unknown): string {
  const role = attr(kid(component, 'Role'), 'FormalName') ?? '';
  if (notBody.test(role) && !/caption/i.test(role)) return '';
  const own = kids(component, 'ContentItem')
    .filter((item) => !/css/i.test(attr(kid(item, 'Format'), 'FormalName') ?? ''))
    .map((item) => contentText(kid(item, 'DataContent')));
  return [...own, ...kids(component, 'NewsComponent').map(newsMl1Text)].join(' ');
}

function newsMl1Items(node: Node): ExpectedItem[] {
  return descendants(node, 'NewsItem').map((item) => {
    const identifier = kid(kid(item, 'Identification'), 'NewsIdentifier');
    const management = kid(item, 'NewsManagement');
    const component = kid(item, 'NewsComponent');
    const status = attr(kid(management, 'Status'), 'FormalName');
    return {
      guid: textOf(kid(identifier, 'PublicIdentifier')),
      version: textOf(kid(identifier, 'RevisionId')),
      headline: textOf(descendants(component, 'HeadLine')[0]),
      ...(status !== undefined && { pubStatus: statuses[status.toLowerCase()] }),
      language: attr(descendants(component, 'Language')[0], 'FormalName')?.toLowerCase(),
      contentText: newsMl1Text(component),
    };
  });
}

function feedItems(root: string, node: Node): ExpectedItem[] {
  const entries = root === 'feed' ? kids(node, 'entry') : descendants(node, 'item');
  return entries.map((entry) => ({
    guid: textOf(kid(entry, 'guid')) ?? textOf(kid(entry, 'id')),
    headline: textOf(kid(entry, 'title')),
    // Feed content is HTML, escaped or not: its entities (&#243;) are text too.
    contentText: decode(
      allText(
        kid(entry, 'encoded') ??
          kid(entry, 'content') ??
          kid(entry, 'description') ??
          kid(entry, 'summary'),
      ),
    ),
  }));
}

/** The text of the bytes: UTF-8 when they are valid UTF-8, else the declared charset. */
export function documentText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
    const declared = /encoding=["']([\w-]+)["']/i.exec(head)?.[1] ?? 'windows-1252';
    return new TextDecoder(declared).decode(bytes);
  }
}

export function expectedDocument(bytes: Uint8Array): ExpectedDocument | undefined {
  // A DOCTYPE (NewsML 1.2's DTD, with parameter entities) says nothing about content.
  const text = documentText(bytes).replace(/<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>/i, '');
  const tree = parser.parse(text) as Node;
  for (const [root, node] of Object.entries(tree)) {
    if (root.startsWith('?') || !isNode(node)) continue;
    if (['newsMessage', 'newsItem', 'packageItem'].includes(root))
      return { format: 'newsml-g2', items: g2Items(root, node) };
    if (root === 'nitf') return { format: 'nitf', items: [nitfItem(node)] };
    if (root === 'NewsML') return { format: 'newsml-1', items: newsMl1Items(node) };
    if (['rss', 'feed', 'RDF'].includes(root))
      return { format: 'feed', items: feedItems(root, node) };
  }
  return undefined;
}

/** Words (letters and digits) lowercased, and each CJK character on its own. */
export function tokens(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(
        /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu,
      ) ?? []
  );
}

/** The share of the source's tokens (with their counts) that the kept text holds. */
export function coverage(source: string, kept: string): number {
  const wanted = tokens(source);
  if (wanted.length === 0) return 1;
  const have = new Map<string, number>();
  for (const token of tokens(kept)) have.set(token, (have.get(token) ?? 0) + 1);
  let found = 0;
  for (const token of wanted) {
    const left = have.get(token) ?? 0;
    if (left > 0) {
      found += 1;
      have.set(token, left - 1);
    }
  }
  return found / wanted.length;
}
