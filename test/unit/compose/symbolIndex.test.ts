import * as assert from 'node:assert/strict';
import { parseCompose } from '../../../src/compose/model/parseCompose';
import { buildSymbolIndex } from '../../../src/compose/symbolIndex';
import { siblingFiles, buildProjectContext } from '../../../src/compose/project';

const text = [
  'x-nets: &nets',
  '  networks: ["back"]',
  'services:',
  '  a:',
  '    <<: *nets',
  '  b:',
  '    <<: *nets',
  '  c:',
  '    networks:',
  '      front:',
  '        ipv4_address: 10.0.0.2',
  'networks:',
  '  front:',
  '    name: public_front',
  '  back: {}',
  '  proxy:',
  '    external: true',
  '',
].join('\n');

describe('compose symbol index (language features)', () => {
  const index = buildSymbolIndex(parseCompose(text, new Map()), 'demo');
  const at = (r: readonly [number, number]) => text.slice(r[0], r[1]);

  it('lists each written reference once, without quotes, even when merged into several services', () => {
    assert.deepEqual(
      index.references.map((r) => [r.name, at(r.nameRange), r.service]),
      [
        ['back', 'back', 'a'],
        ['front', 'front', 'c'],
      ],
    );
  });

  it('knows declarations and their engine names', () => {
    assert.deepEqual(
      index.declarations.map((d) => [d.name, at(d.nameRange), d.engineName, d.external]),
      [
        ['front', 'front', 'public_front', false],
        ['back', 'back', 'demo_back', false],
        ['proxy', 'proxy', 'proxy', true],
      ],
    );
    assert.match(at(index.declarations[0].declRange), /^front:\n {4}name: public_front/);
  });

  it('marks where network names are completed', () => {
    const inService = text.indexOf('front:') + 1;
    assert.ok(index.serviceNetworkBlocks.some((r) => inService >= r[0] && inService <= r[1]));
    const inTop = text.indexOf('proxy');
    assert.ok(index.networksBlock && inTop >= index.networksBlock[0] && inTop <= index.networksBlock[1]);
  });
});

describe('compose project files', () => {
  it('pairs base files with their overrides and variants with their base', () => {
    assert.ok(siblingFiles('/p/compose.yaml').includes('/p/compose.override.yaml'));
    assert.ok(siblingFiles('/p/docker-compose.prod.yml').includes('/p/docker-compose.yml'));
    assert.deepEqual(siblingFiles('/p/stack.yml'), []);
  });

  it('takes the project name from name:, then COMPOSE_PROJECT_NAME in .env, then the folder', () => {
    const files: Record<string, string> = { '/p/My App/.env': 'COMPOSE_PROJECT_NAME=From.Env\n' };
    const read = (f: string) => files[f];
    assert.equal(
      buildProjectContext('/p/My App/compose.yaml', parseCompose('name: x1\n', new Map()), read).projectName,
      'x1',
    );
    assert.equal(
      buildProjectContext('/p/My App/compose.yaml', parseCompose('services: {}\n', new Map()), read).projectName,
      'fromenv',
    );
    assert.equal(
      buildProjectContext('/q/My App/compose.yaml', parseCompose('services: {}\n', new Map()), read).projectName,
      'myapp',
    );
  });
});
