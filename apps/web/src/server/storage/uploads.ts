import { z } from 'zod';
import { AppError } from '@patentrack/shared';
import { sniffFileType, type StoredFileType } from '@patentrack/storage';

/** What one upload route accepts (S-17): an allow-list of content types and a size cap. */
export interface UploadPolicy {
  /** Names the file in messages, e.g. "The logo". */
  label: string;
  types: readonly StoredFileType[];
  maxBytes: number;
}

/** The multipart fields of an upload; also documents the request body in OpenAPI. */
export const uploadForm = z.object({
  file: z
    .instanceof(File, { message: 'Attach the file as the multipart field "file"' })
    .meta({ type: 'string', format: 'binary' }),
});

/** Room for the multipart boundary and part headers around the file itself. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/** The route body cap of an upload route: the file cap plus the multipart envelope (S-27). */
export function uploadBodyLimit(policy: UploadPolicy): number {
  return policy.maxBytes + MULTIPART_ENVELOPE_BYTES;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const refuse = (message: string) => AppError.validation({ file: [message] });

async function readForm(contentType: string, body: Buffer<ArrayBuffer>): Promise<FormData> {
  if (!contentType.toLowerCase().startsWith('multipart/form-data'))
    throw new AppError('BAD_REQUEST', 'Send the file as multipart/form-data');
  try {
    return await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new AppError('BAD_REQUEST', 'The multipart body could not be read');
  }
}

/**
 * The uploaded file's bytes and type, judged by its content (magic bytes), never by the client's declared type: a
 * `.png` holding HTML, a type off the allow-list, a name that contradicts the content or an oversize file is refused.
 */
export async function acceptUpload(
  contentType: string | null,
  body: Buffer<ArrayBuffer>,
  policy: UploadPolicy,
): Promise<{ bytes: Uint8Array; type: StoredFileType }> {
  const form = await readForm(contentType ?? '', body);
  const parsed = uploadForm.safeParse({ file: form.get('file') ?? undefined });
  if (!parsed.success) throw refuse(parsed.error.issues[0]!.message);
  const { file } = parsed.data;
  if (file.size > policy.maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `${policy.label} may be at most ${megabytes(policy.maxBytes)}`, {
      field: 'file',
      limit: policy.maxBytes,
    });
  if (file.size === 0) throw refuse('The file is empty');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const allowed = policy.types.map((type) => type.names[0]!.toUpperCase()).join(', ');
  const type = sniffFileType(bytes, policy.types);
  if (!type) throw refuse(`${policy.label} must be one of ${allowed}; the file's content is none of them`);
  const extension = file.name.includes('.')
    ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase()
    : '';
  if (!type.names.includes(extension))
    throw refuse(
      `The file's content is ${type.mediaType}, so its name must end in .${type.names.join(' or .')}`,
    );
  return { bytes, type };
}
