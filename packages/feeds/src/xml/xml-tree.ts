// The object tree the format decoders read, in the shape fast-xml-parser gave it
// (that shape is the contract): an element with neither attributes nor children is
// its text ('' when empty); otherwise an object of its children by name, then
// `#text`, then its `@_`-prefixed attributes. A name seen twice under one parent
// becomes an array; the repeatable names always are.

export type XmlNode = Record<string, unknown>;

export const attributePrefix = '@_';
export const textKey = '#text';

const attributeKeys = new Map<string, string>();

/**
 * The key an attribute is stored under (`@_name`), built once per name: a key
 * built afresh for each lookup is a new string the object's keys are searched
 * for, three times slower (measured).
 */
export function attributeKey(name: string): string {
  let key = attributeKeys.get(name);
  if (key === undefined) {
    key = attributePrefix + name;
    // The decoders ask for a few dozen names; a document cannot grow the map.
    if (attributeKeys.size < 1_000) attributeKeys.set(name, key);
  }
  return key;
}

// Elements that may repeat; they always come back as arrays.
const repeatable = new Set(['item', 'entry', 'category', 'link', 'enclosure', 'dc:subject']);

export const isRepeatable = (name: string): boolean => repeatable.has(name);

// Element names that mean something to a JavaScript object never become keys as they
// are: __proto__ would set the prototype, and renaming beats refusing the document.
const renamed = new Map<string, string>([
  ['__proto__', 'reserved-__proto__'],
  ['constructor', 'reserved-constructor'],
  ['prototype', 'reserved-prototype'],
  ...[
    'hasOwnProperty',
    'toString',
    'valueOf',
    '__defineGetter__',
    '__defineSetter__',
    '__lookupGetter__',
    '__lookupSetter__',
  ].map((name): [string, string] => [name, `__${name}`]),
]);

/** The key an element name is stored under. */
export const keyFor = (name: string): string => renamed.get(name) ?? name;

/** An element being read. */
export interface Frame {
  /** The key in its parent. */
  key: string;
  /** Attributes, keyed `@_name`, in document order. */
  attributes: XmlNode | undefined;
  /** Child elements by key, in order of first appearance; made with the first one. */
  children: XmlNode | undefined;
  /** Character data so far: text pieces trimmed, CDATA as is, nothing between them. */
  text: string;
}

export const newFrame = (key: string, attributes: XmlNode | undefined): Frame => ({
  key,
  attributes,
  children: undefined,
  text: '',
});

/** A child value under a key of the parent: the second of a name turns it into an array. */
export function addChild(parent: Frame, key: string, value: unknown): void {
  if (parent.children === undefined) parent.children = {};
  const children = parent.children;
  const previous = children[key];
  // An inherited property (isPrototypeOf) is no child: only own keys repeat.
  if (previous === undefined || !Object.hasOwn(children, key)) {
    children[key] = repeatable.has(key) ? [value] : value;
  } else if (Array.isArray(previous)) {
    previous.push(value);
  } else {
    children[key] = [previous, value];
  }
}

/** The value a closed element leaves in its parent. */
export function closedValue(frame: Frame): unknown {
  const { attributes, children, text } = frame;
  if (children === undefined) {
    if (attributes === undefined) return text;
    if (text === '') return attributes;
    return { [textKey]: text, ...attributes };
  }
  if (text !== '') children[textKey] = text;
  if (attributes !== undefined) Object.assign(children, attributes);
  return children;
}
