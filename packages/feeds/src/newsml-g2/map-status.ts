// NewsML-G2 2.35 itemClass, pubStatus, signal, urgency (NewsCodes ninature,
// pubstatusg2, signal) to ninjs type, pubStatus, urgency and the source signal.
import type { SourceSignal } from '@wire/schema';
import type { ArticleBody } from '../parsed-article.js';
import type { G2Concept, G2NewsItem } from './g2-item.js';
import { iptcSchemeUri, type QCodeResolver } from './qcodes.js';

type NinjsType = NonNullable<ArticleBody['type']>;
type PubStatus = NonNullable<ArticleBody['pubStatus']>;

const natures: Record<string, NinjsType> = {
  text: 'text',
  picture: 'picture',
  video: 'video',
  audio: 'audio',
  graphic: 'graphic',
  composite: 'composite',
};

const statuses: Record<string, PubStatus> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
};

function describe(ref: G2Concept): string {
  return ref.qcode ?? ref.uri ?? '(empty)';
}

/** The code of a concept within an IPTC scheme, whether given as QCode or URI. */
function iptcCode(alias: string, ref: G2Concept | undefined, qcodes: QCodeResolver) {
  const scheme = iptcSchemeUri(alias);
  const uri = ref === undefined ? undefined : qcodes.uriOf(ref);
  return scheme !== undefined && uri?.startsWith(scheme) ? uri.slice(scheme.length) : undefined;
}

function lookup<T>(table: Record<string, T>, code: string | undefined): T | undefined {
  return code !== undefined && Object.hasOwn(table, code) ? table[code] : undefined;
}

/**
 * The code of an item class in another scheme than ninat: (Reuters' and others'
 * `icls:text`, or a URI ending in `/picture`), which names the same natures.
 */
function otherSchemeCode(ref: G2Concept | undefined): string | undefined {
  const code = ref?.qcode?.split(':').at(-1) ?? ref?.uri?.replace(/\/+$/, '').split(/[/#]/).at(-1);
  return code?.toLowerCase();
}

/** The ninjs type of an item class; undefined when it is not a news item nature. */
export function natureType(itemClass: G2Concept | undefined, qcodes: QCodeResolver) {
  return (
    lookup(natures, iptcCode('ninat', itemClass, qcodes)) ??
    lookup(natures, otherSchemeCode(itemClass))
  );
}

export function itemType(item: G2NewsItem, qcodes: QCodeResolver, warnings: string[]) {
  if (item.kind === 'packageItem') return 'composite';
  const itemClass = item.itemMeta.itemClass;
  if (itemClass === undefined) {
    warnings.push('item has no itemClass; no type');
    return undefined;
  }
  const type = natureType(itemClass, qcodes);
  if (type === undefined)
    warnings.push(`itemClass ${describe(itemClass)} is not a news nature; no type`);
  return type;
}

export function pubStatusOf(item: G2NewsItem, qcodes: QCodeResolver, warnings: string[]) {
  const ref = item.itemMeta.pubStatus;
  // NewsML-G2: an item without pubStatus is usable.
  if (ref === undefined) return 'usable';
  const status = lookup(statuses, iptcCode('stat', ref, qcodes));
  if (status === undefined)
    warnings.push(`pubStatus ${describe(ref)} is not usable, withheld or canceled`);
  return status;
}

/** A canceled item is a kill; otherwise the strongest itemMeta signal, correction over update. */
export function signalOf(
  item: G2NewsItem,
  pubStatus: PubStatus | undefined,
  qcodes: QCodeResolver,
): SourceSignal {
  if (pubStatus === 'canceled') return 'kill';
  const codes = item.itemMeta.signals.map((signal) => iptcCode('sig', signal, qcodes));
  if (codes.includes('correction')) return 'correction';
  if (codes.includes('update')) return 'update';
  return 'none';
}

export function urgencyOf(value: string | undefined, warnings: string[]): number | undefined {
  if (value === undefined) return undefined;
  if (/^[1-9]$/.test(value)) return Number(value);
  warnings.push(`urgency "${value.slice(0, 16)}" is not 1 to 9; dropped`);
  return undefined;
}
