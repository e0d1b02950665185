// Whether robots.txt lets the ingester fetch an article page (RFC 9309), one
// robots.txt per origin, cached, read by robots-parser. As the RFC says: a robots.txt
// the server does not have (4xx) allows everything; one it cannot serve (5xx, network,
// timeout) disallows everything until it is asked again; one the SSRF guard refuses
// is left to the guard, which refuses the page itself. Feeds are not asked about:
// an agency that publishes a feed means it to be fetched.
import { createRequire } from 'node:module';
import type { AddressRanges } from './address-guard.js';
import type { FetchRequest, FetchResult } from './fetch-document.js';

export interface RobotsRules {
  allows(url: string, allowed: AddressRanges): Promise<boolean>;
}

export interface RobotsSettings {
  fetch(request: FetchRequest): Promise<FetchResult>;
  userAgent: string;
  /** How long a robots.txt that was read stands (RFC 9309: no more than 24 hours). */
  cacheMs?: number;
  /** How long an unreachable robots.txt disallows before it is asked again. */
  unreachableMs?: number;
  now?: () => number;
}

// robots-parser is CommonJS whose types declare an ES default export; require reads it as it is.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  contents: string,
) => { isAllowed(url: string, userAgent?: string): boolean | undefined };

type Verdict = (url: string) => boolean;

const allowAll: Verdict = () => true;
// Feeds that link to many sites (aggregators) could grow the cache without end:
// past this many origins the oldest read is forgotten and read again when needed.
const maxOrigins = 10_000;
const disallowAll: Verdict = () => false;

export function createRobotsRules(settings: RobotsSettings): RobotsRules {
  const cacheMs = settings.cacheMs ?? 24 * 3_600_000;
  const unreachableMs = settings.unreachableMs ?? 5 * 60_000;
  const now = settings.now ?? Date.now;
  const cache = new Map<string, { verdict: Verdict; until: number }>();
  const asking = new Map<string, Promise<Verdict>>();
  // The product token, as robots.txt groups name it: "wire" of "wire/0.1 (...)".
  const agent = settings.userAgent.split(/[/\s]/)[0] ?? settings.userAgent;

  async function ask(origin: string, allowed: AddressRanges): Promise<Verdict> {
    const address = `${origin}/robots.txt`;
    const result = await settings.fetch({ url: address, allowed, accept: 'text/plain' });
    let verdict: Verdict;
    let ttl = cacheMs;
    if (result.kind === 'document') {
      const robot = robotsParser(address, result.body.toString('utf8'));
      verdict = (url) => robot.isAllowed(url, agent) !== false;
    } else if (result.kind === 'failed' && result.status !== undefined && result.status < 500) {
      verdict = allowAll;
    } else if (result.kind === 'failed' && result.code === 'ADDRESS_REFUSED') {
      // Our own guard refused the site: the page is refused by it too, under its own code.
      verdict = allowAll;
      ttl = unreachableMs;
    } else {
      verdict = disallowAll;
      ttl = unreachableMs;
    }
    cache.delete(origin);
    cache.set(origin, { verdict, until: now() + ttl });
    if (cache.size > maxOrigins) cache.delete(cache.keys().next().value as string);
    return verdict;
  }

  return {
    async allows(url, allowed) {
      const { origin } = new URL(url);
      const cached = cache.get(origin);
      if (cached && cached.until > now()) return cached.verdict(url);
      let pending = asking.get(origin);
      if (!pending) {
        pending = ask(origin, allowed).finally(() => asking.delete(origin));
        asking.set(origin, pending);
      }
      return (await pending)(url);
    },
  };
}
