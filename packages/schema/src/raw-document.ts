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
  })
  .meta({ id: 'raw-document-headers', title: 'Headers of a wire.raw.v1 record' });

export type RawDocumentHeaders = z.input<typeof rawDocumentHeadersSchema>;
export type RawDocumentMetadata = z.output<typeof rawDocumentHeadersSchema>;
export type IdentityStrategy = RawDocumentMetadata['wire-identity'];
