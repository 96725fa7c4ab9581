/**
 * A DNS server that answers NXDOMAIN to every query, bound to the default bridge's gateway (the host side of
 * docker0) on UDP 53. Test containers get `--dns <gateway>`: the embedded DNS then forwards the names it does
 * not know here, and a default-bridge container asks it directly, so no probe query ever leaves the machine's
 * Docker networks for a real resolver.
 */
import * as dgram from 'node:dgram';
import { docker } from '../support/docker';

export interface DnsResponder {
  address: string;
  queries: string[];
  close(): Promise<void>;
}

/** The question's name, read from the wire format (labels after the 12-byte header). */
function questionName(msg: Buffer): string {
  const labels: string[] = [];
  let at = 12;
  while (at < msg.length && msg[at] !== 0) {
    const len = msg[at];
    labels.push(msg.subarray(at + 1, at + 1 + len).toString('latin1'));
    at += len + 1;
  }
  return labels.join('.');
}

function nxdomain(query: Buffer): Buffer {
  let end = 12;
  while (end < query.length && query[end] !== 0) end += query[end] + 1;
  end += 5; // the zero label, QTYPE and QCLASS
  const answer = Buffer.from(query.subarray(0, Math.min(end, query.length)));
  answer[2] = 0x80 | (query[2] & 0x01); // QR, opcode 0, RD copied
  answer[3] = 0x80 | 0x03; // RA, RCODE 3 (NXDOMAIN)
  answer.writeUInt16BE(1, 4);
  answer.writeUInt32BE(0, 6);
  answer.writeUInt16BE(0, 10);
  return answer;
}

export async function startDnsResponder(): Promise<DnsResponder> {
  const address = docker('network', 'inspect', 'bridge', '--format', '{{(index .IPAM.Config 0).Gateway}}');
  const socket = dgram.createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, peer) => {
    if (msg.length < 12) return;
    queries.push(questionName(msg));
    socket.send(nxdomain(msg), peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(53, address, () => resolve());
  });
  return { address, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}
