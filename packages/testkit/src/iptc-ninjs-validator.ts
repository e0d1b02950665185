// Validates documents against IPTC's own ninjs 3.1 JSON Schema (not ours), so the
// tests prove conformance rather than self-consistency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { corpusDir } from './shared-data.js';

// ninjs 3.x refers to GeoJSON by URL; nothing here can fetch it, so the copy that
// IPTC's test suite ships is registered under that $id.
const geoJsonPath = join(corpusDir, 'ninjs/test_suite/GeoJSON-schema.json');

export type NinjsValidator = (document: unknown) => string[];

export function createIptcNinjsValidator(version = '3.1'): NinjsValidator {
  const path = join(corpusDir, 'ninjs/specification', `ninjs-schema_${version}.json`);
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(geoJsonPath, 'utf8')));
  const validate = ajv.compile(schema);
  return (document) => {
    if (validate(document)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}
