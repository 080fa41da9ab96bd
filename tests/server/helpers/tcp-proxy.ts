// A TCP proxy the test controls, between a server and the shared PostgreSQL: it can freeze (accept and hold, pass
// nothing either way, like a hung database or a black-holed network) and thaw, so faults are simulated without
// touching PostgreSQL itself or anyone else's connections.
import net from 'node:net';

export type TcpProxy = {
  port: number;
  /** Stop passing bytes on every connection, and hold new connections unanswered. */
  freeze(): void;
  /** Pass bytes again, and connect the connections that arrived while frozen. */
  thaw(): void;
  close(): Promise<void>;
};

type Pair = { client: net.Socket; upstream?: net.Socket; toUpstream: Buffer[]; toClient: Buffer[] };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let frozen = false;
  const pairs = new Set<Pair>();

  // Bytes are forwarded by hand, not piped: a pipe resumes its source on 'drain', which would thaw a frozen socket.
  const flush = (pair: Pair) => {
    if (!pair.upstream) return;
    for (const chunk of pair.toUpstream.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
  };
  const connectUpstream = (pair: Pair) => {
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    const end = () => {
      pair.client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    upstream.on('error', end).on('close', end);
    pair.client.on('close', end);
    upstream.on('data', (chunk: Buffer) => {
      pair.toClient.push(chunk);
      if (!frozen) flush(pair);
    });
    upstream.on('connect', () => {
      if (!frozen) flush(pair);
    });
  };

  const server = net.createServer((client) => {
    const pair: Pair = { client, toUpstream: [], toClient: [] };
    pairs.add(pair);
    client.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      pair.toUpstream.push(chunk);
      if (!frozen) flush(pair);
    });
    // A connection arriving while frozen is accepted and left hanging, as a black-holed network would.
    if (!frozen) connectUpstream(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) {
        if (pair.upstream) flush(pair);
        else connectUpstream(pair);
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
