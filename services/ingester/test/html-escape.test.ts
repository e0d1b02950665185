import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/html-escape.js';
import { displayUrl } from '../src/status-report.js';

describe('HTML escaping', () => {
  it('escapes every character that could open a tag, an entity or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('leaves plain text and numbers as they are', () => {
    expect(escapeHtml('yna-en-news · 연합뉴스')).toBe('yna-en-news · 연합뉴스');
    expect(escapeHtml(42)).toBe('42');
  });

  it('escapes an already escaped value again rather than trusting it', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('a feed URL on the page', () => {
  it('drops the query, fragment and credentials, where tokens live', () => {
    expect(displayUrl('https://user:secret@feeds.example.com/rss/all.xml?apikey=abc#top')).toBe(
      'https://feeds.example.com/rss/all.xml',
    );
    expect(displayUrl('http://127.0.0.1:8080/feed.xml?token=t')).toBe(
      'http://127.0.0.1:8080/feed.xml',
    );
  });

  it('shows no part of a value that is not a URL', () => {
    expect(displayUrl('not a url ?token=t')).toBe('(not a valid URL)');
  });
});
