// NewsML 1.2 (IPTC, NewsML_1.2.dtd): the NewsML tree to typed NewsItems. Identification/
// NewsIdentifier, NewsManagement and the NewsEnvelope here; NewsComponents in
// decode-component.ts. Update elements (partial revisions) are noted, not applied.
import { attributeOf, childAt, childOf, childrenOf, textIn } from '../nitf/tree.js';
import type { XmlNode } from '../xml/parse-xml.js';
import { decodeComponent, type NewsMl1Component, RawContentItems } from './decode-component.js';

export interface NewsMl1Item {
  language?: string;
  providerId?: string;
  dateId?: string;
  newsItemId?: string;
  revisionId?: string;
  /** RevisionId@Update: N (whole item), A (additions), U (replacements). */
  revisionUpdate?: string;
  previousRevision?: string;
  publicIdentifier?: string;
  nameLabel?: string;
  itemType?: string;
  firstCreated?: string;
  thisRevisionCreated?: string;
  status?: string;
  /** StatusWillChange: the status to come and when (an embargo lifts). */
  futureStatus?: string;
  statusChangesAt?: string;
  urgency?: string;
  instructions: string[];
  editorialNotes: string[];
  hasUpdates: boolean;
  component?: NewsMl1Component;
}

export interface NewsMl1Document {
  language?: string;
  sentAt?: string;
  priority?: string;
  items: NewsMl1Item[];
  warnings: string[];
}

const formalName = (node: XmlNode | undefined) => attributeOf(node, 'FormalName');

function decodeItem(node: XmlNode, raws: RawContentItems): NewsMl1Item {
  const identifier = childAt(node, 'Identification', 'NewsIdentifier');
  const management = childOf(node, 'NewsManagement');
  const revision = childOf(identifier, 'RevisionId');
  const willChange = childOf(management, 'StatusWillChange');
  const component = childOf(node, 'NewsComponent');
  const updates = childrenOf(node, 'Update');
  const item: NewsMl1Item = {
    instructions: childrenOf(management, 'Instruction').flatMap((i) => formalName(i) ?? []),
    editorialNotes: childrenOf(management, 'EditorialNote').flatMap((note) => textIn(note) ?? []),
    hasUpdates: updates.length > 0,
  };
  const fields: Partial<Record<keyof NewsMl1Item, string | undefined>> = {
    language: attributeOf(node, 'xml:lang'),
    providerId: textIn(childOf(identifier, 'ProviderId')),
    dateId: textIn(childOf(identifier, 'DateId')),
    newsItemId: textIn(childOf(identifier, 'NewsItemId')),
    revisionId: textIn(revision),
    revisionUpdate: attributeOf(revision, 'Update'),
    previousRevision: attributeOf(revision, 'PreviousRevision'),
    publicIdentifier: textIn(childOf(identifier, 'PublicIdentifier')),
    nameLabel: textIn(childAt(node, 'Identification', 'NameLabel')),
    itemType: formalName(childOf(management, 'NewsItemType')),
    firstCreated: textIn(childOf(management, 'FirstCreated')),
    thisRevisionCreated: textIn(childOf(management, 'ThisRevisionCreated')),
    status: formalName(childOf(management, 'Status')),
    futureStatus: formalName(childOf(willChange, 'FutureStatus')),
    statusChangesAt: textIn(childOf(willChange, 'DateAndTime')),
    urgency: formalName(childOf(management, 'Urgency')),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (item as unknown as Record<string, string>)[key] = value;
  }
  if (component) item.component = decodeComponent(component, raws);
  for (const update of updates) raws.skip(update);
  return item;
}

export function decodeNewsMl1(newsml: XmlNode, xmlText: string): NewsMl1Document {
  const raws = new RawContentItems(xmlText);
  const envelope = childOf(newsml, 'NewsEnvelope');
  const doc: NewsMl1Document = {
    items: childrenOf(newsml, 'NewsItem').map((item) => decodeItem(item, raws)),
    warnings: [],
  };
  const language = attributeOf(newsml, 'xml:lang');
  const sentAt = textIn(childOf(envelope, 'DateAndTime'));
  const priority = formalName(childOf(envelope, 'Priority'));
  if (language) doc.language = language;
  if (sentAt) doc.sentAt = sentAt;
  if (priority) doc.priority = priority;
  if (raws.mismatches > 0) {
    doc.warnings.push(
      `${raws.mismatches} ContentItem(s) out of document order; their DataContent was not read`,
    );
  }
  return doc;
}
