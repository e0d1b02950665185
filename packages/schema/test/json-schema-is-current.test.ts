import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from '../src/index.js';

const generatedDir = join(import.meta.dirname, '../generated');

describe('generated JSON Schema', () => {
  const rendered = renderJsonSchemas();

  it.each(Object.keys(rendered))(
    '%s matches the zod schema (run `pnpm schema:generate`)',
    (file) => {
      expect(readFileSync(join(generatedDir, file), 'utf8')).toBe(rendered[file]);
    },
  );

  it('has no file without a schema behind it', () => {
    expect(readdirSync(generatedDir).sort()).toEqual(Object.keys(rendered).sort());
  });
});
