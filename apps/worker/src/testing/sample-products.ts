import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipFile } from '@patentrack/ingestion';
import type { TestFileServer } from '@patentrack/ingestion/testing';
import { REPOSITORY_ROOT } from '../seed/demo';

/** A sample of data/samples published under `name`, the name its ODP product gives it (ingestion.md §2.2). */
export interface ProductFile {
  name: string;
  sample: string;
}

/**
 * Makes `server` answer as the ODP bulk-data API for these products, so a worker whose `USPTO_ODP_BASE_URL` is
 * the server polls them without the network: each sample zipped under its published name at `/files/{name}`,
 * and each product's listing, in the given order, plus a file no source pattern takes.
 */
export async function serveSampleProducts(
  server: TestFileServer,
  products: Record<string, ProductFile[]>,
  scratchDir: string,
): Promise<void> {
  for (const [product, files] of Object.entries(products)) {
    const listed = [];
    for (const file of files) {
      const zipPath = path.join(scratchDir, file.name);
      // The entry is named as USPTO names it inside the zip: the zip's name, without a week suffix, with the
      // sample's extension (.xml, or .txt for the fixed-width maintenance file).
      await zipFile(
        path.join(REPOSITORY_ROOT, 'data/samples', file.sample),
        zipPath,
        file.name.replace(/(_wk\d+)?\.zip$/, path.extname(file.sample).toLowerCase()),
      );
      const body = await readFile(zipPath);
      server.route(`/files/${file.name}`, { kind: 'ok', body });
      listed.push({
        fileName: file.name,
        fileSize: body.length,
        fileDownloadURI: server.url(`/files/${file.name}`),
        fileReleaseDate: '2022-10-25 00:00:00',
      });
    }
    listed.push({ fileName: 'readme.txt', fileSize: 10, fileDownloadURI: server.url('/files/readme.txt') });
    server.routeProductListing(product, listed);
  }
}
