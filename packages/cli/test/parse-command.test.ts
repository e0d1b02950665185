import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePath } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { runParse } from '../src/index.js';

async function parse(target: string, identity: 'guid' | 'yonhap' = 'yonhap') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runParse({
    target,
    identity,
    agency: 'yna',
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('wire parse', () => {
  it('prints one JSON line per article with its ninjs, source and warnings', async () => {
    const { code, out } = await parse(samplePath('yonhap-en-news-later.xml'));
    expect(code).toBe(0);
    expect(out).toHaveLength(4);
    const lead = JSON.parse(out[0] ?? '');
    expect(lead.article.uri).toBe('urn:wire:yna:AEN202302030004');
    expect(lead.article.version).toMatch(/^[0-9a-f]{16}$/);
    expect(lead.source).toMatchObject({
      format: 'rss2',
      guid: 'AEN20230203000451315',
      wirePrefix: '(LEAD)',
    });
    expect(lead.signal).toBe('update');
    expect(Array.isArray(lead.warnings)).toBe(true);
  });

  it('exits 1 with a one-line reason for a document it cannot read', async () => {
    const file = join(tmpdir(), `wire-parse-${process.pid}.xml`);
    writeFileSync(file, '<rss><channel>');
    const { code, out, err } = await parse(file);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/XML_MALFORMED/);
  });

  it('exits 1 when the file does not exist', async () => {
    const { code, err } = await parse('/nonexistent/feed.xml');
    expect(code).toBe(1);
    expect(err[0]).toMatch(/cannot read/);
  });
});
