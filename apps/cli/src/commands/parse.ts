// `wire parse FILE|URL`: one document through the normalizer's own stage logic,
// with fresh in-memory state, so it prints exactly what the pipeline would publish
// for each item of a document it has not seen before. One JSON line per article:
// {"article": <ninjs>, "source": {...}, "signal", "verdict", "warnings": [...]}.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createMemoryNormalizerState, normalizeDocument } from '@wire/normalizer';
import type { DeadLetterReason, IdentityStrategy, NormalizedArticle } from '@wire/schema';
import { fetchHeaders } from '../replay/replay-sources.js';

export interface ParseSettings {
  target: string;
  contentType?: string | undefined;
  identity: IdentityStrategy;
  agency: string;
  language?: string | undefined;
  /** IANA time zone of dates without one. */
  timeZone?: string | undefined;
  /** The fetch time the document is read at (default now). */
  at?: Date | undefined;
  print: (line: string) => void;
  printError: (line: string) => void;
}

interface Loaded {
  bytes: Uint8Array;
  url: string;
  contentType?: string | undefined;
}

async function load(target: string, contentType: string | undefined): Promise<Loaded> {
  if (/^https?:\/\//i.test(target)) {
    const response = await fetch(target, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${target}`);
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      url: target,
      contentType: contentType ?? response.headers.get('content-type') ?? undefined,
    };
  }
  return { bytes: await readFile(target), url: `file://${resolve(target)}`, contentType };
}

export async function runParse(settings: ParseSettings): Promise<number> {
  let loaded: Loaded;
  try {
    loaded = await load(settings.target, settings.contentType);
  } catch (err) {
    settings.printError(`wire parse: cannot read ${settings.target}: ${(err as Error).message}`);
    return 1;
  }
  const published: NormalizedArticle[] = [];
  const deadLetters: DeadLetterReason[] = [];
  const { summary } = await normalizeDocument(
    {
      value: Buffer.from(loaded.bytes),
      headers: fetchHeaders(loaded.bytes, loaded.url, {
        feedId: 'cli',
        agency: settings.agency,
        identity: settings.identity,
        language: settings.language,
        timeZone: settings.timeZone,
        contentType: loaded.contentType,
        fetchedAt: settings.at ?? new Date(),
      }),
      deliveryId: 'wire-parse',
    },
    {
      ...createMemoryNormalizerState(),
      publishNormalized: async (article) => {
        published.push(article);
      },
      deadLetter: async (reason) => {
        deadLetters.push(reason);
      },
      sleep: async () => undefined,
    },
  );
  for (const warning of summary.warnings) settings.printError(`wire parse: warning: ${warning}`);
  for (const { article, source, signal, verdict, warnings } of published) {
    settings.print(JSON.stringify({ article, source, signal, verdict, warnings }));
  }
  for (const reason of deadLetters) {
    const item = reason.item === undefined ? '' : ` item ${reason.item}`;
    settings.printError(`wire parse: ${settings.target}${item}: ${reason.code}: ${reason.detail}`);
  }
  return deadLetters.length > 0 ? 1 : 0;
}
