import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/cleaning/clean-article.js';
import type { ParsedArticle } from '../../src/parsed-article.js';

const parsed = (language: string): ParsedArticle => ({
  article: { language, headlines: [{ role: 'main', value: 'A headline' }] },
  source: { format: 'rss2' },
  signal: 'none',
  warnings: [],
});

describe('cleanArticle on language tags', () => {
  it.each([
    ['EN', 'en'],
    ['en-us', 'en-US'],
    ['PT_br', 'pt-BR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    [' fr ', 'fr'],
  ])('puts %j in BCP 47 case: %j', (tag, canonical) => {
    const cleaned = cleanArticle(parsed(tag));
    expect(cleaned.article.language).toBe(canonical);
    expect(cleaned.warnings).toEqual([]);
  });

  it('keeps a tag that is not BCP 47 as sent, with a warning', () => {
    const cleaned = cleanArticle(parsed('english (UK)'));
    expect(cleaned.article.language).toBe('english (UK)');
    expect(cleaned.warnings).toEqual(['language "english (UK)" is not a BCP 47 tag; kept as sent']);
  });
});
