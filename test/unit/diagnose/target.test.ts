import * as assert from 'node:assert/strict';
import { findTargetContainer, parseTargetText } from '../../../src/diagnose/reachability/target';
import { id, snapshot } from './reachFixture';

describe('typed targets', () => {
  const table: Array<[string, ReturnType<typeof parseTargetText>]> = [
    ['db', { host: 'db' }],
    ['  db:5432 ', { host: 'db', port: 5432 }],
    ['172.18.0.3', { host: '172.18.0.3' }],
    ['172.18.0.3:80', { host: '172.18.0.3', port: 80 }],
    ['fd00::3', { host: 'fd00::3' }],
    ['[fd00::3]:8080', { host: 'fd00::3', port: 8080 }],
    ['postgres://user:pw@db:5432/app', { host: 'db', port: 5432 }],
    ['http://web/health', { host: 'web', port: 80 }],
    ['db:0', undefined],
    ['db:70000', undefined],
    ['db:http', undefined],
    ['<img src=x>', undefined],
    ['two words', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of table) {
    it(`parses ${JSON.stringify(text)}`, () => assert.deepEqual(parseTargetText(text), expected));
  }

  it('finds the container by name, name.network, address, unique id prefix and compose service', () => {
    const find = (host: string) => {
      const found = findTargetContainer(snapshot, host);
      return found && [found.container.name, found.matchedBy];
    };
    assert.deepEqual(find('dne-reach-web'), ['dne-reach-web', 'name']);
    assert.deepEqual(find('DNE-REACH-WEB.'), ['dne-reach-web', 'name']);
    assert.deepEqual(find('dne-reach-db.dne-reach-back'), ['dne-reach-db', 'name']);
    assert.deepEqual(find('172.30.61.3'), ['dne-reach-db', 'address']);
    assert.deepEqual(find(id('db').slice(0, 8)), ['dne-reach-db', 'id']);
    assert.deepEqual(find('frontend'), ['dne-reach-web', 'service']);
    assert.equal(find('10.9.9.9'), undefined);
    assert.equal(find('example.org'), undefined);
  });
});
