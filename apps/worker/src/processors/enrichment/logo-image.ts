import { JPEG, PNG, sniffFileType, WEBP, type StoredFileType } from '@patentrack/storage';
import { providerGet } from './providers';

/** ingestion.md §3.7: a logo is at most 1 MB. */
export const MAX_LOGO_BYTES = 1024 * 1024;

/** The raster types the web serves logos as; SVG is left out because it can carry script. */
const LOGO_TYPES = [PNG, JPEG, WEBP];

export type LogoImage =
  | { ok: true; bytes: Uint8Array; type: StoredFileType }
  | { ok: false; reason: 'not_found' | 'not_an_image' | 'too_large' };

/** Reads at most `limit` bytes; null once the body is longer (the rest is not downloaded). */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads a logo found by a provider: an `image/*` answer of at most 1 MB whose bytes are PNG, JPEG or WebP.
 * The declared type only gates the download; the sniffed bytes decide what is stored.
 */
export async function downloadLogo(provider: string, url: string): Promise<LogoImage> {
  const response = await providerGet(provider, new URL(url));
  if (!response?.body) return { ok: false, reason: 'not_found' };
  const declared = response.headers.get('content-type') ?? '';
  const length = Number(response.headers.get('content-length') ?? 0);
  const refused = !declared.toLowerCase().startsWith('image/')
    ? 'not_an_image'
    : length > MAX_LOGO_BYTES
      ? 'too_large'
      : null;
  if (refused) {
    await response.body.cancel();
    return { ok: false, reason: refused };
  }
  const bytes = await readCapped(response.body, MAX_LOGO_BYTES);
  if (!bytes) return { ok: false, reason: 'too_large' };
  const type = sniffFileType(bytes, LOGO_TYPES);
  return type ? { ok: true, bytes, type } : { ok: false, reason: 'not_an_image' };
}
