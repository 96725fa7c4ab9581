/**
 * The quick fixes' text edits, applied to files written in different styles: the file's own indentation (four
 * spaces), a `networks:` section that is missing, empty, `{}` or in flow style, a last line without a newline,
 * sequence items, and a service's networks as a block list, block map, flow list, flow map or with CRLF lines.
 * Each case asserts the whole file after the edit, as the user sees it.
 */
import * as assert from 'node:assert/strict';
import { parseCompose } from '../../../src/compose/model/parseCompose';
import type { TextEdit } from '../../../src/compose/rules/types';
import {
  appendToBlock,
  declareNetwork,
  indentUnit,
  insertBeforeKey,
  joinNetworkEdit,
} from '../../../src/compose/rules/edits';

const model = (text: string) => parseCompose(text, new Map());
const apply = (text: string, edit: TextEdit | undefined): string | undefined =>
  edit && text.slice(0, edit.range[0]) + edit.newText + text.slice(edit.range[1]);
const declared = (text: string) => apply(text, declareNetwork(model(text), 'extra'));
const joined = (text: string) => {
  const m = model(text);
  return apply(text, joinNetworkEdit(m, m.services[0], 'extra'));
};

describe('compose fixes: declaring a network', () => {
  it('adds a networks section, after a missing final newline, in the file’s indentation', () => {
    assert.equal(
      declared('services:\n    web:\n        image: x'),
      'services:\n    web:\n        image: x\n\nnetworks:\n    extra: {}\n',
    );
    assert.equal(
      declared('services:\n  web:\n    image: x\n'),
      'services:\n  web:\n    image: x\n\nnetworks:\n  extra: {}\n',
    );
  });

  it('fills an empty or {} networks section, keeping a comment-free line', () => {
    assert.equal(declared('services: {}\nnetworks:\n'), 'services: {}\nnetworks:\n  extra: {}\n');
    assert.equal(declared('services: {}\nnetworks: {}'), 'services: {}\nnetworks:\n  extra: {}');
    assert.equal(declared('services: {}\nnetworks: { }  # none yet\n'), 'services: {}\nnetworks:\n  extra: {}\n');
    assert.equal(declared('services: {}\nnetworks: [a]\n'), undefined);
  });

  it('appends after the last network, at its indentation, with or without a final newline', () => {
    assert.equal(
      declared('networks:\n    a: {}\n    b:\n        driver: bridge\n'),
      'networks:\n    a: {}\n    b:\n        driver: bridge\n    extra: {}\n',
    );
    assert.equal(declared('networks:\n  a: {}'), 'networks:\n  a: {}\n  extra: {}');
  });
});

describe('compose fixes: indentation and insertions', () => {
  it('reads the indentation unit from the first service or network, two spaces otherwise', () => {
    assert.equal(indentUnit(model('services:\n    web:\n        image: x\n')), 4);
    assert.equal(indentUnit(model('networks:\n   a: {}\n')), 3);
    assert.equal(indentUnit(model('name: x\n')), 2);
    assert.equal(indentUnit(model('services: {web: {image: x}}\n')), 2);
  });

  it('inserts a key before the first key of a block mapping or sequence item; never in flow style', () => {
    const block = 'ports:\n  - target: 80\n    published: 8080\nx:\n    a: 1\n';
    const dash = block.indexOf('target');
    assert.equal(
      apply(block, insertBeforeKey(block, dash, 'host_ip: 127.0.0.1')),
      'ports:\n  - host_ip: 127.0.0.1\n    target: 80\n    published: 8080\nx:\n    a: 1\n',
    );
    const a = block.indexOf('a: 1');
    assert.equal(
      apply(block, insertBeforeKey(block, a, 'b: 2')),
      'ports:\n  - target: 80\n    published: 8080\nx:\n    b: 2\n    a: 1\n',
    );
    const spaced = 'ports:\n  -   target: 80\n';
    assert.equal(
      apply(spaced, insertBeforeKey(spaced, spaced.indexOf('target'), 'mode: host')),
      'ports:\n  -   mode: host\n      target: 80\n',
    );
    const flow = 'p: {target: 80}\n';
    assert.equal(insertBeforeKey(flow, flow.indexOf('target'), 'x: 1'), undefined);
    const nested = 'a: - target: 80\n';
    assert.equal(insertBeforeKey(nested, nested.indexOf('target'), 'x: 1'), undefined);
  });

  it('appends a line at the end of a block, starting a new line when needed', () => {
    assert.equal(apply('a:\n  b: 1\n', appendToBlock('a:\n  b: 1\n', 10, 2, 'c: 2')), 'a:\n  b: 1\n  c: 2\n');
    assert.equal(apply('a:\n  b: 1', appendToBlock('a:\n  b: 1', 9, 2, 'c: 2')), 'a:\n  b: 1\n  c: 2');
    assert.equal(apply('', appendToBlock('', 0, 0, 'c: 2')), 'c: 2\n');
  });
});

describe('compose fixes: joining a service to a network', () => {
  it('adds to a block list or map at the entries’ indentation', () => {
    assert.equal(
      joined('services:\n  web:\n    networks:\n      - a\n      - b\n    image: x\n'),
      'services:\n  web:\n    networks:\n      - a\n      - b\n      - extra\n    image: x\n',
    );
    assert.equal(
      joined('services:\n  web:\n    networks:\n        a:\n          aliases: [w]\n'),
      'services:\n  web:\n    networks:\n        a:\n          aliases: [w]\n        extra: {}\n',
    );
    assert.equal(
      joined('services:\n  web:\n    networks:\n      - a'),
      'services:\n  web:\n    networks:\n      - a\n      - extra',
    );
  });

  // The inserted line break is a bare \n: the entry before it ends with \n, the new one takes the \r\n.
  it('inserts before a CRLF line end, never between its \\r and \\n', () =>
    assert.equal(
      joined('services:\r\n  web:\r\n    networks:\r\n      - a\r\n    image: x\r\n'),
      'services:\r\n  web:\r\n    networks:\r\n      - a\n      - extra\r\n    image: x\r\n',
    ));

  it('adds to a flow list or map before its closing bracket', () => {
    assert.equal(
      joined('services:\n  web:\n    networks: [a, b]\n'),
      'services:\n  web:\n    networks: [a, b, extra]\n',
    );
    assert.equal(
      joined('services:\n  web:\n    networks: {a: {}}\n'),
      'services:\n  web:\n    networks: {a: {}, extra: {}}\n',
    );
  });

  it('offers nothing when the service writes no networks of its own', () => {
    assert.equal(joined('services:\n  web:\n    image: x\n'), undefined);
    assert.equal(joined('services:\n  web:\n    networks: []\n'), undefined);
  });
});
