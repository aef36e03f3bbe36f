import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Machine-readable kind and values, so tests and tooling need not parse the text. */
  template: 'verify-email' | 'password-reset' | 'invitation';
  data: Record<string, string>;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** Development/test transport: one JSON file per message in a local outbox folder; nothing leaves the machine. */
export class OutboxMailTransport implements MailTransport {
  constructor(readonly directory: string) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`;
    await writeFile(
      path.join(this.directory, name),
      JSON.stringify({ ...message, sentAt: new Date().toISOString() }),
      {
        mode: 0o600,
      },
    );
  }

  /** Messages sent to `to`, oldest first. */
  async messagesTo(to: string): Promise<(MailMessage & { sentAt: string })[]> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const messages = await Promise.all(
      names.sort().map(async (name) => JSON.parse(await readFile(path.join(this.directory, name), 'utf8'))),
    );
    return messages.filter((m) => m.to.toLowerCase() === to.toLowerCase());
  }
}

export function defaultOutboxDir(configured: string | undefined): string {
  return configured ?? path.join(tmpdir(), 'patentrack-mail-outbox');
}
