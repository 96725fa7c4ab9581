/**
 * What the connectivity report says about the target port, fact by fact: listening (on which addresses),
 * loopback only, not listening, or unknown (no socket table) with "exposed" when the image or a port mapping
 * declares it; and the host bindings of a port, loopback ones last, written as the user types them.
 */
import * as assert from 'node:assert/strict';
import { bindingText, listeningFact, publishedBindings } from '../../../src/diagnose/reachability/ports';
import type { EngineContainerDetails } from '../../../src/engine/records';
import { container } from '../topology/fakeTopology';

const web = container('cw', 'web', {
  ports: [
    { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    { hostPort: 5353, containerPort: 53, protocol: 'udp' },
    { containerPort: 443, protocol: 'tcp' },
    { hostIp: '0.0.0.0', hostPort: 9090, containerPort: 90, protocol: 'udp' },
  ],
});
const tcp = (port: number, address: string) => ({ port, protocol: 'tcp' as const, address });
const field = '/proc/net/tcp, /proc/net/tcp6';
/** The expected result: one fact about web's TCP port, written out. */
const oneFact = (state: string, code: string, status: string, params: Record<string, unknown>) => ({
  state,
  facts: [{ code, status, field, subject: 'web', params }],
});

describe('diagnose: the target port', () => {
  it('listening: the non-loopback addresses, comma-separated', () =>
    assert.deepEqual(
      listeningFact(web, 80, 'tcp', [tcp(80, '127.0.0.1'), tcp(80, '0.0.0.0'), tcp(80, '::')], undefined),
      oneFact('listening', 'listening', 'ok', { port: 80, protocol: 'tcp', addresses: '0.0.0.0, ::' }),
    ));

  it('loopback only: every loopback address named', () =>
    assert.deepEqual(
      listeningFact(web, 80, 'tcp', [tcp(80, '127.0.0.1'), tcp(80, '::1'), tcp(81, '0.0.0.0')], undefined),
      oneFact('loopbackOnly', 'listeningLoopbackOnly', 'problem', {
        port: 80,
        protocol: 'tcp',
        addresses: '127.0.0.1, ::1',
      }),
    ));

  it('not listening: a socket on the same port of the other protocol does not count', () =>
    assert.deepEqual(listeningFact(web, 53, 'tcp', [{ port: 53, protocol: 'udp', address: '0.0.0.0' }], undefined), {
      state: 'closed',
      facts: [
        { code: 'notListening', status: 'problem', field, subject: 'web', params: { port: 53, protocol: 'tcp' } },
      ],
    }));

  it('unknown without a socket table; exposed when the image declares the port or a mapping names it', () => {
    const unknown = (port: number, protocol: 'tcp' | 'udp', details?: EngineContainerDetails) =>
      listeningFact(web, port, protocol, undefined, details).facts.map((f) => `${f.code} ${f.status} ${f.field}`);
    const listeningUnknown = 'listeningUnknown info /proc/net/udp, /proc/net/udp6';
    assert.deepEqual(unknown(53, 'udp'), [listeningUnknown, 'exposedPort info Config.ExposedPorts']);
    assert.deepEqual(unknown(80, 'udp'), [listeningUnknown]);
    assert.deepEqual(unknown(7000, 'udp', { Id: 'cw', Config: { ExposedPorts: { '7000/udp': {} } } }), [
      listeningUnknown,
      'exposedPort info Config.ExposedPorts',
    ]);
    assert.deepEqual(unknown(7000, 'udp', { Id: 'cw', Config: { ExposedPorts: { '7000/tcp': {} } } }), [
      listeningUnknown,
    ]);
    assert.deepEqual(unknown(7000, 'udp', { Id: 'cw' }), [listeningUnknown]);
    assert.deepEqual(
      listeningFact(web, 53, 'udp', undefined, undefined).facts.map((f) => [f.subject, f.params]),
      [
        ['web', { container: 'web', port: 53, protocol: 'udp' }],
        ['web', { port: 53, protocol: 'udp' }],
      ],
    );
  });

  it('host bindings of a port, loopback last, as the user types them', () => {
    assert.deepEqual(publishedBindings(web, 80, 'tcp').map(bindingText), ['[::]:8080', '127.0.0.1:8080']);
    assert.deepEqual(publishedBindings(web, 53, 'udp').map(bindingText), ['0.0.0.0:5353']);
    assert.deepEqual(publishedBindings(web, 443, 'tcp'), []);
    assert.deepEqual(publishedBindings(web, 90, 'tcp'), []);
  });
});
