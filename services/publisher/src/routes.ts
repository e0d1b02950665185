// Routing of article events beyond the firehose, from a YAML or JSON file:
//
//   routes:
//     - topic: news.agency.{agency}.v1         # one topic per agency
//     - topic: news.lang.{language}.v1
//     - topic: news.politics.v1
//       when: { subject: http://cv.iptc.org/newscodes/mediatopic/11000000 }
//     - topic: news.urgent.v1
//       when: { urgencyAtMost: 2, verdict: [created, updated] }
//
// Placeholders take the event's agency or language (lowercased, reduced to
// [a-z0-9-]); every condition of a route must hold.
import { readFileSync } from 'node:fs';
import { ConfigError } from '@wire/config';
import { type NormalizedArticle, verdictSchema } from '@wire/schema';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const routeSchema = z
  .object({
    topic: z
      .string()
      .regex(/^[A-Za-z0-9._{}-]+$/, 'letters, digits, . _ - and {agency} or {language}'),
    when: z
      .object({
        agency: z.string().optional(),
        /** A BCP 47 prefix: "ko" matches "ko" and "ko-KR". */
        language: z.string().optional(),
        /** Matches a subject's uri or name. */
        subject: z.string().optional(),
        urgencyAtMost: z.number().int().min(1).max(9).optional(),
        verdict: z.array(verdictSchema).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type Route = z.output<typeof routeSchema>;

const routesFileSchema = z.object({ routes: z.array(routeSchema) }).strict();

export function parseRoutes(text: string, source = 'routes'): Route[] {
  const result = routesFileSchema.safeParse(parseYaml(text));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return result.data.routes;
}

export function loadRoutes(path: string | undefined): Route[] {
  return path ? parseRoutes(readFileSync(path, 'utf8'), path) : [];
}

const slug = (value: string | undefined) =>
  (value ?? 'unknown')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'unknown';

function matches(route: Route, event: NormalizedArticle): boolean {
  const { when } = route;
  const { article } = event;
  if (when.agency !== undefined && when.agency !== event.agency) return false;
  if (when.language !== undefined) {
    const language = article.language?.toLowerCase() ?? '';
    const wanted = when.language.toLowerCase();
    if (language !== wanted && !language.startsWith(`${wanted}-`)) return false;
  }
  if (
    when.subject !== undefined &&
    !article.subjects?.some((s) => s.uri === when.subject || s.name === when.subject)
  ) {
    return false;
  }
  if (
    when.urgencyAtMost !== undefined &&
    (article.urgency === undefined || article.urgency > when.urgencyAtMost)
  ) {
    return false;
  }
  if (when.verdict !== undefined && !when.verdict.includes(event.verdict)) return false;
  return true;
}

/** The routed topics (without prefix) an event goes to, each once. */
export function routedTopics(event: NormalizedArticle, routes: Route[]): string[] {
  const topics = routes
    .filter((route) => matches(route, event))
    .map((route) =>
      route.topic
        .replaceAll('{agency}', slug(event.agency))
        .replaceAll('{language}', slug(event.article.language)),
    );
  return [...new Set(topics)];
}
