import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { extract as tarExtract } from 'tar-stream';
import yauzl from 'yauzl';
import { IngestionError } from './errors';

/** Size guards of the reader (ingestion.md §2.1 `INGEST_MAX_UNCOMPRESSED_BYTES`, zip-bomb ratio). */
export interface SourceReaderLimits {
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

export const DEFAULT_READER_LIMITS: SourceReaderLimits = {
  maxUncompressedBytes: 100e9,
  maxCompressionRatio: 200,
};

/** One data entry of a downloaded file, streamed and never held in memory. */
export interface SourceEntry {
  /** Zip entry name, or the file name of a plain file. */
  name: string;
  /** Uncompressed size when known up front (progress); the stream enforces the limits anyway. */
  size: number;
  stream: Readable;
}

/** Marks the `data` error of an archive without the wanted entry, which optional lookups tolerate. */
const NO_MATCHING_ENTRY = { noMatchingEntry: true };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// POSIX/GNU tar headers carry `ustar` at byte 257.
const TAR_MAGIC = Buffer.from('ustar');
const TAR_MAGIC_OFFSET = 257;

/**
 * Opens a plain file, a ZIP (random access through the central directory, lazy entries) or a TAR (streamed
 * sequentially) and returns its first entry whose name matches `entryPattern`. A truncated or corrupt archive
 * is a `data` error.
 */
export async function openSourceEntry(
  path: string,
  entryPattern: RegExp = /\.(xml|txt)$/i,
  limits: SourceReaderLimits = DEFAULT_READER_LIMITS,
): Promise<SourceEntry> {
  if (await startsWith(path, TAR_MAGIC, TAR_MAGIC_OFFSET)) return openTarEntry(path, entryPattern, limits);
  if (!(await startsWith(path, ZIP_MAGIC))) {
    const { size } = await stat(path);
    return {
      name: path.split('/').pop() ?? path,
      size,
      stream: createReadStream(path, { highWaterMark: 256 * 1024 }),
    };
  }
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, file) =>
      error
        ? reject(IngestionError.data(`Corrupt or truncated ZIP ${path}: ${error.message}`))
        : resolve(file),
    ),
  );
  const entry = await new Promise<yauzl.Entry>((resolve, reject) => {
    zip.on('entry', (candidate: yauzl.Entry) => {
      if (entryPattern.test(candidate.fileName)) resolve(candidate);
      else zip.readEntry();
    });
    zip.on('end', () =>
      reject(IngestionError.data(`ZIP ${path} has no entry matching ${entryPattern}`, NO_MATCHING_ENTRY)),
    );
    zip.on('error', (error: Error) => reject(IngestionError.data(`Corrupt ZIP ${path}: ${error.message}`)));
    zip.readEntry();
  });
  return openZipEntry(zip, entry, limits);
}

/** Streams one ZIP entry after the size and compression-ratio guards. */
async function openZipEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: SourceReaderLimits,
): Promise<SourceEntry> {
  if (entry.uncompressedSize > limits.maxUncompressedBytes) {
    zip.close();
    throw IngestionError.data(
      `ZIP entry ${entry.fileName} is ${entry.uncompressedSize} bytes, over the limit`,
    );
  }
  if (
    entry.compressedSize > 0 &&
    entry.uncompressedSize / entry.compressedSize > limits.maxCompressionRatio
  ) {
    zip.close();
    throw IngestionError.data(`ZIP entry ${entry.fileName} has a suspicious compression ratio`);
  }
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, readStream) =>
      error
        ? reject(IngestionError.data(`Cannot read ${entry.fileName}: ${error.message}`))
        : resolve(readStream),
    ),
  );
  // yauzl checks the declared size while inflating, so a lying header cannot stream past the limits.
  stream.on('error', () => zip.close());
  return { name: entry.fileName, size: entry.uncompressedSize, stream };
}

/**
 * Every entry matching `entryPattern`, one after the other, for sources that ship several data files in one
 * archive (CPC master files, scheme). Each entry must be consumed before the next is requested. A plain file is
 * its own single entry; a TAR is read through `openSourceEntry`'s rules for its first member only.
 */
export async function* sourceEntries(
  path: string,
  entryPattern: RegExp = /\.(xml|txt)$/i,
  limits: SourceReaderLimits = DEFAULT_READER_LIMITS,
): AsyncGenerator<SourceEntry> {
  if (!(await startsWith(path, ZIP_MAGIC))) {
    yield await openSourceEntry(path, entryPattern, limits);
    return;
  }
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, file) =>
      error
        ? reject(IngestionError.data(`Corrupt or truncated ZIP ${path}: ${error.message}`))
        : resolve(file),
    ),
  );
  // One listener set for the whole walk: the entry being waited for settles on the next event.
  let waiting: { resolve: (entry: yauzl.Entry | null) => void; reject: (error: Error) => void } | undefined;
  zip.on('entry', (entry: yauzl.Entry) => waiting?.resolve(entry));
  zip.on('end', () => waiting?.resolve(null));
  zip.on('error', (error: Error) =>
    waiting?.reject(IngestionError.data(`Corrupt ZIP ${path}: ${error.message}`)),
  );
  const nextEntry = () =>
    new Promise<yauzl.Entry | null>((resolve, reject) => {
      waiting = { resolve, reject };
      zip.readEntry();
    });
  try {
    let matched = 0;
    for (let entry = await nextEntry(); entry; entry = await nextEntry()) {
      if (!entryPattern.test(entry.fileName)) continue;
      matched += 1;
      yield await openZipEntry(zip, entry, limits);
    }
    if (matched === 0) throw IngestionError.data(`ZIP ${path} has no entry matching ${entryPattern}`);
  } finally {
    zip.close();
  }
}

/**
 * The first entry of an archive (ZIP or TAR) matching `entryPattern`, or null when the file is no archive or has
 * no such entry: for optional companions of the data entry, such as a code list shipped in the same ZIP.
 */
export async function openOptionalArchiveEntry(
  path: string,
  entryPattern: RegExp,
  limits: SourceReaderLimits = DEFAULT_READER_LIMITS,
): Promise<SourceEntry | null> {
  const archive =
    (await startsWith(path, TAR_MAGIC, TAR_MAGIC_OFFSET)) || (await startsWith(path, ZIP_MAGIC));
  if (!archive) return null;
  try {
    return await openSourceEntry(path, entryPattern, limits);
  } catch (error) {
    if (error instanceof IngestionError && error.details?.noMatchingEntry === true) return null;
    throw error;
  }
}

/** The first matching member of a TAR, streamed; members before it are skipped without being buffered. */
function openTarEntry(path: string, entryPattern: RegExp, limits: SourceReaderLimits): Promise<SourceEntry> {
  return new Promise((resolve, reject) => {
    const extract = tarExtract();
    let found = false;
    extract.on('entry', (header, stream, next) => {
      stream.on('end', next);
      if (found || header.type !== 'file' || !entryPattern.test(header.name)) {
        stream.resume();
        return;
      }
      found = true;
      const size = header.size ?? 0;
      if (size > limits.maxUncompressedBytes) {
        extract.destroy();
        reject(IngestionError.data(`TAR member ${header.name} is ${size} bytes, over the limit`));
        return;
      }
      // tar-stream hands out streamx streams; consumers expect a Node stream.
      resolve({ name: header.name, size, stream: Readable.from(stream, { objectMode: false }) });
    });
    extract.on('finish', () => {
      if (!found)
        reject(IngestionError.data(`TAR ${path} has no member matching ${entryPattern}`, NO_MATCHING_ENTRY));
    });
    extract.on('error', (error: Error) => {
      if (!found) reject(IngestionError.data(`Corrupt or truncated TAR ${path}: ${error.message}`));
    });
    createReadStream(path, { highWaterMark: 256 * 1024 })
      .on('error', reject)
      .pipe(extract);
  });
}

async function startsWith(path: string, magic: Buffer, position = 0): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, position);
    return bytesRead === magic.length && head.equals(magic);
  } finally {
    await handle.close();
  }
}
