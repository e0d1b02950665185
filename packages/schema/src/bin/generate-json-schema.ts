// Writes the contract's JSON Schema files into packages/schema/generated.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderJsonSchemas } from '../contract-schemas.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../../generated');
mkdirSync(outDir, { recursive: true });
for (const [file, content] of Object.entries(renderJsonSchemas())) {
  writeFileSync(join(outDir, file), content);
  console.log(`wrote ${join(outDir, file)}`);
}
