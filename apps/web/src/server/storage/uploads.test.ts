import { describe, expect, it } from 'vitest';
import { JPEG, PNG, WEBP } from '@patentrack/storage';
import { acceptUpload, type UploadPolicy } from './uploads';

const POLICY: UploadPolicy = { label: 'The logo', types: [PNG, JPEG, WEBP], maxBytes: 1024 };
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const HTML_BYTES = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
const SVG_BYTES = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const WEBP_BYTES = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ');

/** A multipart body as a browser sends it, with the client's own (untrusted) declared type. */
async function multipart(
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
  declaredType = 'image/png',
  field = 'file',
) {
  const form = new FormData();
  form.set(field, new Blob([bytes], { type: declaredType }), name);
  const request = new Request('http://localhost/upload', { method: 'PUT', body: form });
  return {
    contentType: request.headers.get('content-type'),
    body: Buffer.from(await request.arrayBuffer()),
  };
}

async function attempt(name: string, bytes: Uint8Array<ArrayBuffer>, declaredType?: string, field?: string) {
  const { contentType, body } = await multipart(name, bytes, declaredType, field);
  return acceptUpload(contentType, body, POLICY);
}

const fieldError = (pattern: RegExp) =>
  expect.objectContaining({
    code: 'VALIDATION_ERROR',
    details: { fieldErrors: { file: [expect.stringMatching(pattern)] } },
  });

describe('uploads are allow-listed by content and size (S-17)', () => {
  it('accepts an allowed type by its magic bytes', async () => {
    expect((await attempt('logo.png', PNG_BYTES)).type).toBe(PNG);
    expect((await attempt('Logo.WEBP', WEBP_BYTES, 'application/octet-stream')).type).toBe(WEBP);
  });

  it('refuses HTML or SVG dressed as an image, whatever the name and declared type say', async () => {
    await expect(attempt('logo.png', HTML_BYTES, 'image/png')).rejects.toThrow(fieldError(/PNG, JPG, WEBP/));
    await expect(attempt('logo.svg', SVG_BYTES, 'image/svg+xml')).rejects.toThrow(fieldError(/none of them/));
  });

  it('refuses a type off the allow-list, even when it is genuine', async () => {
    await expect(attempt('report.pdf', PDF_BYTES, 'application/pdf')).rejects.toThrow(
      fieldError(/must be one of/),
    );
  });

  it('refuses a name that contradicts the content (spoofed extension)', async () => {
    await expect(attempt('logo.html', PNG_BYTES, 'text/html')).rejects.toThrow(
      fieldError(/must end in \.png/),
    );
    await expect(attempt('logo', PNG_BYTES)).rejects.toThrow(fieldError(/must end in \.png/));
  });

  it('refuses an oversize file with 413 and an empty one with a field error', async () => {
    const big = new Uint8Array(POLICY.maxBytes + 1);
    big.set(PNG_BYTES);
    await expect(attempt('logo.png', big)).rejects.toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE', details: { field: 'file', limit: 1024 } }),
    );
    await expect(attempt('logo.png', new Uint8Array())).rejects.toThrow(fieldError(/empty/));
  });

  it('refuses a body that is not multipart or has no file field', async () => {
    await expect(acceptUpload('application/json', Buffer.from('{}'), POLICY)).rejects.toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
    await expect(attempt('logo.png', PNG_BYTES, 'image/png', 'picture')).rejects.toThrow(
      fieldError(/multipart field "file"/),
    );
  });
});
