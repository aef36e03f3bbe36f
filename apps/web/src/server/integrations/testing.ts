import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

export type SendJson = (payload: unknown, status?: number) => void;

/** Tests only: a local HTTP server standing in for provider APIs; records every request and answers JSON. */
export class LocalStandIn {
  readonly requests: RecordedRequest[] = [];
  origin = '';
  private server!: Server;

  constructor(private readonly route: (request: RecordedRequest, send: SendJson) => void) {}

  async start() {
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The latest request whose path starts with `prefix`. */
  last(prefix: string) {
    return this.requests.filter((r) => r.url.startsWith(prefix)).at(-1)!;
  }

  private async answer(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const recorded = {
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
      body: Buffer.concat(chunks).toString(),
    };
    this.requests.push(recorded);
    this.route(recorded, (payload, status = 200) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    });
  }
}
