// IPTC ninjs 3.1 (https://iptc.org/std/ninjs/), the value of every public event.
// Only the properties wire emits are modelled; every one of them matches IPTC's own
// schema (shared/corpus/ninjs/specification/ninjs-schema_3.1.json) and the tests
// validate generated documents against that schema.
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

const textBlock = z
  .object({
    role: z.string().optional(),
    contentType: z.string().optional(),
    value: z.string(),
  })
  .strict();

const bodyBlock = textBlock
  .extend({
    charCount: z.number().int().nonnegative().optional(),
    wordCount: z.number().int().nonnegative().optional(),
  })
  .strict();

const concept = z
  .object({
    name: z.string().optional(),
    rel: z.string().optional(),
    uri: z.url().optional(),
    literal: z.string().optional(),
  })
  .strict();

const rendition = z
  .object({
    name: z.string(),
    href: z.url().optional(),
    contentType: z.string().optional(),
    title: z.string().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
  })
  .strict();

export const newsObjectTypes = [
  'text',
  'audio',
  'video',
  'picture',
  'graphic',
  'composite',
  'component',
  'event',
  'planning',
] as const;

/** GeoJSON (RFC 7946) as wire emits it: a point, longitude first. */
const geoJsonPoint = z
  .object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  })
  .strict();

const place = z
  .object({
    name: z.string().optional(),
    rel: z.string().optional(),
    uri: z.url().optional(),
    literal: z.string().optional(),
    geoJSON: geoJsonPoint.optional(),
  })
  .strict();

const ninjsShape = {
  uri: z.url(),
  type: z.enum(newsObjectTypes).optional(),
  version: z.string().optional(),
  firstCreated: isoDateTime.optional(),
  versionCreated: isoDateTime.optional(),
  embargoedUntil: isoDateTime.optional(),
  pubStatus: z.enum(['usable', 'withheld', 'canceled']).optional(),
  urgency: z.number().int().min(1).max(9).optional(),
  copyrightHolder: z.string().optional(),
  copyrightNotice: z.string().optional(),
  edNote: z.string().optional(),
  language: z.string().optional(),
  headlines: z.array(textBlock).optional(),
  descriptions: z.array(textBlock).optional(),
  bodies: z.array(bodyBlock).optional(),
  by: z.string().optional(),
  slugline: z.string().optional(),
  located: z.string().optional(),
  subjects: z.array(concept).optional(),
  genres: z.array(concept.omit({ rel: true })).optional(),
  altIds: z.array(z.object({ role: z.string().optional(), value: z.string() }).strict()).optional(),
  renditions: z.array(rendition).optional(),
  places: z.array(place).optional(),
};

/** An associated object (for example a picture) is itself a ninjs object. */
const associationSchema = z
  .object({ ...ninjsShape, name: z.string().optional(), rel: z.string().optional() })
  .strict();

export const ninjsSchema = z
  .object({ ...ninjsShape, associations: z.array(associationSchema).optional() })
  .strict()
  .meta({ id: 'ninjs', title: 'IPTC ninjs 3.1 article as emitted by wire' });

export type Ninjs = z.infer<typeof ninjsSchema>;
