// The NewsML-G2 item as decoded (NewsML-G2 2.35 spec, "Any Item" and "News Item"
// and "Package Item" sections): G2-shaped, strings as written, nothing resolved yet.

/** A concept reference: QCode, URI or literal, plus a name picked for the item's language. */
export interface G2Concept {
  qcode?: string;
  uri?: string;
  literal?: string;
  name?: string;
  type?: string;
  role?: string;
  rel?: string;
}

/** A text block with an optional role QCode: headline, description, edNote. */
export interface G2Text {
  value: string;
  role?: string;
}

/** itemMeta/link or a package itemRef: a reference to another resource or item. */
export interface G2Reference {
  residref?: string;
  href?: string;
  rel?: string;
  version?: string;
  contentType?: string;
  title?: string;
  itemClass?: G2Concept;
  /** The role of the package group holding an itemRef. */
  groupRole?: string;
  descriptions: G2Text[];
}

export interface G2ItemMeta {
  itemClass?: G2Concept;
  versionCreated?: string;
  firstCreated?: string;
  /** Present and empty means "embargoed until further notice". */
  embargoed?: string;
  pubStatus?: G2Concept;
  signals: G2Concept[];
  edNotes: G2Text[];
  title?: string;
  links: G2Reference[];
}

export interface G2ContentMeta {
  urgency?: string;
  headlines: G2Text[];
  slugline?: string;
  descriptions: G2Text[];
  creators: G2Concept[];
  contributors: G2Concept[];
  /** contentMeta/by: a natural-language byline. */
  by?: string;
  located?: G2Concept;
  dateline?: string;
  subjects: G2Concept[];
  genres: G2Concept[];
  /** contentMeta/language/@tag, in document order. */
  languages: string[];
  keywords: string[];
}

export interface G2RightsInfo {
  copyrightHolder?: string;
  copyrightNotice?: string;
}

export type G2InlineFormat = 'xhtml' | 'nitf' | 'html' | 'unknown';

/** inlineXML: the markup of its body (XHTML body or NITF body.content), prefixes removed. */
export interface G2InlineXml {
  contentType?: string;
  format: G2InlineFormat;
  markup: string;
  /** True when the markup was rebuilt from the object tree and may have lost its order. */
  lossy: boolean;
}

export interface G2InlineData {
  contentType?: string;
  encoding?: string;
  value: string;
}

export interface G2RemoteContent {
  href?: string;
  residref?: string;
  contentType?: string;
  width?: string;
  height?: string;
  /** The rendition as a QCode or (URI sibling attribute) a URI. */
  rendition?: G2Concept;
}

export interface G2ContentSet {
  inlineXml: G2InlineXml[];
  inlineData: G2InlineData[];
  remoteContent: G2RemoteContent[];
}

export type G2NewsKind = 'newsItem' | 'packageItem';
export type G2OtherKind = 'conceptItem' | 'knowledgeItem' | 'planningItem' | 'catalogItem';

export interface G2NewsItem {
  kind: G2NewsKind;
  /** pubconstraint values of elements left out as not for publication. */
  publicationConstraints: string[];
  guid?: string;
  version?: string;
  standard?: string;
  standardVersion?: string;
  /** xml:lang of the item element. */
  lang?: string;
  /** Schemes of catalogs written inline in the item: alias → scheme URI. */
  catalog: Record<string, string>;
  itemMeta: G2ItemMeta;
  contentMeta: G2ContentMeta;
  rightsInfo: G2RightsInfo;
  contentSet: G2ContentSet;
  /** Package items only: the itemRefs of the groupSet, from the root group down. */
  itemRefs: G2Reference[];
  /** Names that `assert` elements give to QCodes, literals or URIs used in the item. */
  assertedNames: Record<string, string>;
}

/** An item that carries no news content; decoded only far enough to be named. */
export interface G2OtherItem {
  kind: G2OtherKind;
  guid?: string;
  version?: string;
}

export type G2Item = G2NewsItem | G2OtherItem;
