// The feed registry: which feeds to poll and how, from a YAML or JSON file.
import { readFileSync } from 'node:fs';
import { ConfigError } from '@wire/config';
import { fullTextModeSchema, identityStrategySchema } from '@wire/schema';
import ipaddr from 'ipaddr.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const isCidrOrAddress = (value: string) => ipaddr.isValid(value) || ipaddr.isValidCIDR(value);

export const feedSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, . _ -'),
    agency: z.string().regex(/^[a-z0-9-]+$/),
    url: z.url({ protocol: /^https?$/ }),
    format: z.enum(['auto', 'rss', 'atom', 'newsml-g2', 'nitf', 'newsml-1']).default('auto'),
    language: z.string().optional(),
    /** IANA time zone of the agency's dates that carry none (Yonhap: Asia/Seoul). */
    timeZone: z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as Asia/Seoul')
      .optional(),
    intervalSeconds: z.number().int().min(1).default(300),
    identity: identityStrategySchema.default('guid'),
    enabled: z.boolean().default(true),
    /**
     * Request headers, e.g. an agency API key: a literal, or { env: NAME } or
     * { file: PATH } so the secret stays out of the registry. Never logged.
     */
    headers: z
      .record(
        z.string(),
        z.union([
          z.string(),
          z.object({ env: z.string() }).strict(),
          z.object({ file: z.string() }).strict(),
        ]),
      )
      .default({}),
    /**
     * Address ranges (CIDR) this feed may reach besides public addresses: the SSRF
     * guard refuses private, loopback, link-local and cloud metadata addresses otherwise.
     */
    allowAddresses: z
      .array(z.string().refine((cidr) => isCidrOrAddress(cidr), 'an IP address or CIDR range'))
      .default([]),
    /**
     * Complete items from their article pages (docs/full-text.md): never; `auto` when
     * an item's body is only a lead (short, or cut off with an ellipsis); `always`.
     */
    fullText: fullTextModeSchema.default('never'),
    /** A CSS selector whose element is the story on this feed's article pages. */
    fullTextSelector: z.string().min(1).optional(),
    /** Wait this long after an item appears before fetching its page (pages lag their feed). */
    fullTextDelaySeconds: z.number().int().min(0).default(0),
    /**
     * The agency licensed its content to us: its article pages are fetched whatever
     * its robots.txt says (otherwise robots.txt is obeyed).
     */
    licensed: z.boolean().default(false),
  })
  .strict()
  .refine((feed) => feed.fullText === 'never' || feed.identity !== 'content', {
    path: ['fullText'],
    message:
      'a feed identified by content cannot be completed from its pages (the page changes the content)',
  });

export type Feed = z.output<typeof feedSchema>;

const registrySchema = z
  .object({ feeds: z.array(feedSchema) })
  .strict()
  .refine(
    (r) => new Set(r.feeds.map((f) => f.id)).size === r.feeds.length,
    'feed ids must be unique',
  );

/**
 * JSON through JSON.parse, anything else as YAML: the yaml package keeps a full
 * document model, which for a registry of 10,000 feeds cost 200 MB and a second.
 */
function parseRegistryText(text: string): unknown {
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // A YAML flow mapping, not JSON after all.
    }
  }
  return parseYaml(text);
}

export function parseFeedRegistry(text: string, source = 'feed registry'): Feed[] {
  const result = registrySchema.safeParse(parseRegistryText(text));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return result.data.feeds.filter((feed) => feed.enabled);
}

export function loadFeedRegistry(path: string): Feed[] {
  return parseFeedRegistry(readFileSync(path, 'utf8'), path);
}

/** The feed's request headers with secrets read from the environment or files. */
export function resolveFeedHeaders(
  feed: Feed,
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Record<string, string> {
  const headers: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, source] of Object.entries(feed.headers)) {
    if (typeof source === 'string') headers[name] = source;
    else if ('env' in source) {
      const value = env[source.env];
      if (value === undefined)
        problems.push(`feed ${feed.id}: header ${name}: ${source.env} is not set`);
      else headers[name] = value;
    } else {
      try {
        headers[name] = readFile(source.file).trim();
      } catch (err) {
        problems.push(
          `feed ${feed.id}: header ${name}: cannot read ${source.file} (${(err as NodeJS.ErrnoException).code ?? err})`,
        );
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return headers;
}
