// The public event: value = ninjs, headers = the CloudEvents Kafka protocol
// binding in binary mode (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md)
// plus wire's extension attributes.
import { z } from 'zod';
import type { NormalizedArticle } from './normalized-article.js';

export const articleEventTypes = {
  created: 'dev.wire.article.created.v1',
  updated: 'dev.wire.article.updated.v1',
  corrected: 'dev.wire.article.corrected.v1',
  withdrawn: 'dev.wire.article.withdrawn.v1',
  /** A revision older than the story's latest, or after its kill: not news. */
  superseded: 'dev.wire.article.superseded.v1',
} as const;

export const articleEventHeadersSchema = z
  .object({
    ce_specversion: z.literal('1.0'),
    ce_id: z.string().min(1),
    ce_type: z.enum(Object.values(articleEventTypes) as [string, ...string[]]),
    ce_source: z.string().min(1),
    ce_subject: z.string().min(1),
    ce_time: z.iso.datetime({ offset: true }),
    'content-type': z.literal('application/json'),
    ce_dataschema: z.string().optional(),
    ce_agency: z.string(),
    ce_language: z.string().optional(),
    ce_signal: z.string(),
    ce_revision: z.string(),
    /** Whether this event is now the story's latest revision: `true` or `false`. */
    ce_islatest: z.enum(['true', 'false']),
    /** The version of the story's latest revision (this one's when it is the latest). */
    ce_latestversion: z.string().optional(),
    ce_feedid: z.string(),
    /** The wire prefix the source put on the headline, e.g. "(LEAD)", "(속보)". */
    ce_wireprefix: z.string().optional(),
    /** The story this event belongs to (its key); a re-filing under a new id joins the first. */
    ce_storyfamily: z.string(),
    /** Another agency's story with nearly the same text. */
    ce_relatedto: z.string().optional(),
    /** On a later filing (brief, lead) of a story under a new id: the earlier filing it continues. */
    ce_refileof: z.string().optional(),
    /**
     * The agency's publication constraints (G2 pubconstraint), space-separated: the
     * parts they marked are left out of the article.
     */
    ce_pubconstraint: z.string().optional(),
    /**
     * On a feed completed from article pages: `lead` when the body is only the
     * item's lead (partial), `page` when it is the whole story from the page.
     */
    ce_fulltext: z.enum(['lead', 'page']).optional(),
  })
  .meta({ id: 'article-event-headers', title: 'Headers of a public article event' });

export type ArticleEventHeaders = z.infer<typeof articleEventHeadersSchema>;

export const ninjsSchemaUri = 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';

export function articleEventHeaders(normalized: NormalizedArticle): ArticleEventHeaders {
  const headers: ArticleEventHeaders = {
    ce_specversion: '1.0',
    ce_id: normalized.eventId,
    ce_type: articleEventTypes[normalized.verdict],
    ce_source: `/wire/agencies/${normalized.agency}`,
    ce_subject: normalized.uri,
    ce_time: normalized.article.versionCreated ?? normalized.fetchedAt,
    'content-type': 'application/json',
    ce_dataschema: ninjsSchemaUri,
    ce_agency: normalized.agency,
    ce_signal: normalized.signal,
    ce_revision: normalized.revision,
    ce_islatest: normalized.isLatest && normalized.verdict !== 'superseded' ? 'true' : 'false',
    ce_feedid: normalized.feedId,
    ce_storyfamily: normalized.uri,
  };
  if (normalized.article.language) headers.ce_language = normalized.article.language;
  if (normalized.latestVersion) headers.ce_latestversion = normalized.latestVersion;
  if (normalized.source.wirePrefix) headers.ce_wireprefix = normalized.source.wirePrefix;
  if (normalized.source.publicationConstraints?.length)
    headers.ce_pubconstraint = normalized.source.publicationConstraints.join(' ');
  if (normalized.nearDuplicate?.relation === 'related')
    headers.ce_relatedto = normalized.nearDuplicate.of;
  if (normalized.refiling) headers.ce_refileof = normalized.refiling.of;
  if (normalized.fullText) headers.ce_fulltext = normalized.fullText;
  return headers;
}
