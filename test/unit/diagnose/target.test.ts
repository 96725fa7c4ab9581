import * as assert from 'node:assert/strict';
import { findTargetContainer, parseTargetText } from '../../../src/diagnose/reachability/target';
import { id, listed, snapshot } from './reachFixture';
import { edited } from './reachVariants';

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
    ['db:', { host: 'db' }],
    ['db:1', { host: 'db', port: 1 }],
    ['db:65535', { host: 'db', port: 65535 }],
    ['[fd00::3]', { host: 'fd00::3' }],
    ['https://[fd00::3]/', { host: 'fd00::3', port: 443 }],
    ['http://[fd00::3', undefined],
    ['[fd00::3]:0', undefined],
    ['[fff]:80', undefined],
    ['x[fd00::3]:80', undefined],
    ['[fd00::3]:80x', undefined],
    ['db:0x50', undefined],
    ['db:8e1', undefined],
    ['db: 80', undefined],
    ['a:1:2', undefined],
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
    assert.equal(find(id('db').slice(0, 3)), undefined, 'an id prefix needs 4 characters');
    assert.equal(find('10.9.9.9'), undefined);
    assert.equal(find('example.org'), undefined);
  });

  it('finds the container by a network alias the listing carries (API 1.44), also as alias.network', () => {
    const withAlias = edited((json) => {
      listed(json, 'web').NetworkSettings!.Networks!['dne-reach-front'].Aliases = ['www'];
    });
    const find = (host: string) => findTargetContainer(withAlias.snapshot, host)?.matchedBy;
    assert.equal(find('WWW'), 'alias');
    assert.equal(find('www.dne-reach-front'), 'alias');
    assert.equal(find('www.dne-reach-back'), undefined);
  });

  it('an id prefix two containers share names neither', () => {
    const prefix = id('db').slice(0, 6);
    const twins = edited((json) => (listed(json, 'b1').Id = prefix + id('b1').slice(6)));
    assert.equal(findTargetContainer(twins.snapshot, prefix), undefined);
    assert.equal(findTargetContainer(twins.snapshot, id('db').slice(0, 7))?.container.name, 'dne-reach-db');
  });
});
