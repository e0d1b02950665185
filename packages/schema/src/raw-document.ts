// wire.raw.v1: one record per fetched document that changed. The value is the
// bytes as fetched; these are its headers (all strings on the wire).
import { z } from 'zod';

/**
 * How a feed's items are told apart, set per feed in the registry: by guid, by
 * link, by content, or by Yonhap's article id in the guid (stable across its
 * re-filings). Defined here once; the registry, the headers and the CLI use it.
 */
export const identityStrategies = ['guid', 'link', 'content', 'yonhap'] as const;
export const identityStrategySchema = z.enum(identityStrategies);

export function isIdentityStrategy(value: string): value is (typeof identityStrategies)[number] {
  return (identityStrategies as readonly string[]).includes(value);
}

/**
 * Whether a feed's items are completed from their article pages (issue 16): never,
 * when an item's body is only a lead (`auto`), or for every item (`always`).
 */
export const fullTextModes = ['never', 'auto', 'always'] as const;
export const fullTextModeSchema = z.enum(fullTextModes);
export type FullTextMode = z.infer<typeof fullTextModeSchema>;

export const rawDocumentHeadersSchema = z
  .object({
    'wire-feed-id': z.string().min(1),
    'wire-agency': z.string().min(1),
    'wire-url': z.string().min(1),
    'wire-fetch-id': z.string().min(1),
    'wire-fetched-at': z.iso.datetime({ offset: true }),
    'wire-http-status': z.string().regex(/^\d{3}$/),
    'wire-content-type': z.string().default(''),
    'wire-etag': z.string().optional(),
    'wire-last-modified': z.string().optional(),
    'wire-sha256': z.string().regex(/^[0-9a-f]{64}$/),
    'wire-format-hint': z.string().optional(),
    'wire-language': z.string().optional(),
    /** The feed's IANA time zone: dates without a zone are its local time. */
    'wire-time-zone': z.string().optional(),
    'wire-identity': identityStrategySchema.default('guid'),
    /** The feed's full-text setting: its leads are marked so until a page completes them. */
    'wire-full-text': fullTextModeSchema.optional(),
    // A page record (an item's article page, the value its HTML as fetched) carries
    // the item it completes, so the normalizer builds the article without state.
    /** The id (guid, else link) of the item the page completes. */
    'wire-item-id': z.string().optional(),
    /** The item's link, the page's address before any redirect. */
    'wire-item-link': z.string().optional(),
    /** The item alone as a one-item feed document: its element as written, the root's namespaces around it. */
    'wire-item-document': z.string().optional(),
    /** A CSS selector whose element is the story on the feed's pages (registry: fullTextSelector). */
    'wire-full-text-selector': z.string().optional(),
  })
  .meta({ id: 'raw-document-headers', title: 'Headers of a wire.raw.v1 record' });

export type RawDocumentHeaders = z.input<typeof rawDocumentHeadersSchema>;
export type RawDocumentMetadata = z.output<typeof rawDocumentHeadersSchema>;
export type IdentityStrategy = RawDocumentMetadata['wire-identity'];
