// `wire parse FILE|URL`: the parser on one document, as the normalizer runs it.
// One JSON line per article: {"article": <ninjs>, "source": {...}, "signal", "warnings": [...]}.
import { readFile } from 'node:fs/promises';
import { ParseError, parseDocument } from '@wire/feeds';
import { revisionOf, storyIdentity } from '@wire/normalizer';
import type { IdentityStrategy } from '@wire/schema';

export interface ParseSettings {
  target: string;
  contentType?: string | undefined;
  identity: IdentityStrategy;
  agency: string;
  print: (line: string) => void;
  printError: (line: string) => void;
}

async function load(
  target: string,
  contentType: string | undefined,
): Promise<{ bytes: Uint8Array; contentType?: string | undefined }> {
  if (/^https?:\/\//i.test(target)) {
    const response = await fetch(target, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${target}`);
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType: contentType ?? response.headers.get('content-type') ?? undefined,
    };
  }
  return { bytes: await readFile(target), contentType };
}

export async function runParse(settings: ParseSettings): Promise<number> {
  let loaded: Awaited<ReturnType<typeof load>>;
  try {
    loaded = await load(settings.target, settings.contentType);
  } catch (err) {
    settings.printError(`wire parse: cannot read ${settings.target}: ${(err as Error).message}`);
    return 1;
  }
  try {
    const result = parseDocument(loaded.bytes, {
      feedId: 'cli',
      fetchedAt: new Date().toISOString(),
      contentType: loaded.contentType,
    });
    for (const warning of result.warnings) settings.printError(`wire parse: warning: ${warning}`);
    for (const parsed of result.articles) {
      const { uri } = storyIdentity(parsed, settings.identity, settings.agency);
      const article = { uri, version: revisionOf(parsed), ...parsed.article };
      settings.print(
        JSON.stringify({
          article,
          source: parsed.source,
          signal: parsed.signal,
          warnings: parsed.warnings,
        }),
      );
    }
    return 0;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    settings.printError(`wire parse: ${settings.target}: ${err.code}: ${err.message}`);
    return 1;
  }
}
