// CPU profiles for missed targets, saved under bench/profiles/<run>/, with
// their top frames for the doc.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type Frame, topFramesIn } from './cpu-profile.js';

export interface ProfileSummary {
  what: string;
  file: string;
  frames: Frame[];
}

export function profileParsing(dir: string, format: string, seconds: number): ProfileSummary {
  const out = join(dir, `parse-${format}`);
  const run = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${out}`,
      join(import.meta.dirname, 'profile-parse.js'),
      format,
      String(seconds),
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`profiling ${format} parsing failed`);
  return { what: `parseDocument on the ${format} corpus`, ...topFramesIn(out) };
}

export function formatProfiles(profiles: readonly ProfileSummary[]): string {
  return profiles
    .map((p) => {
      const frames = p.frames
        .map((f) => `  - ${(f.share * 100).toFixed(1)} % \`${f.frame}\``)
        .join('\n');
      return `- ${p.what} (\`${p.file}\`), top frames by self time:\n${frames}`;
    })
    .join('\n');
}
