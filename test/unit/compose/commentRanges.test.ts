/**
 * Where a value ends when comment lines follow it, on every parse path (the lexer path, the CST path, the composed
 * Document). A key with an empty value (`volumes:`, `driver:`, a bare `-`) ends on its own line, its trailing
 * comment included, never over the comment and blank lines below it; a collection's trailing comment lines end at
 * their last line. yaml's composer ran such ranges over those lines and into the indentation of the next line, so
 * a fix deleting the entry pulled the next key out of its block, and the paths disagreed (parseParity.test.ts,
 * seed -470773352, path "176:4:36"). The expected texts are written from the YAML of each case.
 */
import * as assert from 'node:assert/strict';
import { treeFromCst } from '../../../src/compose/model/cstTree';
import { treeFromLexer } from '../../../src/compose/model/lexTree';
import { parseCompose, type ParsePath } from '../../../src/compose/model/parseCompose';
import type { Range } from '../../../src/compose/model/types';
import { applyFix, lint } from './lintHelpers';

const PATHS: ParsePath[] = ['fastest', 'cst', 'document'];
const slice = (text: string, r: Range): string => text.slice(r[0], r[1]);

/** The service's block and the text left when its last key is deleted, the same on every path. */
function serviceOnEveryPath(text: string, name: string): { block: string; withoutLastKey: string } {
  const seen = PATHS.map((path) => {
    const service = parseCompose(text, new Map(), { path }).services.find((s) => s.name === name)!;
    const [from, to] = service.keys.at(-1)!.deleteRange;
    return { block: slice(text, service.blockRange), withoutLastKey: text.slice(0, from) + text.slice(to) };
  });
  for (const [i, s] of seen.entries()) assert.deepEqual(s, seen[0], `${PATHS[i]} path against the lexer path`);
  return seen[0];
}

describe('compose model: where a value ends when comment lines follow it, on every parse path', () => {
  it('the parity case of seed -470773352: a commented-out item at column 0 under an empty `volumes:`', () => {
    const text = [
      'services:',
      '  minecraft:',
      '    image: itzg/minecraft-server',
      '    volumes:',
      '#     - "~/minecraft_data:/data"',
      '',
    ].join('\n');
    assert.ok(treeFromLexer(text) && treeFromCst(text), 'both fast paths take the file');
    assert.deepEqual(serviceOnEveryPath(text, 'minecraft'), {
      block: 'image: itzg/minecraft-server\n    volumes:',
      withoutLastKey: 'services:\n  minecraft:\n    image: itzg/minecraft-server\n#     - "~/minecraft_data:/data"\n',
    });
  });

  it('a comment, a blank line and the next service below an empty value stay outside it', () => {
    const text = ['services:', '  a:', '    image: x', '    volumes:', '', '  # b is next', '  b:', '    image: y', ''];
    assert.deepEqual(serviceOnEveryPath(text.join('\n'), 'a'), {
      block: 'image: x\n    volumes:',
      withoutLastKey: 'services:\n  a:\n    image: x\n\n  # b is next\n  b:\n    image: y\n',
    });
  });

  it('a trailing comment on the empty value line is part of it, the lines below are not', () => {
    const text = ['services:', '  a:', '    image: x', '    volumes:  # none yet', '# the end', ''].join('\n');
    assert.ok(treeFromLexer(text), 'the lexer path takes the file');
    assert.deepEqual(serviceOnEveryPath(text, 'a'), {
      block: 'image: x\n    volumes:  # none yet\n',
      withoutLastKey: 'services:\n  a:\n    image: x\n# the end\n',
    });
  });

  it('an empty sequence item ends on its own line too', () => {
    const text = ['services:', '  a:', '    ports:', '      - ', '  # c', '  b: {}', ''].join('\n');
    assert.equal(serviceOnEveryPath(text, 'a').block, 'ports:\n      - ');
  });

  it('removing an unused network whose last key is empty keeps the comment and the next network in place', () => {
    // The tab in the comment makes both fast paths decline: the composed Document is read.
    const text = [
      'services:',
      '  web:',
      '    image: nginx',
      '    networks: [shared]',
      'networks:',
      '  unused:',
      '    driver:',
      '  # shared:\tthe one web joins',
      '  shared: {}',
      '',
    ].join('\n');
    assert.equal(treeFromCst(text), undefined);
    const fix = lint(text).find((f) => f.rule === 'unused-network')!.fixes[0];
    assert.equal(
      applyFix(text, fix),
      'services:\n  web:\n    image: nginx\n    networks: [shared]\nnetworks:\n  # shared:\tthe one web joins\n' +
        '  shared: {}\n',
    );
  });

  it('removing `networks` keeps the next key in its service: trailing comment lines end at their last line', () => {
    const text = [
      'services:',
      '  web:',
      '    network_mode: host',
      '    networks:',
      '      front:',
      '        aliases: [x]',
      '        # more aliases to come',
      '    image: nginx',
      'networks:',
      '  front: {}',
      '',
    ].join('\n');
    for (const path of PATHS) {
      const nets = parseCompose(text, new Map(), { path }).services[0].networks!.entry;
      assert.equal(
        slice(text, nets.valueRange),
        'front:\n        aliases: [x]\n        # more aliases to come\n',
        path,
      );
    }
    const fix = lint(text)
      .find((f) => f.rule === 'network-mode-with-networks')!
      .fixes.find((f) => f.title.includes('networks'))!;
    assert.equal(
      applyFix(text, fix),
      'services:\n  web:\n    network_mode: host\n    image: nginx\nnetworks:\n  front: {}\n',
    );
  });
});
