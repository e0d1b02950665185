// Who a story is and which revision of it an article is. The uri is stable across
// revisions; the revision changes whenever the canonical content does; the event
// id is derived from both, so every retry and replay carries the same id.
import { hash } from 'node:crypto';
import { canonicalLink, type ParsedArticle } from '@wire/feeds';
import type { IdentityStrategy } from '@wire/schema';

// One-shot: no Hash object per call, and three calls an article.
const sha256 = (text: string) => hash('sha256', text, 'hex');

// Yonhap ids: desk prefix (AEN, AKR...) + date + serial (15 characters name the
// story), then 2 revision digits and a 3-digit desk code.
const yonhapArticleId = /^(A[A-Z]{2}\d{12})\d{2}\d{3}$/;

function contentKey(parsed: ParsedArticle): string {
  const headline = parsed.article.headlines?.[0]?.value ?? '';
  const text = parsed.article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
  return sha256(`${headline}\n${text}`).slice(0, 32);
}

export interface StoryIdentity {
  uri: string;
  /** The strategy that produced the uri, after any fallback. */
  strategy: IdentityStrategy;
}

/** The stable uri of a story, falling back guid → link → content when a key is missing. */
export function storyIdentity(
  parsed: ParsedArticle,
  strategy: IdentityStrategy,
  agency: string,
): StoryIdentity {
  const { guid, link } = parsed.source;
  const urn = (id: string) => `urn:wire:${agency}:${id}`;
  if (strategy === 'yonhap' && guid) {
    const story = yonhapArticleId.exec(guid)?.[1];
    if (story) return { uri: urn(story), strategy };
  }
  if ((strategy === 'guid' || strategy === 'yonhap') && guid) {
    // A guid that is already a global name (NewsML's urn:newsml:..., tag: URIs) is the uri.
    if (/^(?:urn|tag):[^\s]+$/i.test(guid)) return { uri: guid, strategy: 'guid' };
    return { uri: urn(encodeURIComponent(guid)), strategy: 'guid' };
  }
  if (strategy !== 'content' && link) {
    return { uri: urn(`link:${sha256(canonicalLink(link)).slice(0, 32)}`), strategy: 'link' };
  }
  return { uri: urn(`content:${contentKey(parsed)}`), strategy: 'content' };
}

/** A hash of what a reader sees; the feed's section, link or fetch time do not count. */
export function revisionOf(parsed: ParsedArticle): string {
  // Categories are left out: section feeds file one story under different ones.
  const { headlines, bodies, descriptions, pubStatus, edNote, by, embargoedUntil } = parsed.article;
  const text = bodies?.filter((b) => b.contentType === 'text/plain').map((b) => b.value);
  const canonical = JSON.stringify({
    headlines,
    text,
    descriptions,
    pubStatus,
    edNote,
    by,
    embargoedUntil,
  });
  return sha256(canonical).slice(0, 16);
}

export function eventIdOf(uri: string, revision: string): string {
  return sha256(`${uri}\n${revision}`).slice(0, 32);
}
