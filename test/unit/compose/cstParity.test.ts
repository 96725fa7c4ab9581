/**
 * The CST fast path (src/compose/model/cstTree.ts) against the composed-Document path: on every file it accepts,
 * yaml's composer reports no error and both paths build the same model (every range included); on the rest the
 * Document path runs, so syntax errors are the composer's own. Real files, generated compose files and mutated
 * real files (insertions of YAML punctuation, deletions, indentation changes) decide.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { treeFromCst } from '../../../src/compose/model/cstTree';
import { parseCompose } from '../../../src/compose/model/parseCompose';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus/awesome-compose');
const VALID = path.resolve(__dirname, '../../fixtures/compose/valid');
const yamlFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
const FILES = [...yamlFiles(CORPUS), ...yamlFiles(VALID), ...yamlFiles(path.join(VALID, 'override-project'))];
const TEXTS = FILES.map((f) => fs.readFileSync(f, 'utf8'));
const ENV = new Map([['A', '1']]);

/** The model as plain data, lazy deletion ranges resolved. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = plain((v as Record<string, unknown>)[k]);
  if ('deleteRange' in v) out.deleteRange = (v as { deleteRange: unknown }).deleteRange;
  return out;
}

/** Asserts the parity; returns whether the fast path took the text. */
function sameModel(text: string): boolean {
  const viaDocument = parseCompose(text, ENV, { viaDocument: true });
  const accepted = treeFromCst(text) !== undefined;
  if (accepted) {
    const errors = parseDocument(text, { merge: true, uniqueKeys: false }).errors.map((e) => e.message);
    assert.deepEqual(errors, [], `the CST path took a file the composer rejects:\n${text}`);
  }
  assert.deepEqual(plain(parseCompose(text, ENV)), plain(viaDocument), text);
  return accepted;
}

const PIECES = [' ', '  ', '\n', ':', ': ', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!', '? ', '|', '>', '---', '...', '%', '@', '`', '\\', '\r\n', '~', 'null', 'true', '1.0', '<<: ', 'é'];
const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'indent'), fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 4 }));

function mutate(text: string, edits: [number, string, string, number][]): string {
  let t = text;
  for (const [at, op, piece, n] of edits) {
    const pos = at % (t.length + 1);
    if (op === 'insert') t = t.slice(0, pos) + piece + t.slice(pos);
    else if (op === 'delete') t = t.slice(0, pos) + t.slice(pos + n);
    else {
      const ls = t.lastIndexOf('\n', pos - 1) + 1;
      t = t.slice(0, ls) + ' '.repeat(n % 3) + t.slice(ls);
    }
  }
  return t;
}

describe('compose parse: the CST path matches the composed Document', function () {
  this.timeout(120_000);

  it('takes the real-world files and builds the same model from them', () => {
    const declined = FILES.filter((_f, i) => !sameModel(TEXTS[i])).map((f) => path.basename(f));
    // anchors.yaml uses anchors and merge keys: the composer handles those.
    assert.deepEqual(declined, ['anchors.yaml']);
  });

  it('declines what it does not prove clean, and the Document path reports the composer errors', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\n\tb: 1\n', '--- a: 1\n', 'a: 1\n---\nb: 2\n', 'a: [1,\n  2]\n', '1.0: x\n', 'a: b: c\n', 'a:\n  - b\n  c: d\n']) {
      assert.equal(treeFromCst(text), undefined, text);
      sameModel(text);
    }
    assert.deepEqual(parseCompose('services:\n  a: [x\n', ENV).syntaxErrors.map((e) => e.message), parseDocument('services:\n  a: [x\n', { prettyErrors: false }).errors.map((e) => e.message.split('\n')[0]));
  });

  it('builds the same model from generated compose files (block and flow styles, quoting)', () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('10.0.0.0/8', '${A}', '80:80', 'a b', '#x', 'x: y', '- z'));
    const doc = fc.dictionary(fc.constantFrom('services', 'networks', 'name', 'x-a'), fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 3 }))));
    const options = fc.record({ flowLevel: fc.integer({ min: 0, max: 3 }), defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'), indent: fc.integer({ min: 1, max: 4 }) } as const);
    let taken = 0;
    fc.assert(fc.property(doc, options, (d, o) => void (taken += sameModel(stringify(d, o)) ? 1 : 0)), { numRuns: 200 });
    assert.ok(taken > 100, `the CST path took only ${taken} of 200`);
  });

  it('builds the same model, or declines, on mutated real files', () => {
    let taken = 0;
    const mutated = fc.property(fc.nat(TEXTS.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (i, edits) => {
      taken += sameModel(mutate(TEXTS[i], edits)) ? 1 : 0;
    });
    fc.assert(mutated, { numRuns: 600 });
    assert.ok(taken > 120, `the CST path took only ${taken} of 600`);
  });
});
