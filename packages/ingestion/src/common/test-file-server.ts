import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test server answers one request for a path; the last behaviour of a list repeats. */
export type Behaviour =
  | { kind: 'ok'; body: Buffer; acceptRanges?: boolean }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'redirect'; location: string }
  /** Sends the headers of the full body, then only `bytes` bytes, then destroys the socket. */
  | { kind: 'cut'; body: Buffer; bytes: number; acceptRanges?: boolean }
  /** Accepts the connection and resets it before answering. */
  | { kind: 'reset' };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

/**
 * A local HTTP server for downloader tests that serves files and misbehaves on purpose
 * (429, 5xx, resets, truncated bodies, redirects, bad auth). Listens on 127.0.0.1 only.
 */
export class TestFileServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Behaviour[]>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url('');
  }

  url(path: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  /** Sets the answers for `path`, consumed one per request; the last one repeats. */
  route(path: string, ...behaviours: Behaviour[]): void {
    this.routes.set(path, behaviours);
  }

  /**
   * Serves the USPTO bulk-data API's listing of `product` (`/api/v1/datasets/products/{product}`), as the file
   * discovery reads it, with the given files.
   */
  routeProductListing(
    product: string,
    files: { fileName: string; fileSize: number; fileDownloadURI: string; fileReleaseDate?: string }[],
  ): void {
    const listing = { bulkDataProductBag: [{ productFileBag: { fileDataBag: files } }] };
    this.route(`/api/v1/datasets/products/${product}`, {
      kind: 'ok',
      body: Buffer.from(JSON.stringify(listing)),
    });
  }

  hits(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    this.requests.push({ path, headers: req.headers });
    const queue = this.routes.get(path);
    const behaviour = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (!behaviour) {
      res.writeHead(404).end();
      return;
    }
    switch (behaviour.kind) {
      case 'ok':
        return sendBody(req, res, behaviour.body, behaviour.acceptRanges ?? true, behaviour.body.length);
      case 'cut':
        return sendBody(req, res, behaviour.body, behaviour.acceptRanges ?? true, behaviour.bytes);
      case 'status':
        res.writeHead(behaviour.status, behaviour.headers).end(behaviour.body ?? '');
        return;
      case 'redirect':
        res.writeHead(302, { location: behaviour.location }).end();
        return;
      case 'reset':
        req.socket.destroy();
        return;
    }
  }
}

function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  acceptRanges: boolean,
  limit: number,
): void {
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = acceptRanges && range ? Number(range[1]) : 0;
  const slice = body.subarray(start);
  const headers: Record<string, string> = { 'content-length': String(slice.length) };
  if (acceptRanges) headers['accept-ranges'] = 'bytes';
  if (start > 0) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
  res.writeHead(start > 0 ? 206 : 200, headers);
  const sent = Math.max(0, limit - start);
  if (sent >= slice.length) {
    res.end(slice);
    return;
  }
  res.write(slice.subarray(0, sent));
  // Flush what was written, then close: the client sees a body shorter than its Content-Length.
  res.socket?.destroySoon();
}
