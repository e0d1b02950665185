import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { ParseError, parseDocument } from '../src/index.js';
import { coverageMinimumTokens, coverageWarningRatio } from '../src/text/text-coverage.js';

const context = { feedId: 'test', fetchedAt: '2026-12-01T00:00:00Z' };
const parse = (xml: string) => parseDocument(Buffer.from(xml), context);

const g2 = (inline: string, contentType: string) => `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="1" standard="NewsML-G2" standardversion="2.29">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="test"/><versionCreated>2026-12-01T00:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><headline>Parade rehearsal</headline></contentMeta>
  <contentSet><inlineXML contenttype="${contentType}">${inline}</inlineXML></contentSet>
</newsItem>`;

const story =
  '<p>North Korea held a military parade rehearsal ahead of the army anniversary, satellite images showed.</p>' +
  '<p>The rehearsal involved thousands of troops and was seen at a training ground near Pyongyang.</p>';

describe('the text coverage of every article', () => {
  it('is whole for a body the parser reads, with no warning', () => {
    const [article] = parse(
      g2(
        `<html xmlns="http://www.w3.org/1999/xhtml"><body>${story}</body></html>`,
        'application/xhtml+xml',
      ),
    ).articles;
    expect(article?.coverage?.ratio).toBe(1);
    expect(article?.warnings.join(' ')).not.toMatch(/content text/);
  });

  it('shows the loss, with a warning, when the content is in a shape the parser does not read', () => {
    const [article] = parse(
      g2(`<story xmlns="urn:unknown:markup">${story}</story>`, 'application/x-unknown+xml'),
    ).articles;
    expect(article?.coverage?.ratio).toBeLessThan(0.3);
    expect(article?.warnings.join(' ')).toMatch(/keeps \d+ % of its content text/);
  });

  it('is measured for RSS items against their description and content', () => {
    const rss = `<rss version="2.0"><channel><title>t</title><item><title>Rehearsal</title>
      <description><![CDATA[${story}]]></description></item></channel></rss>`;
    expect(parse(rss).articles[0]?.coverage?.ratio).toBe(1);
  });

  it('never lets an article keep less than it should without saying so, on every shared document', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(xml|rss|atom|rdf|nitf|newsml|g2)$/i.test(name)) files.push(path);
      }
    };
    walk(sharedDir);
    expect(files.length).toBeGreaterThan(500);
    let measured = 0;
    for (const file of files) {
      let articles: ReturnType<typeof parseDocument>['articles'];
      try {
        articles = parseDocument(readFileSync(file), context).articles;
      } catch (err) {
        if (err instanceof ParseError) continue;
        throw err;
      }
      for (const article of articles) {
        const coverage = article.coverage;
        if (!coverage || coverage.sourceTokens < coverageMinimumTokens) continue;
        measured++;
        if (coverage.ratio < coverageWarningRatio)
          expect(article.warnings.join(' '), file).toMatch(/of its content text/);
      }
    }
    expect(measured).toBeGreaterThan(500);
  });
});
