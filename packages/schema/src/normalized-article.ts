// wire.normalized.v1: one record per article revision, keyed by the story uri.
// The publisher turns it into the public event without consulting anything else.
import { z } from 'zod';
import { ninjsSchema } from './ninjs.js';
import { sourceSignalSchema, verdictSchema } from './signals.js';

export const normalizedArticleSchema = z
  .object({
    /** Deterministic: hash(uri, revision). Every retry and replay carries the same id. */
    eventId: z.string().regex(/^[0-9a-f]{32}$/),
    verdict: verdictSchema,
    /** No higher revision of the story was seen before this one: it may replace the latest state. */
    isLatest: z.boolean(),
    /** The version of the story's latest revision when this one was placed. */
    latestVersion: z.string().optional(),
    uri: z.url(),
    revision: z.string().min(1),
    agency: z.string().min(1),
    feedId: z.string().min(1),
    fetchId: z.string().min(1),
    fetchedAt: z.iso.datetime({ offset: true }),
    signal: sourceSignalSchema,
    source: z
      .object({
        format: z.string(),
        guid: z.string().optional(),
        link: z.string().optional(),
        version: z.string().optional(),
        wirePrefix: z.string().optional(),
        attn: z.string().optional(),
        publicationConstraints: z.array(z.string()).optional(),
      })
      .strict(),
    /** Set when the text is close to a story seen before (see docs/architecture.md). */
    nearDuplicate: z
      .object({
        of: z.url(),
        distance: z.number().int().min(0).max(64),
        relation: z.enum(['same-story', 'related']),
      })
      .strict()
      .optional(),
    /**
     * Set when the item is a later filing of a developing story the agency sent under
     * another id (flash → lead): the filing it continues, and how much of their
     * headlines the two share.
     */
    refiling: z
      .object({ of: z.url(), overlap: z.number().min(0).max(1) })
      .strict()
      .optional(),
    /**
     * For a feed whose items are completed from their pages: `lead` when the body is
     * only the item's lead (the page not fetched yet, or it failed), `page` when the
     * body is the story read from the article page.
     */
    fullText: z.enum(['lead', 'page']).optional(),
    warnings: z.array(z.string()),
    article: ninjsSchema,
  })
  .strict()
  .meta({ id: 'normalized-article', title: 'Value of a wire.normalized.v1 record' });

export type NormalizedArticle = z.infer<typeof normalizedArticleSchema>;
