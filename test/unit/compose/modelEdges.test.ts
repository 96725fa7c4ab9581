/**
 * The compose model's edge cases, each as the user meets it: a .env value's quotes and comments, a port's range
 * bounds in the malformed-port message, the line and column a finding is shown at, the lines a quick fix deletes,
 * and the address memo giving the same answers as a fresh parse.
 */
import * as assert from 'node:assert/strict';
import { interpolate, parseDotEnv } from '../../../src/compose/model/interpolate';
import {
  canonicalIpMemo,
  clearIpMemo,
  ipFamilyMemo,
  isValidIpMemo,
  parseIpMemo,
} from '../../../src/compose/model/ipMemo';
import { LineIndex } from '../../../src/compose/model/lineIndex';
import { parseLongPort, parseShortPort } from '../../../src/compose/model/ports';
import { lineStart, nextLineStart, wholeLines } from '../../../src/compose/model/textRanges';

const portError = (text: string): string => {
  const r = parseShortPort(text);
  return 'error' in r ? r.error : '';
};

describe('compose .env files: quotes, comments, spacing', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['a quote on the left only is kept', 'A="abc', '"abc'],
    ['a quote on the right only is kept', 'A=abc"', 'abc"'],
    ['a single quote on the left only is kept', "A='abc", "'abc"],
    ['a single quote on the right only is kept', "A=abc'", "abc'"],
    ['a lone double quote is the value', 'A="', '"'],
    ['a lone single quote is the value', "A='", "'"],
    ['empty double quotes give an empty value', 'A=""', ''],
    ['empty single quotes give an empty value', "A=''", ''],
    ['a comment after several blanks is dropped', 'A=x   # note', 'x'],
    ['a comment ending with # is dropped, the line kept', 'A=x #', 'x'],
    ['an indented line with trailing blanks', '   A=1   ', '1'],
    ['blanks around =', 'A = 1', '1'],
    ['export followed by several blanks', 'export   A=1', '1'],
    ['a name starting with a digit is not a variable', '1A=2', undefined],
  ];
  for (const [title, line, value] of cases) {
    it(`${title}: ${line}`, () => {
      const env = parseDotEnv(`${line}\n`);
      assert.equal(env.get('A'), value);
      if (value === undefined) assert.equal(env.size, 0);
    });
  }
});

describe('compose interpolation: malformed braces', () => {
  const env = new Map([['SET', 'v']]);
  it('keeps an unclosed ${ as written, after the text before it', () =>
    assert.deepEqual(interpolate('a${SET', env), { value: 'a${SET', unresolved: true }));
  it('does not read an operator that follows other characters', () =>
    assert.deepEqual(interpolate('${SET%-d}', env), { value: '', unresolved: true }));
});

describe('compose ports: range bounds in the malformed-port message', () => {
  const cases: Array<[string, string]> = [
    ['0-80', 'container port "0-80" is outside 1-65535'],
    ['80-65536', 'container port "80-65536" is outside 1-65535'],
    ['65536-80', 'container port "65536-80" is outside 1-65535'],
    ['1-0', 'container port "1-0" is outside 1-65535'],
    ['0-80:80', 'host port "0-80" is outside 1-65535'],
    ['8080:x80', 'container port "x80" is not a port number or range'],
    ['8080:80x', 'container port "80x" is not a port number or range'],
    ['::1]:80:80', 'host address "::1]" is not an IP address'],
    ['[::1:80:80', 'host address "[::1" is not an IP address'],
    ['1-65535', ''],
  ];
  for (const [text, message] of cases)
    it(`${text} -> ${message || 'valid'}`, () => assert.equal(portError(text), message));

  it('an address with an empty host port publishes on a random port', () =>
    assert.deepEqual(parseShortPort('127.0.0.1::80'), {
      spec: {
        hostIp: '127.0.0.1',
        hostStart: undefined,
        hostEnd: undefined,
        containerStart: 80,
        containerEnd: 80,
        protocol: 'tcp',
      },
    }));
  it('the long syntax without `published` publishes on a random port', () =>
    assert.deepEqual(parseLongPort({ target: '443' }), {
      spec: {
        hostIp: undefined,
        hostStart: undefined,
        hostEnd: undefined,
        containerStart: 443,
        containerEnd: 443,
        protocol: 'tcp',
      },
    }));
});

describe('compose positions: line and column of an offset, and back', () => {
  it('counts a newline at the very start as a line', () => {
    const index = new LineIndex('\nports:\n');
    assert.deepEqual(index.position(0), { line: 1, column: 1 });
    assert.deepEqual(index.position(1), { line: 2, column: 1 });
    assert.deepEqual(index.position(7), { line: 2, column: 7 });
  });
  it('puts an offset at a line start on that line, column 1', () => {
    const index = new LineIndex('a\nbb\nccc');
    assert.deepEqual(index.position(2), { line: 2, column: 1 });
    assert.deepEqual(index.position(5), { line: 3, column: 1 });
    assert.deepEqual(index.position(7), { line: 3, column: 3 });
  });
  it('gives the offset of a line and column, clamping the line', () => {
    const index = new LineIndex('a\nbb\nccc');
    assert.equal(index.offset(1, 1), 0);
    assert.equal(index.offset(2, 2), 3);
    assert.equal(index.offset(3, 1), 5);
    assert.equal(index.offset(0, 1), 0);
    assert.equal(index.offset(9, 2), 6);
  });
});

describe('compose text ranges: the lines a quick fix deletes', () => {
  const text = 'a:\n  - x  # note\n  y: 1\n  -  z\n# tail\nb: 2\n';
  const span = (needle: string, from = 0): [number, number] => {
    const at = text.indexOf(needle, from);
    return [at, at + needle.length];
  };
  const removed = (range: readonly [number, number]) => text.slice(range[0], range[1]);

  it('finds line starts and next line starts', () => {
    assert.equal(lineStart('ab\ncd', 2), 0);
    assert.equal(lineStart('ab\ncd', 3), 3);
    assert.equal(nextLineStart('ab\ncd', 0), 3);
    assert.equal(nextLineStart('ab\ncd', 4), 5);
    assert.equal(nextLineStart('\nab', 0), 1);
  });
  it('deletes a sequence item with its dash, its line and its trailing comment', () =>
    assert.equal(removed(wholeLines(text, ...span('x'))), '  - x  # note\n'));
  it('deletes an item after a dash and several blanks with its line', () =>
    assert.equal(removed(wholeLines(text, ...span('z'))), '  -  z\n'));
  it('keeps the key when deleting only its value (to the end of its line)', () =>
    assert.equal(removed(wholeLines(text, ...span('1'))), '1\n'));
  it('deletes a flow item with the comma after it, the last one with the comma before it', () => {
    const flow = 'k: [a, b]  # note\n';
    const without = (start: number, end: number) => {
      const [from, to] = wholeLines(flow, start, end);
      return flow.slice(0, from) + flow.slice(to);
    };
    assert.equal(without(4, 5), 'k: [b]  # note\n');
    assert.equal(without(7, 8), 'k: [a]  # note\n');
    assert.equal(without(4, 8), 'k: []  # note\n', 'the whole content: what precedes and follows stays');
    const map = 'k: {a: 1, b: 2}\n';
    const [from, to] = wholeLines(map, 4, 8);
    assert.equal(map.slice(0, from) + map.slice(to), 'k: {b: 2}\n');
  });
  it('stops at a range ending with its newline, not at the comment line after it', () => {
    const [start, end] = span('  y: 1\n');
    assert.equal(removed(wholeLines(text, start, end)), '  y: 1\n');
    const last = span('  -  z\n');
    assert.equal(removed(wholeLines(text, last[0], last[1])), '  -  z\n');
  });
});

describe('compose address memo', () => {
  beforeEach(() => clearIpMemo());

  it('answers as a fresh parse, for valid and invalid addresses, twice', () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(isValidIpMemo('10.1.2.3'), true);
      assert.equal(isValidIpMemo('10.1.2'), false);
      assert.equal(ipFamilyMemo('fd00::1'), 'ipv6');
      assert.equal(ipFamilyMemo('nope'), undefined);
      assert.equal(canonicalIpMemo('fd00:0:0::0001'), 'fd00::1');
      assert.equal(canonicalIpMemo('999.1.1.1'), undefined);
    }
  });
  it('parses an address once while the memo holds it', () => {
    const first = parseIpMemo('10.9.8.7');
    assert.equal(parseIpMemo('192.168.1.1')?.toString(), '192.168.1.1');
    assert.equal(parseIpMemo('10.9.8.7'), first);
  });
  it('forgets everything once it holds 20000 addresses, and parses again', () => {
    const first = parseIpMemo('10.0.0.0');
    for (let i = 1; i < 20_000; i++) parseIpMemo(`10.0.${i >> 8}.${i & 255}`);
    assert.equal(parseIpMemo('10.0.0.0'), first, 'the memo still holds 20000 addresses');
    parseIpMemo('11.0.0.0');
    assert.notEqual(parseIpMemo('10.0.0.0'), first, 'the 20001st address empties the memo');
    assert.equal(parseIpMemo('10.0.0.0')?.toString(), '10.0.0.0');
  });
});
