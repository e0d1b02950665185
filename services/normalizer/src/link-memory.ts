// Which story a feed's link named before. A feed whose guids are unstable (a new
// guid for the same article on every poll) would otherwise turn each poll into a
// new story; the link it keeps gives the story's first uri back.
import { type Redis, redisKeys } from '@wire/redis';

// A slug before a numeric article id ("/eng/oil-rises-on-...-markets-wrap/91912277",
// "/news/oil-rises-12345678.html"): the CMS rewrites the slug with each new headline,
// the id names the article.
const slugThenId = /\/[^/]*[a-z][^/]*-[^/]*\/(\d{6,})(?=\/|$)/i;
const slugDashId = /\/[^/]*[a-z][^/]*-(\d{6,})(\.[a-z]{3,5})?$/i;

/** The part of a link that names its article, whatever headline its slug spells. */
export function articleKeyOfLink(link: string): string {
  if (!URL.canParse(link)) return link;
  const url = new URL(link);
  url.pathname = url.pathname.replace(slugThenId, '/$1').replace(slugDashId, '/$1$2');
  return url.toString();
}

/** Links by their article key (articleKeyOfLink), which the caller reads once per item. */
export interface LinkMemory {
  uriFor(feedId: string, linkKey: string): Promise<string | undefined>;
  /** Remembers the first uri a link named; later ones do not replace it. */
  remember(feedId: string, linkKey: string, uri: string): Promise<void>;
}

export function createRedisLinkMemory(
  redis: Redis,
  prefix: string,
  ttlSeconds: number,
): LinkMemory {
  // A key per link, each with its own TTL: a hash per feed would be renewed by
  // every new link and never let go of the old ones.
  const keys = redisKeys(prefix);
  return {
    async uriFor(feedId, linkKey) {
      return (await redis.get(keys.link(feedId, linkKey))) ?? undefined;
    },
    async remember(feedId, linkKey, uri) {
      await redis.set(keys.link(feedId, linkKey), uri, 'EX', Math.ceil(ttlSeconds), 'NX');
    },
  };
}

export function createMemoryLinkMemory(): LinkMemory {
  const links = new Map<string, string>();
  return {
    async uriFor(feedId, linkKey) {
      return links.get(`${feedId}\n${linkKey}`);
    },
    async remember(feedId, linkKey, uri) {
      const key = `${feedId}\n${linkKey}`;
      if (!links.has(key)) links.set(key, uri);
    },
  };
}
