/**
 * The topology panel's observed connections layer, from real socket tables (test/fixtures/proc) through the
 * analyzer to the edges the webview draws: directed client -> server with the port and the count, a SYN_SENT as
 * a failed attempt, peers outside or via the host as markers beside their container, unreadable tables as notes.
 */
import * as assert from 'node:assert/strict';
import {
  observeActivity,
  parseProcNet,
  type ObservedActivity,
  type ObservedConnection,
} from '../../../src/diagnose/sockets';
import { untranslated } from '../../../src/explorer/present/text';
import { MAX_OBSERVED_EDGES, observedLayer } from '../../../src/topology/graph/observedLayer';
import { isHostMessage } from '../../../src/topology/protocol';
import { captured, captureSnapshot, procSample } from '../diagnose/procFixtures';

const snapshot = captureSnapshot();
const srv = captured(snapshot, 'srv');
const cli = captured(snapshot, 'cli');
const rows = (file: string) => parseProcNet(procSample(file), 'tcp').rows;

function recorded(): ObservedActivity {
  return observeActivity(snapshot, [
    { containerIds: [srv.id], host: false, result: { kind: 'rows', rows: rows('server-tcp-tcp6.txt') } },
    { containerIds: [cli.id], host: false, result: { kind: 'rows', rows: rows('client-tcp-tcp6.txt') } },
  ]);
}

const empty = (): ObservedActivity => ({
  listening: new Map(),
  connections: [],
  unavailable: new Map(),
  truncated: new Set(),
});

describe('topology: the observed connections layer', () => {
  it('draws each connection from the client container to the server container, labelled with port and count', () => {
    const layer = observedLayer(recorded(), snapshot, 1_000, untranslated);
    const between = layer.edges.filter((e) => e.target === `c:${srv.id}`);
    assert.deepEqual(between.map((e) => [e.source, e.target, e.label, e.state]).sort(), [
      [`c:${cli.id}`, `c:${srv.id}`, ':8080 ×1', 'established'],
      [`c:${cli.id}`, `c:${srv.id}`, ':9090 ×1', 'established'],
    ]);
    assert.equal(
      between.find((e) => e.port === 8080)?.text,
      `${cli.name} → ${srv.name}:8080, established (1)`,
      'the list line names both containers',
    );
    assert.ok(isHostMessage({ type: 'observed', layer }), 'the layer passes the protocol validator');
  });

  it('draws an unanswered SYN as a failed attempt to a marker for the address outside, beside the client', () => {
    const layer = observedLayer(recorded(), snapshot, 1_000, untranslated);
    const attempt = layer.edges.find((e) => e.state === 'attempt');
    assert.ok(attempt);
    assert.equal(attempt.source, `c:${cli.id}`);
    assert.equal(attempt.label, ':5555 ×1 failed attempt');
    assert.match(attempt.text, /failed attempt \(SYN_SENT, no answer\)/);
    const peer = layer.peers.find((p) => p.id === attempt.target);
    assert.deepEqual(peer, {
      id: `o:outside:10.231.68.200@c:${cli.id}`,
      kind: 'outside',
      label: '10.231.68.200 (outside)',
    });
  });

  it('gives a host peer its own marker per container and keeps the direction into the server', () => {
    const activity = empty();
    const fromHost = (containerId: string, state: ObservedConnection['state'], count: number): ObservedConnection => ({
      from: { kind: 'host', address: '10.0.0.1' },
      to: { kind: 'container', containerId },
      port: 80,
      protocol: 'tcp',
      state,
      count,
    });
    activity.connections.push(fromHost(srv.id, 'established', 3), fromHost(cli.id, 'closing', 1));
    const layer = observedLayer(activity, snapshot, 1_000, untranslated);
    assert.deepEqual(
      layer.edges.map((e) => [e.source, e.target, e.label]),
      [
        [`o:host:10.0.0.1@c:${srv.id}`, `c:${srv.id}`, ':80 ×3'],
        [`o:host:10.0.0.1@c:${cli.id}`, `c:${cli.id}`, ':80 ×1'],
      ],
    );
    assert.deepEqual(
      layer.peers.map((p) => p.label),
      ['the host via 10.0.0.1', 'the host via 10.0.0.1'],
    );
  });

  it('says which containers could not be read, and why, in the notes', () => {
    const activity = empty();
    activity.unavailable.set(srv.id, { code: 'refused', detail: 'exec denied by policy' });
    activity.truncated.add(cli.id);
    const layer = observedLayer(activity, snapshot, 1_000, untranslated);
    assert.deepEqual(layer.edges, []);
    assert.equal(layer.notes.length, 2);
    assert.match(layer.notes[0]!, new RegExp(`^${srv.name}: The engine refused to run cat.*exec denied by policy`));
    assert.match(layer.notes[1]!, new RegExp(`^${cli.name}: the socket table was cut short`));
  });

  it('keeps the busiest edges when there are too many, and says how many are left out', () => {
    const activity = empty();
    for (let port = 1; port <= MAX_OBSERVED_EDGES + 7; port++)
      activity.connections.push({
        from: { kind: 'container', containerId: cli.id },
        to: { kind: 'container', containerId: srv.id },
        port,
        protocol: 'tcp',
        state: 'established',
        count: port === 3 ? 50 : 1,
      });
    const layer = observedLayer(activity, snapshot, 1_000, untranslated);
    assert.equal(layer.edges.length, MAX_OBSERVED_EDGES);
    assert.equal(layer.edges[0]?.port, 3, 'the busiest first');
    assert.deepEqual(layer.notes, [
      `7 more connections are not drawn: the layer shows the busiest ${MAX_OBSERVED_EDGES}.`,
    ]);
  });
});
