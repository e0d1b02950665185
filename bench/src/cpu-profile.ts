// Reads a .cpuprofile written by node --cpu-prof and names the frames that took
// the most time themselves (self time), so the doc can say where time goes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '@wire/testkit';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface Frame {
  frame: string;
  /** Share of all samples, 0..1. */
  share: number;
}

/** Where a frame lives: the package for dependencies, the repo path for our own code. */
function place(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    path,
  );
  if (dependency) return dependency[1] as string;
  if (path.startsWith('/')) return relative(repoRoot, path);
  return path || '(native)';
}

export function topFrames(profile: { nodes: ProfileNode[] }, count: number): Frame[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${place(url)}${url ? `:${lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + hits);
  }
  return [...self.entries()]
    .filter(([frame]) => !frame.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, hits]) => ({ frame, share: total === 0 ? 0 : hits / total }));
}

/** The top frames of the newest .cpuprofile in a folder. */
export function topFramesIn(dir: string, count = 8): { file: string; frames: Frame[] } {
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .at(-1);
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const path = join(dir, file);
  return {
    file: relative(repoRoot, path),
    frames: topFrames(JSON.parse(readFileSync(path, 'utf8')), count),
  };
}
