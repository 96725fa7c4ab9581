// A unix-socket proxy in front of the engine that counts the HTTP requests going through it: proves how many
// requests a snapshot really costs, whatever the client library does underneath.
import net from 'node:net';
import { rmSync } from 'node:fs';

const REQUEST_LINE = /(?:^|\r\n\r\n)(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.[01]\r\n/g;

export async function startRequestCounter(engineSocket, proxySocket) {
  rmSync(proxySocket, { force: true });
  const requests = [];
  const connections = new Set();
  const counted = { bytesRead: 0 };
  const server = net.createServer((client) => {
    const upstream = net.connect(engineSocket);
    connections.add(client).add(upstream);
    // GET requests carry no body, so each request line starts the stream or follows a blank line.
    let pending = '';
    client.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      let match;
      let consumed = 0;
      REQUEST_LINE.lastIndex = 0;
      while ((match = REQUEST_LINE.exec(pending)) !== null) {
        requests.push(`${match[1]} ${match[2]}`);
        consumed = REQUEST_LINE.lastIndex;
      }
      pending = pending.slice(consumed); // the listing's traffic is small: keep what may start the next line
    });
    upstream.on('data', (chunk) => (counted.bytesRead += chunk.length)); // what the client reads from the engine
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      connections.delete(client);
      connections.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(proxySocket, resolve));
  return {
    requests,
    /** Bytes the engine sent back (answers and the events stream), headers included. */
    get bytesRead() {
      return counted.bytesRead;
    },
    async close() {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      rmSync(proxySocket, { force: true });
    },
  };
}
