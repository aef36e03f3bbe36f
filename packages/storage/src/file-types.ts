/** A file type the platform stores, recognised by its leading bytes, never by its name or declared type. */
export interface StoredFileType {
  mediaType: string;
  /** The extension stored keys carry; the download route derives the served Content-Type from it. */
  extension: string;
  /** File-name extensions an upload of this type may carry. */
  names: readonly string[];
  matches(head: Uint8Array): boolean;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0) =>
  bytes.every((byte, index) => head[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

export const PNG: StoredFileType = {
  mediaType: 'image/png',
  extension: 'png',
  names: ['png'],
  matches: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

export const JPEG: StoredFileType = {
  mediaType: 'image/jpeg',
  extension: 'jpg',
  names: ['jpg', 'jpeg'],
  matches: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
};

export const WEBP: StoredFileType = {
  mediaType: 'image/webp',
  extension: 'webp',
  names: ['webp'],
  matches: (head) => startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8),
};

/** Exports the worker writes (#55): a CSV starts with the UTF-8 BOM Part D asks for. */
export const CSV: StoredFileType = {
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  names: ['csv'],
  matches: (head) => startsWith(head, [0xef, 0xbb, 0xbf]),
};

export const PDF: StoredFileType = {
  mediaType: 'application/pdf',
  extension: 'pdf',
  names: ['pdf'],
  matches: (head) => startsWith(head, ascii('%PDF-')),
};

const STORED_TYPES = [PNG, JPEG, WEBP, CSV, PDF];

/** The first of `allowed` whose signature the bytes carry, or null: the content decides, not the name. */
export function sniffFileType(bytes: Uint8Array, allowed: readonly StoredFileType[]): StoredFileType | null {
  return allowed.find((type) => type.matches(bytes.subarray(0, 16))) ?? null;
}

/** The Content-Type a stored key is served with; anything unknown is opaque bytes. */
export function mediaTypeOfKey(key: string): string {
  const extension = key.slice(key.lastIndexOf('.') + 1);
  return STORED_TYPES.find((type) => type.extension === extension)?.mediaType ?? 'application/octet-stream';
}
