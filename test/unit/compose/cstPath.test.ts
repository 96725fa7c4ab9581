/**
 * The CST fast path (src/compose/model/cstTree.ts treeFromCst) and the composed-Document conversion
 * (src/compose/model/lightTree.ts treeFromDocument) on small texts, one shape each. For a shape the CST path must
 * take, the light tree is written out (values and [start, end] ranges counted on the text); for a shape yaml's
 * composer rejects, or one the path would read differently from the composer, the path must decline (undefined)
 * so the composer decides. parseParity.test.ts compares the paths on generated files; these examples pin the
 * shapes its sampled cases may not reach (issue 14, mutation testing).
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { treeFromCst } from '../../../src/compose/model/cstTree';
import { treeFromDocument, type LightTree } from '../../../src/compose/model/lightTree';

type Plain = Record<string, unknown>;

/** A scalar as the light tree holds it (no `text` for null). */
const s = (from: number, to: number, text?: string): Plain =>
  text === undefined ? { kind: 'scalar', range: [from, to] } : { kind: 'scalar', range: [from, to], text };
const pair = (keyNode: Plain, value: Plain | null): Plain => ({ key: keyNode.text, keyNode, value });
const map = (from: number, to: number, ...items: Plain[]): Plain => ({
  kind: 'map',
  range: [from, to],
  items,
  flow: false,
});
const flowMap = (from: number, to: number, ...items: Plain[]): Plain => ({ ...map(from, to, ...items), flow: true });
const seq = (from: number, to: number, ...items: Plain[]): Plain => ({ kind: 'seq', range: [from, to], items });

/** The tree as plain data: properties holding undefined left out, the anchor index as [name, nodes] entries. */
function plain(tree: LightTree | undefined): unknown {
  if (tree === undefined) return undefined;
  return JSON.parse(JSON.stringify(tree, (_k, v: unknown) => (v instanceof Map ? [...v] : v)));
}

function composerErrors(text: string): string[] {
  return parseDocument(text, { merge: true, uniqueKeys: false }).errors.map((e) => e.code);
}

function viaDocument(text: string): unknown {
  return plain(treeFromDocument(parseDocument(text, { merge: true, uniqueKeys: false }), text));
}

/** The CST path takes the text and builds `root`; the composer accepts it and its conversion builds the same. */
function takes(text: string, root: Plain | null): void {
  assert.deepEqual(composerErrors(text), [], 'the composer accepts the text');
  assert.deepEqual(plain(treeFromCst(text)), { root, anchors: [] }, 'CST path');
  assert.deepEqual(viaDocument(text), { root, anchors: [] }, 'Document path');
}

describe('compose model: the CST fast path, shape by shape', () => {
  describe('shapes it takes, with the composer’s values and ranges', () => {
    it('an empty value starts after the spaces that follow its colon', () => {
      takes('a:   \nb: 1\n', map(0, 11, pair(s(0, 1, 'a'), s(5, 5)), pair(s(6, 7, 'b'), s(9, 10, '1'))));
    });

    it('booleans in lower case, `~` as null', () => {
      takes('a: True\nb: ~\n', map(0, 13, pair(s(0, 1, 'a'), s(3, 7, 'true')), pair(s(8, 9, 'b'), s(11, 12))));
    });

    it('a merge key with a flow map', () => {
      const text = '<<: {a: 1}\n';
      const root = map(0, 11, pair(s(0, 2, '<<'), flowMap(4, 10, pair(s(5, 6, 'a'), s(8, 9, '1')))));
      assert.deepEqual(plain(treeFromCst(text)), { root, anchors: [] });
      assert.deepEqual(composerErrors(text), []);
    });

    it('a block sequence under a key, on the next line', () => {
      takes('a:\n  - b\n', map(0, 9, pair(s(0, 1, 'a'), seq(5, 9, s(7, 8, 'b')))));
    });

    it('a literal block scalar: its text keeps the line break, its range the last line', () => {
      takes('a: |\n  x\n', map(0, 9, pair(s(0, 1, 'a'), s(3, 9, 'x\n'))));
    });

    it('a flow map holding a flow sequence, a comment after it', () => {
      const b = pair(s(7, 8, 'b'), seq(10, 13, s(11, 12, 'c')));
      takes('{a: 1, b: [c]} # d\n', flowMap(0, 14, pair(s(1, 2, 'a'), s(4, 5, '1')), b));
    });

    it('a flow sequence at the root with a comment after it', () => {
      takes('[a] #c\n', seq(0, 3, s(1, 2, 'a')));
    });

    it('a quoted key with a space before its colon', () => {
      takes('"a" : 1\n', map(0, 8, pair(s(0, 3, 'a'), s(6, 7, '1'))));
    });

    it('a comment line between two items, left of their indentation', () => {
      takes('x:\n  - a\n # c\n  - b\n', map(0, 20, pair(s(0, 1, 'x'), seq(5, 20, s(7, 8, 'a'), s(18, 19, 'b')))));
      const inner = map(5, 22, pair(s(5, 6, 'a'), s(8, 9, '1')), pair(s(17, 18, 'b'), s(20, 21, '2')));
      takes('x:\n  a: 1\n # c\n  b: 2\n', map(0, 22, pair(s(0, 1, 'x'), inner)));
    });

    it('a comment line after a nested block, before the next key', () => {
      const a = pair(s(0, 1, 'a'), map(5, 10, pair(s(5, 6, 'b'), s(8, 9, '1'))));
      takes('a:\n  b: 1\n  # c\nd: 2\n', map(0, 21, a, pair(s(16, 17, 'd'), s(19, 20, '2'))));
      takes('- a\n# c\n- b\n', seq(0, 12, s(2, 3, 'a'), s(10, 11, 'b')));
      const inner = map(5, 21, pair(s(5, 6, 'a'), s(8, 9, '1')), pair(s(16, 17, 'b'), s(19, 20, '2')));
      takes('x:\n  a: 1\n# c\n  b: 2\n', map(0, 21, pair(s(0, 1, 'x'), inner)));
    });

    it('a document start marker alone on its line, or followed by a comment', () => {
      takes('---\na: 1\n', map(4, 9, pair(s(4, 5, 'a'), s(7, 8, '1'))));
      takes('--- #c\na: 1\n', map(7, 12, pair(s(7, 8, 'a'), s(10, 11, '1'))));
    });

    it('a sequence in a sequence on one line', () => {
      takes('- - a\n', seq(0, 6, seq(2, 6, s(4, 5, 'a'))));
    });

    it('a file of comments only has no root', () => {
      takes('# only\n', null);
    });
  });

  describe('shapes the composer rejects: the CST path declines, the composer reports them', () => {
    const rejected: [string, string][] = [
      ['a comment glued to a flow sequence', 'a: [b]#c\n'],
      ['a key without a colon', 'a: 1\nb\n'],
      ['a block map on its key’s line', 'a: b: c\n'],
      ['a flow sequence going on at a lower indentation', 'x: [b\nc]\n'],
      ['text after a closing bracket', 'a: [b] c\n'],
      ['a second document', 'a: 1\n---\nb: 2\n'],
      ['a block map on the `---` line', '--- a: 1\n'],
      ['text after the document end marker', 'a: 1\n... x\n'],
      ['a comment glued to the document end marker', 'a: 1\n...#c\n'],
      ['two commas in a row', '[a,, b]\n'],
      ['a quoted key over two lines', '"a\n b": 1\n'],
      ['an implicit key longer than 1024 characters', `${'k'.repeat(1100)}: 1\n`],
      ['a tab as indentation', 'a:\n\tb: 1\n'],
      ['text glued to a quoted key', '"a"x: 1\n'],
    ];
    for (const [name, text] of rejected) {
      it(name, () => {
        assert.notDeepEqual(composerErrors(text), [], 'the composer rejects the text');
        assert.equal(treeFromCst(text), undefined);
      });
    }
  });

  describe('shapes the composer reads otherwise: the CST path declines, the composer builds the tree', () => {
    const emptyKey = (at: number, value: Plain): Plain => ({ keyNode: s(at, at), value });
    const cases: [string, string, Plain, [string, Plain[]][]?][] = [
      [
        'a number-like key (`1.0` is the key "1")',
        '1.0: a\n',
        map(0, 7, { ...pair(s(0, 3, '1.0'), s(5, 6, 'a')), key: '1' }),
      ],
      [
        'a pair inside a flow sequence (a one-pair map)',
        '[a: 1]\n',
        seq(0, 6, flowMap(1, 5, pair(s(1, 2, 'a'), s(4, 5, '1')))),
      ],
      [
        'an empty key in a flow sequence (a one-pair map)',
        '[: 1]\n',
        seq(0, 5, flowMap(1, 4, emptyKey(1, s(3, 4, '1')))),
      ],
      ['a flow map key without a value (`a: null`)', '{a}\n', flowMap(0, 3, pair(s(1, 2, 'a'), null))],
      [
        'an empty key (a null key)',
        'a: 1\n: b\n',
        map(0, 9, pair(s(0, 1, 'a'), s(3, 4, '1')), emptyKey(5, s(7, 8, 'b'))),
      ],
      [
        'an empty key with an empty value (null to null)',
        'a: 1\n:\n',
        map(0, 6, pair(s(0, 1, 'a'), s(3, 4, '1')), emptyKey(5, s(6, 6))),
      ],
      [
        'a colon on the line below its key (the key is the value above)',
        'x:\n  a\n  : 1\n',
        map(0, 13, pair(s(0, 1, 'x'), s(5, 6, 'a')), emptyKey(7, s(11, 12, '1'))),
      ],
    ];
    const anchored = { ...map(7, 12, pair(s(7, 8, 'b'), s(10, 11, '1'))), anchor: 'a' };
    cases.push([
      'an anchor on the `---` line (the root map anchored)',
      '--- &a\nb: 1\n',
      anchored,
      [['a', [anchored]]],
    ]);
    for (const [name, text, root, anchors = []] of cases) {
      it(name, () => {
        assert.equal(treeFromCst(text), undefined);
        assert.deepEqual(composerErrors(text), [], 'the composer accepts the text');
        assert.deepEqual(viaDocument(text), { root, anchors });
      });
    }
  });
});

describe('compose model: the composed-Document conversion, shape by shape', () => {
  it('numbers as written, null as no text', () => {
    const root = map(
      0,
      28,
      pair(s(0, 1, 'a'), s(3, 6, '1.0')),
      pair(s(7, 8, 'b'), s(10, 14, '0x1F')),
      pair(s(15, 16, 'c'), s(18, 22)),
      pair(s(23, 24, 'd'), s(26, 27, '7')),
    );
    assert.deepEqual(viaDocument('a: 1.0\nb: 0x1F\nc: null\nd: 7\n'), { root, anchors: [] });
  });

  it('anchors of a scalar, a map and a sequence, indexed by name; an alias keeps its source', () => {
    const text = 'a: &x 1\nb: *x\nc: &m {d: 2}\ne: &s [f]\n';
    const one = { ...s(6, 7, '1'), anchor: 'x' };
    const m = { ...flowMap(20, 26, pair(s(21, 22, 'd'), s(24, 25, '2'))), anchor: 'm' };
    const sq = { ...seq(33, 36, s(34, 35, 'f')), anchor: 's' };
    const root = map(
      0,
      37,
      pair(s(0, 1, 'a'), one),
      pair(s(8, 9, 'b'), { kind: 'alias', range: [11, 13], source: 'x' }),
      pair(s(14, 15, 'c'), m),
      pair(s(27, 28, 'e'), sq),
    );
    assert.deepEqual(viaDocument(text), {
      root,
      anchors: [
        ['x', [one]],
        ['m', [m]],
        ['s', [sq]],
      ],
    });
  });

  it('a merge key reads `<<`', () => {
    const text = 'x: &x {a: 1}\ny:\n  <<: *x\n';
    const tree = treeFromDocument(parseDocument(text, { merge: true, uniqueKeys: false }), text);
    const y = tree.root?.kind === 'map' ? tree.root.items[1].value : null;
    assert.equal(y?.kind === 'map' ? y.items[0].key : 'not a map', '<<');
  });

  it('a key left out in a flow map has a null value', () => {
    assert.deepEqual(viaDocument('{a}\n'), { root: flowMap(0, 3, pair(s(1, 2, 'a'), null)), anchors: [] });
  });

  it('a block scalar does not clip the map it ends', () => {
    assert.deepEqual(viaDocument('a: |\n  x\n  y\n'), {
      root: map(0, 13, pair(s(0, 1, 'a'), s(3, 13, 'x\ny\n'))),
      anchors: [],
    });
  });
});
