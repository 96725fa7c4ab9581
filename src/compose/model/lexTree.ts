/**
 * The fastest path of the compose parse: the light tree from yaml's Lexer alone (no CST objects, no Document),
 * for block-style files: block maps and sequences (compact `- key: value` included), one-line scalars and one-line
 * flow collections, comments aligned with the line that follows them. Scalars go through yaml's own
 * CST.resolveAsScalar, ranges follow the composer's rules (but an empty value's: see cstTree.ts). Anything else
 * declines (undefined) and the CST path, then the composer, take the file; test/unit/compose/parseParity.test.ts
 * compares the paths.
 */
import { Lexer, type CST } from 'yaml';
import { DECLINE, plainText, readScalar } from './cstTree';
import type { LightTree, LNode, LPair, LScalar } from './lightTree';
import { emptyValueEnd } from './textRanges';

// Lexeme kinds, kept as small integers in a parallel array: a file has over a hundred thousand lexemes.
const NEWLINE = 1;
const SPACE = 2;
const COMMENT = 3;
const MAP_IND = 4;
const SEQ_IND = 5;
const FLOW = 6;
const PLAIN = 7;
const QUOTED = 8;
const END = 0;
// Plain scalars yaml reads as written when on one line (no reserved first character): no need to resolve them.
const BAD_PLAIN_START = /^[\t,%|>@`]/;

interface Built {
  node: LNode;
  end: number;
}

function kindOf(src: string, plain: boolean): number {
  if (plain) return PLAIN;
  const c = src[0];
  if (c === '\n' || (c === '\r' && src[1] === '\n')) return NEWLINE;
  if (c === ' ') return SPACE;
  if (c === '#') return COMMENT;
  if (src === ':') return MAP_IND;
  if (src === '-') return SEQ_IND;
  if (src === '[' || src === ']' || src === '{' || src === '}' || src === ',') return FLOW;
  if (c === '"' || c === "'") return QUOTED;
  return END;
}

/** The lexemes, their offsets and kinds; undefined on anything outside the subset (anchors, tags, ...). */
interface Lexed {
  src: string[];
  off: number[];
  kind: number[];
}

function lexemes(text: string): Lexed | undefined {
  const out: Lexed = { src: [], off: [], kind: [] };
  let off = 0;
  let plain = false;
  let documents = 0;
  for (const src of new Lexer().lex(text)) {
    if (src === '\x1f') {
      plain = true;
      continue;
    }
    if (src === '\x02') {
      if (++documents > 1) return undefined;
      continue;
    }
    const kind = kindOf(src, plain);
    if (kind === END) return undefined;
    out.src.push(src);
    out.off.push(off);
    out.kind.push(kind);
    off += src.length;
    plain = false;
  }
  return off === text.length ? out : undefined;
}

class LexBuilder {
  private i = 0;
  private lineStart = 0;

  private readonly src: string[];
  private readonly off: number[];
  private readonly kinds: number[];

  constructor(
    private readonly text: string,
    lexed: Lexed,
  ) {
    this.src = lexed.src;
    this.off = lexed.off;
    this.kinds = lexed.kind;
  }

  /** The kind of the lexeme at `i` (END past the last one). */
  private kind(i = this.i): number {
    return i < this.kinds.length ? this.kinds[i] : END;
  }

  private col(i = this.i): number {
    return this.off[i] - this.lineStart;
  }

  private skipSpaces(): void {
    while (this.kind() === SPACE) this.i++;
  }

  /** Passes a newline (or the end); returns false if anything else is there. */
  private newline(): boolean {
    const k = this.kind();
    if (k === END) return true;
    if (k !== NEWLINE) return false;
    this.lineStart = this.off[this.i] + this.src[this.i].length;
    this.i++;
    return true;
  }

  /** Comments must follow white space (the composer's check), on the text; a lone `\r` is not enough for it. */
  private comment(i: number): void {
    const at = this.off[i];
    const c = this.text[at - 1];
    if (at > 0 && c !== ' ' && c !== '\n') throw DECLINE;
  }

  /**
   * Skips blank and comment-only lines to the next content lexeme; false at the end. Comment lines must sit in the
   * column of that next line (or column 0 at the end): only there do they leave every range as the composer's.
   */
  private nextContent(): boolean {
    let commentCol = -1;
    let mixed = false;
    for (;;) {
      this.skipSpaces();
      const k = this.kind();
      if (k === COMMENT) {
        this.comment(this.i);
        mixed ||= commentCol >= 0 && commentCol !== this.col();
        commentCol = this.col();
        this.i++;
        if (!this.newline()) throw DECLINE;
      } else if (k === NEWLINE) this.newline();
      else break;
    }
    const more = this.kind() !== END;
    if (mixed || (commentCol >= 0 && commentCol !== (more ? this.col() : 0))) throw DECLINE;
    return more;
  }

  private isKeyAt(): boolean {
    const k = this.kind();
    if (k !== PLAIN && k !== QUOTED) return false;
    let j = this.i + 1;
    while (this.kind(j) === SPACE) j++;
    return this.kind(j) === MAP_IND;
  }

  /** The one-line scalar at `i` (its end tokens are the caller's): plain ones directly, quoted ones through yaml. */
  private scalar(i: number, isKey: boolean): LScalar {
    const source = this.src[i];
    const offset = this.off[i];
    if (source.includes('\n')) throw DECLINE;
    if (this.kinds[i] === PLAIN && !BAD_PLAIN_START.test(source)) {
      return { kind: 'scalar', range: [offset, offset + source.length], text: plainText(source, isKey) };
    }
    const type =
      this.kinds[i] === PLAIN ? 'scalar' : source[0] === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
    return readScalar({ type, offset, indent: 0, source, end: [] } satisfies CST.FlowScalar, isKey).node;
  }

  private key(): LScalar {
    const at = this.i++;
    if (this.src[at].length > 1000) throw DECLINE;
    const key = this.scalar(at, true);
    this.skipSpaces();
    this.i++; // the `:` (isKeyAt checked it)
    return key;
  }

  /** The block collection starting at the current lexeme (a key or a `-`), in column `col`. */
  private collection(col: number): Built {
    if (this.kind() === SEQ_IND) return this.seq(col);
    if (this.isKeyAt()) return this.map(col);
    throw DECLINE;
  }

  private map(indent: number): Built {
    const start = this.off[this.i];
    const items: LPair[] = [];
    let offset = start;
    for (;;) {
      const keyNode = this.key();
      const v = this.value(indent, 'map');
      items.push({ key: keyNode.text, keyNode, value: v.node });
      offset = v.end;
      if (!this.nextContent() || this.col() < indent) break;
      if (this.col() > indent || !this.isKeyAt()) throw DECLINE;
    }
    return { node: { kind: 'map', range: [start, offset], items, flow: false }, end: offset };
  }

  private seq(indent: number): Built {
    const start = this.off[this.i];
    const items: LNode[] = [];
    let offset = start;
    for (;;) {
      this.i++; // the `-`
      const v = this.value(indent, 'seq');
      items.push(v.node);
      offset = v.end;
      if (!this.nextContent() || this.col() < indent) break;
      if (this.col() > indent) throw DECLINE;
      // A key in the sequence's column: the sequence was the value of that map's previous key; the map goes on.
      if (this.kind() !== SEQ_IND) break;
    }
    return { node: { kind: 'seq', range: [start, offset], items }, end: offset };
  }

  /** The value after a `key:` or a `-` whose line starts at column `indent`. */
  private value(indent: number, context: 'map' | 'seq'): Built {
    const indicatorEnd = this.off[this.i - 1] + 1;
    this.skipSpaces();
    const k = this.kind();
    if (k === END || k === NEWLINE || k === COMMENT) return this.valueBelow(indent, context, indicatorEnd);
    if (k === SEQ_IND && context === 'seq') return this.seq(this.col());
    if (this.isKeyAt()) {
      if (context === 'map') throw DECLINE;
      return this.map(this.col());
    }
    if (k === FLOW) {
      const flow = this.flow();
      return { node: flow.node, end: this.trailing(flow.end) };
    }
    if (k !== PLAIN && k !== QUOTED) throw DECLINE;
    const node = this.scalar(this.i++, false);
    return { node, end: this.trailing(node.range[1]) };
  }

  /** Nothing after the indicator on its line: a collection on the lines below, or an empty value. */
  private valueBelow(indent: number, context: 'map' | 'seq', indicatorEnd: number): Built {
    const emptyAt = this.kind() === END ? this.text.length : this.off[this.i];
    if (this.kind() === COMMENT) this.comment(this.i++);
    if (!this.newline()) throw DECLINE;
    if (this.nextContent()) {
      const c = this.col();
      if (c > indent || (c === indent && context === 'map' && this.kind() === SEQ_IND)) return this.collection(c);
    }
    // The composer puts an empty value after the indicator and the spaces that follow it.
    const pos = /^ *$/.test(this.text.slice(indicatorEnd, emptyAt)) ? emptyAt : indicatorEnd;
    return { node: { kind: 'scalar', range: [pos, pos], text: undefined }, end: emptyValueEnd(this.text, pos) };
  }

  /** Passes the rest of the line after a value (spaces, a comment, the newline); returns where that ends. */
  private trailing(from: number): number {
    let end = from;
    for (let k = this.kind(); k !== END && k !== NEWLINE; k = this.kind()) {
      if (k === COMMENT) this.comment(this.i);
      else if (k !== SPACE) throw DECLINE;
      end = this.off[this.i] + this.src[this.i].length;
      this.i++;
    }
    if (this.kind() === NEWLINE) end = this.off[this.i] + this.src[this.i].length;
    this.newline();
    return end;
  }

  /** `[a, b]` or `{k: v}` on one line: single commas, no empty item, nested flow collections allowed. */
  private flow(): Built {
    const open = this.i++;
    const isMap = this.src[open] === '{';
    if (!isMap && this.src[open] !== '[') throw DECLINE;
    const closing = isMap ? '}' : ']';
    const items: LPair[] = [];
    const values: LNode[] = [];
    while (this.src[this.i] !== closing) {
      if (items.length + values.length > 0) {
        if (this.src[this.i] !== ',') throw DECLINE;
        this.i++;
      }
      this.skipSpaces();
      if (isMap) {
        if (!this.isKeyAt()) throw DECLINE;
        const keyNode = this.key();
        this.skipSpaces();
        items.push({ key: keyNode.text, keyNode, value: this.flowValue() });
      } else values.push(this.flowValue());
    }
    const closeEnd = this.off[this.i++] + 1;
    const range = [this.off[open], closeEnd] as const;
    const node: LNode = isMap ? { kind: 'map', range, items, flow: true } : { kind: 'seq', range, items: values };
    return { node, end: closeEnd };
  }

  private flowValue(): LNode {
    const k = this.kind();
    if (k === FLOW) return this.flow().node;
    if (k !== PLAIN && k !== QUOTED) throw DECLINE;
    const at = this.i++;
    // A space before `,` or the closing bracket would be the scalar's end in the CST: keep to the plain layout.
    if (this.kind() === SPACE && this.kind(this.i + 1) === FLOW) throw DECLINE;
    return this.scalar(at, false);
  }

  document(): LNode | null {
    if (!this.nextContent()) return null;
    const root = this.collection(this.col());
    if (this.nextContent()) throw DECLINE;
    return root.node;
  }
}

/** The light tree of a plain block-style file, or undefined when the CST path (or the composer) must decide. */
export function treeFromLexer(text: string): LightTree | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined;
  const lexed = lexemes(text);
  if (!lexed) return undefined;
  try {
    return { root: new LexBuilder(text, lexed).document(), anchors: new Map() };
  } catch (err) {
    // Declined, or nesting deeper than the stack (the composer then reports it as a syntax error).
    if (err === DECLINE || err instanceof RangeError) return undefined;
    throw err;
  }
}
