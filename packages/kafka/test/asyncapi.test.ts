// docs/asyncapi.yaml must name every topic the pipeline uses, and point only at
// schema files that exist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allTopics, topicCatalogue } from '../src/index.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '../../../docs');
const asyncapi = readFileSync(join(docs, 'asyncapi.yaml'), 'utf8');

describe('docs/asyncapi.yaml', () => {
  it.each(allTopics(topicCatalogue()).map((t) => t.name))('describes %s', (name) => {
    expect(asyncapi).toContain(`address: ${name}\n`);
  });

  it('refers only to generated schema files that exist', () => {
    const refs = [...asyncapi.matchAll(/\$ref: ['"](\.\.\/[^'"]+)['"]/g)].map(
      (m) => m[1] as string,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(existsSync(join(docs, ref)), ref).toBe(true);
  });
});
