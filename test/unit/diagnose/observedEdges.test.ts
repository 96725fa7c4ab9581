/**
 * Observed connections on hand-made socket tables: which sockets count as listening (UDP included), which rows
 * become edges (loopback and half-open server states never do; FIN and TIME_WAIT are "closing"), whom an address
 * names (a container by IPv4 or IPv6, the host by any gateway, else outside), which side is the server, and how
 * edges are merged and counted. Expected edges are written out.
 */
import * as assert from 'node:assert/strict';
import { observeActivity, type NamespaceReading, type PeerRef } from '../../../src/diagnose/sockets';
import type { SocketRow, TcpState } from '../../../src/diagnose/sockets/procNetParser';
import { container, network, snapshotOf } from '../topology/fakeTopology';

const net = network('n1', 'app', { ipam: [{ subnet: '10.1.0.0/16', gateway: '10.1.0.1/16', auxAddresses: {} }] });
const a = container('ca', 'a');
const b = container('cb', 'b');
const c = container('cc', 'c');
function snapshot() {
  const s = snapshotOf(
    [net],
    [a, b, c],
    [
      { network: net, container: a, ipv4: '10.1.0.2' },
      { network: net, container: b, ipv4: '10.1.0.3' },
      { network: net, container: c },
    ],
  );
  Object.assign(s.endpoints.get('n1/cb')!, { ipv6: 'fd00::3', gateway: '10.1.0.254', ipv6Gateway: 'fd00::1' });
  return s;
}

const row = (local: string, remote: string, state: TcpState, protocol: 'tcp' | 'udp' = 'tcp'): SocketRow => {
  const [localAddress, localPort] = split(local);
  const [remoteAddress, remotePort] = split(remote);
  return { protocol, family: 4, localAddress, localPort, remoteAddress, remotePort, state, mapped: false, inode: 1 };
};
function split(text: string): [string, number] {
  const at = text.lastIndexOf(':');
  return [text.slice(0, at), Number(text.slice(at + 1))];
}
const rows = (id: string, list: SocketRow[]): NamespaceReading => ({
  containerIds: [id],
  host: false,
  result: { kind: 'rows', rows: list },
});
const name = (p: PeerRef) => (p.kind === 'container' ? p.containerId : `${p.kind}:${p.address}`);
const edges = (readings: NamespaceReading[]) =>
  observeActivity(snapshot(), readings).connections.map(
    (e) => `${name(e.from)} -> ${name(e.to)} :${e.port} ${e.state} x${e.count}`,
  );

describe('diagnose: observed connections on hand-made tables', () => {
  it('UDP sockets listen when unconnected; connected UDP and non-LISTEN TCP do not', () => {
    const activity = observeActivity(snapshot(), [
      rows('ca', [
        row('0.0.0.0:53', '0.0.0.0:0', 'CLOSE', 'udp'),
        row('10.1.0.2:5353', '10.1.0.3:53', 'ESTABLISHED', 'udp'),
        row('0.0.0.0:9000', '0.0.0.0:0', 'CLOSE', 'tcp'),
        row('0.0.0.0:80', '0.0.0.0:0', 'LISTEN'),
      ]),
    ]);
    assert.deepEqual(activity.listening.get('ca'), [
      { port: 53, protocol: 'udp', address: '0.0.0.0' },
      { port: 80, protocol: 'tcp', address: '0.0.0.0' },
    ]);
  });

  it('ignores loopback ends and half-open server states; FIN and TIME_WAIT are closing', () => {
    assert.deepEqual(
      edges([
        rows('ca', [
          row('10.1.0.2:40000', '127.0.0.5:80', 'ESTABLISHED'),
          row('10.1.0.2:40001', '::1:80', 'ESTABLISHED'),
          row('127.0.0.1:40002', '10.1.0.3:80', 'ESTABLISHED'),
          row('10.1.0.2:80', '10.1.0.3:40003', 'SYN_RECV'),
          row('10.1.0.2:80', '10.1.0.3:40004', 'NEW_SYN_RECV'),
          row('10.1.0.2:80', '10.1.0.3:40005', 'UNKNOWN'),
          row('10.1.0.2:40006', '10.1.0.3:443', 'FIN_WAIT1'),
          row('10.1.0.2:40007', '10.1.0.3:443', 'TIME_WAIT'),
        ]),
      ]),
      ['ca -> cb :443 closing x2'],
    );
  });

  it('names a container by IPv6 too, the host by any gateway (endpoint or IPAM), and the rest outside', () => {
    assert.deepEqual(
      edges([
        rows('ca', [
          row('10.1.0.2:40000', 'fd00::3:22', 'ESTABLISHED'),
          row('10.1.0.2:40001', '10.1.0.254:22', 'ESTABLISHED'),
          row('10.1.0.2:40002', 'fd00::1:22', 'ESTABLISHED'),
          row('10.1.0.2:40003', '10.1.0.1:22', 'ESTABLISHED'),
          row('10.1.0.2:40004', '8.8.8.8:22', 'ESTABLISHED'),
          row('10.1.0.2:40005', '1.1.1.1:22', 'ESTABLISHED'),
        ]),
      ]).sort(),
      [
        'ca -> cb :22 established x1',
        'ca -> host:10.1.0.1 :22 established x1',
        'ca -> host:10.1.0.254 :22 established x1',
        'ca -> host:fd00::1 :22 established x1',
        'ca -> outside:1.1.1.1 :22 established x1',
        'ca -> outside:8.8.8.8 :22 established x1',
      ],
    );
  });

  it('the server side is the listener; else the peer’s listener; else the lower port', () => {
    assert.deepEqual(
      edges([
        rows('ca', [
          row('0.0.0.0:50000', '0.0.0.0:0', 'LISTEN'),
          row('10.1.0.2:50000', '8.8.8.8:80', 'ESTABLISHED'),
          row('10.1.0.2:6000', '10.1.0.3:7000', 'ESTABLISHED'),
          row('10.1.0.2:2000', '1.1.1.1:3000', 'ESTABLISHED'),
        ]),
        rows('cb', [row('0.0.0.0:7000', '0.0.0.0:0', 'LISTEN')]),
      ]),
      [
        'outside:1.1.1.1 -> ca :2000 established x1',
        'ca -> cb :7000 established x1',
        'outside:8.8.8.8 -> ca :50000 established x1',
      ],
    );
  });

  it('an inbound connection from a container whose table could not be read is shown from this side', () => {
    const unread: NamespaceReading = {
      containerIds: ['cb'],
      host: false,
      result: { kind: 'unavailable', reason: { code: 'denied' } },
    };
    const list = [row('0.0.0.0:80', '0.0.0.0:0', 'LISTEN'), row('10.1.0.2:80', '10.1.0.3:40000', 'ESTABLISHED')];
    assert.deepEqual(edges([rows('ca', list), unread]), ['cb -> ca :80 established x1']);
    assert.deepEqual(edges([rows('ca', list), rows('cb', [])]), []);
  });

  it('a reading without containers is skipped', () =>
    assert.deepEqual(
      edges([
        { containerIds: [], host: false, result: { kind: 'rows', rows: [row('10.1.0.2:1', '8.8.8.8:2', 'SYN_SENT')] } },
      ]),
      [],
    ));
});
