// The web process: the Next.js app behind Node's own HTTP server, which appends each connection's peer address to
// `x-forwarded-for` as a proxy does. A client may send that header pre-filled, but its last entry is always the
// address the request really came from, so rate limits and lockouts key on an address a client cannot choose
// (`TRUSTED_PROXY_HOPS` says how many entries before it were added by trusted reverse proxies).
// Usage: node server.mjs [-p <port>] [-H <hostname>]   (port 0 picks a free one; the URL is printed). `PORT` may
// give the port, as for `next start`.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p', default: process.env.PORT ?? '3000' },
    // Unset: every interface, as `next start` does.
    hostname: { type: 'string', short: 'H' },
  },
});
const port = Number(values.port);
const hostname = values.hostname;

const app = next({ dev: false, dir: import.meta.dirname, hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress;
  if (peer) {
    const forwarded = request.headers['x-forwarded-for'];
    request.headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${peer}` : peer;
  }
  void handle(request, response);
});
server.listen(port, hostname, () => {
  const { port: listening } = /** @type {import('node:net').AddressInfo} */ (server.address());
  process.stdout.write(`web ready on http://${hostname ?? 'localhost'}:${listening}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Live-event streams never end by themselves: requests in flight get a moment, then what is left is closed.
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}
