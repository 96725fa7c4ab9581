/**
 * Which containers share a network namespace (so one socket table speaks for all of them): `container:<ref>` by
 * name, full id or an id prefix of 4 or more characters, followed through chains, never through a loop; stopped
 * containers left out; the owner (not joined) first, then by name; the host namespace marked.
 */
import * as assert from 'node:assert/strict';
import { namespaceGroups } from '../../../src/diagnose/sockets';
import { container } from '../topology/fakeTopology';

const groupsOf = (...list: ReturnType<typeof container>[]) =>
  namespaceGroups(list).map((g) => `${g.host ? 'host ' : ''}${g.containerIds.join(',')}`);

describe('diagnose: containers sharing a network namespace', () => {
  it('joins by name, by full id and by an id prefix of at least 4 characters', () => {
    const owner = container('abcdef123456', 'owner');
    assert.deepEqual(
      groupsOf(
        container('z1', 'zz-by-name', { networkMode: 'container:owner' }),
        container('z2', 'by-id', { networkMode: 'container:abcdef123456' }),
        container('z3', 'by-prefix', { networkMode: 'container:abcd' }),
        container('z4', 'too-short', { networkMode: 'container:abc' }),
        container('z5', 'not-a-prefix', { networkMode: 'container:3456' }),
        owner,
      ),
      ['abcdef123456,z2,z3,z1', 'z4', 'z5'],
    );
  });

  it('follows a chain of joins to its owner and stops on a loop', () => {
    assert.deepEqual(
      groupsOf(
        container('c3', 'third', { networkMode: 'container:second' }),
        container('c2', 'second', { networkMode: 'container:first' }),
        container('c1', 'first'),
      ),
      ['c1,c2,c3'],
    );
    assert.deepEqual(
      groupsOf(
        container('l1', 'loop-a', { networkMode: 'container:loop-b' }),
        container('l2', 'loop-b', { networkMode: 'container:loop-a' }),
      ).length,
      2,
    );
    assert.deepEqual(groupsOf(container('s1', 'self', { networkMode: 'container:self' })), ['s1']);
  });

  it('follows chains of eight joins, not nine', () => {
    const chain = Array.from({ length: 10 }, (_, i) =>
      container(`k${i}`, `k${i}`, i === 0 ? {} : { networkMode: `container:k${i - 1}` }),
    );
    const groups = groupsOf(...chain);
    assert.deepEqual(groups, ['k0,k1,k2,k3,k4,k5,k6,k7,k8', 'k9']);
  });

  it('leaves stopped containers out and marks the host namespace', () => {
    assert.deepEqual(
      groupsOf(
        container('h2', 'h-b', { networkMode: 'host' }),
        container('h1', 'h-a', { networkMode: 'host' }),
        container('off', 'off', { running: false, state: 'exited' }),
        container('j', 'joins-host', { networkMode: 'container:h-a' }),
        container('p', 'plain'),
      ),
      ['host h1,h2,j', 'p'],
    );
  });
});
