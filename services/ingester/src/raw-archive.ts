// An optional archive of every raw document the ingester published, on disk and
// content-addressed (<dir>/<sha256 first 2>/<sha256>.body with its headers beside
// it in .json), so recorded traffic can be replayed later. Written after Kafka
// acknowledged the document; a failure to archive is logged, never fatal.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawDocumentHeaders } from '@wire/schema';

export interface RawArchive {
  store(body: Buffer, headers: RawDocumentHeaders): Promise<string>;
}

export function createRawArchive(dir: string): RawArchive {
  return {
    async store(body, headers) {
      const sha = headers['wire-sha256'];
      const folder = join(dir, sha.slice(0, 2));
      await mkdir(folder, { recursive: true });
      const path = join(folder, `${sha}.body`);
      // The same bytes are stored once; each fetch of them adds its headers.
      await writeFile(path, body, { flag: 'w' });
      await writeFile(
        join(folder, `${sha}.${headers['wire-fetch-id']}.json`),
        `${JSON.stringify(headers, null, 2)}\n`,
      );
      return path;
    },
  };
}
