/**
 * The network traits the reachability analyzer and its fixes rest on, one per driver and flag: inter-container
 * traffic switched off (bridges only), macvlan-like drivers, which networks a container can be connected to at
 * runtime (never host, none, ingress, config-only or a non-attachable swarm network), and which route to the host.
 */
import * as assert from 'node:assert/strict';
import {
  acceptsConnections,
  isIccDisabled,
  isMacvlanLike,
  routesToHost,
} from '../../../src/diagnose/reachability/context';
import { network } from '../topology/fakeTopology';

const ICC_OFF = { options: { 'com.docker.network.bridge.enable_icc': 'false' } };

describe('diagnose: network traits', () => {
  it('inter-container traffic is off only on a bridge that says so', () => {
    assert.equal(isIccDisabled(network('a', 'a', ICC_OFF)), true);
    assert.equal(isIccDisabled(network('b', 'b', { ...ICC_OFF, driver: 'overlay' })), false);
    assert.equal(
      isIccDisabled(network('c', 'c', { options: { 'com.docker.network.bridge.enable_icc': 'true' } })),
      false,
    );
    assert.equal(isIccDisabled(network('d', 'd')), false);
  });

  it('macvlan and ipvlan are macvlan-like; bridge and overlay are not', () => {
    const like = ['macvlan', 'ipvlan', 'bridge', 'overlay'].map((driver) =>
      isMacvlanLike(network(driver, driver, { driver })),
    );
    assert.deepEqual(like, [true, true, false, false]);
  });

  it('accepts connections on user networks and attachable swarm ones only', () => {
    const cases: Array<[string, Parameters<typeof network>[2], boolean]> = [
      ['user bridge', {}, true],
      ['default bridge', { builtIn: true }, true],
      ['host', { builtIn: true, driver: 'host' }, false],
      ['none', { builtIn: true, driver: 'null' }, false],
      ['a user network of a host-like plugin', { driver: 'host' }, true],
      ['ingress', { driver: 'overlay', scope: 'swarm', ingress: true, attachable: true }, false],
      ['config-only', { configOnly: true }, false],
      ['swarm overlay, not attachable', { driver: 'overlay', scope: 'swarm' }, false],
      ['swarm overlay, attachable', { driver: 'overlay', scope: 'swarm', attachable: true }, true],
      ['global scope, not attachable', { scope: 'global' }, true],
    ];
    assert.deepEqual(
      cases.map(([title, extra]) => [title, acceptsConnections(network('n', 'n', extra))]),
      cases.map(([title, , expected]) => [title, expected]),
    );
  });

  it('routes to the host: non-internal bridges only', () => {
    assert.equal(routesToHost(network('a', 'a')), true);
    assert.equal(routesToHost(network('b', 'b', { internal: true })), false);
    assert.equal(routesToHost(network('c', 'c', { driver: 'overlay' })), false);
  });
});
