import * as assert from 'node:assert/strict';
import {
  namespaceGroups,
  observeActivity,
  parseProcNet,
  type NamespaceReading,
  type ObservedConnection,
  type PeerRef,
} from '../../../src/diagnose/sockets';
import type { ContainerModel } from '../../../src/model/topology';
import { captured, captureSnapshot, procSample } from './procFixtures';

const snapshot = captureSnapshot();
const srv = captured(snapshot, 'srv');
const cli = captured(snapshot, 'cli');

function rowsOf(file: string) {
  return parseProcNet(procSample(file), 'tcp').rows;
}

function reading(containerIds: string[], rows: ReturnType<typeof rowsOf>, host = false): NamespaceReading {
  return { containerIds, host, result: { kind: 'rows', rows } };
}

function describePeer(peer: PeerRef): string {
  if (peer.kind === 'container')
    return peer.containerId === srv.id ? 'srv' : peer.containerId === cli.id ? 'cli' : peer.containerId;
  return `${peer.kind}:${peer.address}`;
}

function edges(connections: ObservedConnection[]): string[] {
  return connections
    .map((c) => `${describePeer(c.from)} -> ${describePeer(c.to)} :${c.port} ${c.state} x${c.count}`)
    .sort();
}

describe('diagnose: observed connections', () => {
  it('lists listening sockets without the embedded DNS listener', () => {
    const activity = observeActivity(snapshot, [reading([srv.id], rowsOf('server-tcp-tcp6.txt'))]);
    assert.deepEqual(activity.listening.get(srv.id), [
      { port: 6060, protocol: 'tcp', address: '::' },
      { port: 8000, protocol: 'tcp', address: '0.0.0.0' },
    ]);
  });

  it('keeps the client side of a connection seen from both ends, with the server port', () => {
    const activity = observeActivity(snapshot, [
      reading([srv.id], rowsOf('server-tcp-tcp6.txt')),
      reading([cli.id], rowsOf('client-tcp-tcp6.txt')),
    ]);
    assert.deepEqual(edges(activity.connections), [
      'cli -> outside:10.231.68.200 :5555 attempt x1',
      'cli -> srv :8080 established x1',
      'cli -> srv :9090 established x1',
    ]);
  });

  it('shows the server side alone when the client was not read (inbound edge from the peer)', () => {
    const activity = observeActivity(snapshot, [reading([srv.id], rowsOf('server-tcp-tcp6.txt'))]);
    assert.deepEqual(edges(activity.connections), [
      'cli -> srv :8080 established x1',
      'cli -> srv :9090 established x1',
    ]);
  });

  it('says "via the host" for a gateway address and counts sockets per edge', () => {
    const gateway = snapshot.endpointsByContainer.get(srv.id)?.[0]?.gateway;
    assert.ok(gateway);
    const [a, b, c, d] = gateway.split('.').map(Number) as [number, number, number, number];
    const hex = [d, c, b, a]
      .map((n) => n.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
    const table = [
      '  sl  local_address rem_address   st',
      `   0: 00000000:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0`,
      `   1: 0244E70A:1F40 ${hex}:C001 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 20 0 0 10 -1`,
      `   2: 0244E70A:1F40 ${hex}:C002 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 20 0 0 10 -1`,
    ].join('\n');
    const activity = observeActivity(snapshot, [reading([srv.id], parseProcNet(table, 'tcp').rows)]);
    assert.deepEqual(edges(activity.connections), [`host:${gateway} -> srv :8000 established x2`]);
  });

  it('attributes a shared namespace to every container in it, and reports unreadable ones', () => {
    const joined: ContainerModel = {
      ...cli,
      id: 'f'.repeat(64),
      name: 'sidecar',
      networkMode: `container:${srv.name}`,
    };
    const groups = namespaceGroups([srv, joined]);
    assert.deepEqual(groups, [{ ownerId: srv.id, containerIds: [srv.id, joined.id], host: false }]);
    const activity = observeActivity(snapshot, [
      reading(groups[0]!.containerIds, rowsOf('server-tcp-tcp6.txt')),
      { containerIds: [cli.id], host: false, result: { kind: 'unavailable', reason: { code: 'stopped' } } },
    ]);
    assert.deepEqual(activity.listening.get(joined.id), activity.listening.get(srv.id));
    assert.deepEqual(activity.unavailable.get(cli.id), { code: 'stopped' });
  });

  it('groups host-mode containers into the host namespace and takes only its listening sockets', () => {
    const hostA: ContainerModel = { ...cli, id: 'a'.repeat(64), name: 'a', networkMode: 'host' };
    const hostB: ContainerModel = { ...cli, id: 'b'.repeat(64), name: 'b', networkMode: 'host' };
    const groups = namespaceGroups([hostA, hostB, srv]);
    const hostGroup = groups.find((g) => g.host);
    assert.deepEqual(hostGroup?.containerIds, [hostA.id, hostB.id]);
    const activity = observeActivity(snapshot, [reading(hostGroup!.containerIds, rowsOf('client-tcp-tcp6.txt'), true)]);
    assert.deepEqual(activity.connections, []);
    assert.deepEqual(activity.listening.get(hostB.id), []);
  });

  it('prefers the namespace identity read on the host over NetworkMode', () => {
    const other: ContainerModel = { ...cli, id: 'c'.repeat(64), name: 'other' };
    const groups = namespaceGroups(
      [srv, other],
      new Map([
        [srv.id, 'net:[1]'],
        [other.id, 'net:[1]'],
      ]),
    );
    assert.equal(groups.length, 1);
  });
});
