// Runs conditional-get-loop.js as its own process and reads what it measured.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ReferenceRun {
  requests: number;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
}

export function runReferenceLoop(urlsFile: string, concurrency: number, seconds: number) {
  const script = join(import.meta.dirname, 'conditional-get-loop.js');
  const child = spawn(process.execPath, [script, urlsFile, String(concurrency), String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise<ReferenceRun>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as ReferenceRun) : reject(new Error(`loop ${code}`)),
    ),
  );
}
