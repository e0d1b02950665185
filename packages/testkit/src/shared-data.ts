// Paths into ../shared (the team's public test data), which CI lays beside the repo.
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../../../..');
export const sharedDir = process.env.WIRE_SHARED_DIR ?? join(repoRoot, '../shared');
export const samplesDir = join(sharedDir, 'samples');
export const corpusDir = join(sharedDir, 'corpus');

export function samplePath(file: string): string {
  return join(samplesDir, file);
}
