/**
 * The fastest path of the compose parse: the light tree from yaml's Lexer alone (no CST objects, no Document),
 * for block-style files: block maps and sequences (compact `- key: value` included), one-line scalars and one-line
 * flow collections, comments aligned with the line that follows them. Scalars go through yaml's own
 * CST.resolveAsScalar, ranges follow the composer's rules. Anything else declines (undefined) and the CST path,
 * then the composer, take the file; test/unit/compose/parseParity.test.ts compares the paths.
 */
import { Lexer, type CST } from 'yaml';
import { DECLINE, readScalar } from './cstTree';
import type { LightTree, LMap, LNode, LPair, LScalar, LSeq } from './lightTree';

type Kind = 'newline' | 'space' | 'comment' | 'map-value-ind' | 'seq-item-ind' | 'flow' | 'plain' | 'quoted';

interface Lexeme {
  src: string;
  off: number;
  kind: Kind;
}

interface Built {
  node: LNode;
  end: number;
}

function kindOf(src: string, plain: boolean): Kind | undefined {
  if (plain) return 'plain';
  const c = src[0];
  if (c === '\n' || (c === '\r' && src[1] === '\n')) return 'newline';
  if (c === ' ') return 'space';
  if (c === '#') return 'comment';
  if (src === ':') return 'map-value-ind';
  if (src === '-') return 'seq-item-ind';
  if (src === '[' || src === ']' || src === '{' || src === '}' || src === ',') return 'flow';
  if (c === '"' || c === "'") return 'quoted';
  return undefined;
}

/** The lexemes with their offsets and kinds; undefined on anything outside the subset (anchors, tags, ...). */
function lexemes(text: string): Lexeme[] | undefined {
  const out: Lexeme[] = [];
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
    if (!kind) return undefined;
    out.push({ src, off, kind });
    off += src.length;
    plain = false;
  }
  return off === text.length ? out : undefined;
}

class LexBuilder {
  private i = 0;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly t: Lexeme[],
  ) {}

  private peek(): Lexeme | undefined {
    return this.t[this.i];
  }

  private col(l: Lexeme): number {
    return l.off - this.lineStart;
  }

  private skipSpaces(): void {
    while (this.t[this.i]?.kind === 'space') this.i++;
  }

  /** Passes a newline (or the end); returns false if anything else is there. */
  private newline(): boolean {
    const l = this.t[this.i];
    if (!l) return true;
    if (l.kind !== 'newline') return false;
    this.i++;
    this.lineStart = l.off + l.src.length;
    return true;
  }

  /** Comments must follow white space (the composer's check), on the text. */
  private comment(l: Lexeme): void {
    const c = this.text[l.off - 1];
    if (l.off > 0 && c !== ' ' && c !== '\n' && c !== '\r') throw DECLINE;
  }

  /**
   * Skips blank and comment-only lines to the next content lexeme, which it returns (undefined at the end).
   * Comment lines must sit in the column of that next line (or column 0 at the end): only there do they leave
   * every range as the composer computes it.
   */
  private nextContent(): Lexeme | undefined {
    const comments: number[] = [];
    for (;;) {
      this.skipSpaces();
      const l = this.peek();
      if (l?.kind === 'comment') {
        this.comment(l);
        comments.push(this.col(l));
        this.i++;
        if (!this.newline()) throw DECLINE;
      } else if (l?.kind === 'newline') this.newline();
      else break;
    }
    const next = this.peek();
    const at = next ? this.col(next) : 0;
    if (comments.some((c) => c !== at)) throw DECLINE;
    return next;
  }

  private isKeyAt(): boolean {
    const l = this.t[this.i];
    if (l?.kind !== 'plain' && l?.kind !== 'quoted') return false;
    let j = this.i + 1;
    while (this.t[j]?.kind === 'space') j++;
    return this.t[j]?.kind === 'map-value-ind';
  }

  private scalarToken(l: Lexeme, end: CST.SourceToken[]): CST.FlowScalar {
    const type = l.kind === 'plain' ? 'scalar' : l.src[0] === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
    return { type, offset: l.off, indent: 0, source: l.src, end };
  }

  private key(): LScalar {
    const l = this.t[this.i++];
    if (l.src.length > 1000 || l.src.includes('\n')) throw DECLINE;
    const key = readScalar(this.scalarToken(l, []), true).node;
    this.skipSpaces();
    this.i++; // the `:` (isKeyAt checked it)
    return key;
  }

  /** The block collection starting at the current lexeme (a key or a `-`), in column `col`. */
  collection(col: number): Built {
    if (this.peek()?.kind === 'seq-item-ind') return this.seq(col);
    if (this.isKeyAt()) return this.map(col);
    throw DECLINE;
  }

  private map(indent: number): Built {
    const map: LMap = { kind: 'map', range: [this.t[this.i].off, 0], items: [], flow: false };
    let offset = 0;
    for (;;) {
      const keyNode = this.key();
      const v = this.value(indent, 'map');
      map.items.push({ key: keyNode.text, keyNode, value: v.node } satisfies LPair);
      offset = v.end;
      const next = this.nextContent();
      if (!next || this.col(next) < indent) break;
      if (this.col(next) > indent || !this.isKeyAt()) throw DECLINE;
    }
    map.range = [map.range[0], offset];
    return { node: map, end: offset };
  }

  private seq(indent: number): Built {
    const seq: LSeq = { kind: 'seq', range: [this.t[this.i].off, 0], items: [] };
    let offset = 0;
    for (;;) {
      this.i++; // the `-`
      const v = this.value(indent, 'seq');
      seq.items.push(v.node);
      offset = v.end;
      const next = this.nextContent();
      if (!next || this.col(next) < indent) break;
      if (this.col(next) > indent) throw DECLINE;
      // A key in the sequence's column: the sequence was the value of that map's previous key; the map goes on.
      if (next.kind !== 'seq-item-ind') break;
    }
    seq.range = [seq.range[0], offset];
    return { node: seq, end: offset };
  }

  /** The value after a `key:` or a `-` whose line starts at column `indent`. */
  private value(indent: number, context: 'map' | 'seq'): Built {
    const indicatorEnd = this.t[this.i - 1].off + 1;
    this.skipSpaces();
    const emptyAt = this.peek()?.off ?? this.text.length;
    const l = this.peek();
    if (!l || l.kind === 'newline' || l.kind === 'comment') {
      const commented = l?.kind === 'comment';
      if (commented) {
        this.comment(l);
        this.i++;
      }
      if (!this.newline()) throw DECLINE;
      const next = this.nextContent();
      const c = next ? this.col(next) : -1;
      if (next && (c > indent || (c === indent && context === 'map' && next.kind === 'seq-item-ind'))) {
        return this.collection(c);
      }
      // An empty value with a comment: the composer ends it after the comment (not worth copying).
      if (commented) throw DECLINE;
      const pos = this.spacesAfter(indicatorEnd, emptyAt);
      return { node: { kind: 'scalar', range: [pos, pos], text: undefined }, end: pos };
    }
    if (l.kind === 'seq-item-ind' && context === 'seq') return this.seq(this.col(l));
    if (this.isKeyAt()) {
      if (context === 'map') throw DECLINE;
      return this.map(this.col(l));
    }
    if (l.kind === 'flow') return this.lineEnd(this.flow());
    if (l.kind !== 'plain' && l.kind !== 'quoted') throw DECLINE;
    if (l.src.includes('\n')) throw DECLINE;
    this.i++;
    const end = this.trailing();
    return readScalar(this.scalarToken(l, end), false);
  }

  /** Where the composer puts an empty value: after the indicator and the spaces that follow it. */
  private spacesAfter(from: number, to: number): number {
    return /^ *$/.test(this.text.slice(from, to)) ? to : from;
  }

  /** The rest of the line after a scalar (spaces, a comment, the newline), as the scalar's end tokens. */
  private trailing(): CST.SourceToken[] {
    const end: CST.SourceToken[] = [];
    for (let l = this.peek(); l && l.kind !== 'newline'; l = this.peek()) {
      if (l.kind === 'comment') this.comment(l);
      else if (l.kind !== 'space') throw DECLINE;
      end.push({ type: l.kind, offset: l.off, indent: 0, source: l.src });
      this.i++;
    }
    const nl = this.peek();
    if (nl) end.push({ type: 'newline', offset: nl.off, indent: 0, source: nl.src });
    if (!this.newline()) throw DECLINE;
    return end;
  }

  /** A flow collection's trailing comment and newline: they end it (the composer's range end). */
  private lineEnd(b: Built): Built {
    const end = this.trailing();
    const last = end[end.length - 1];
    return { node: b.node, end: last ? last.offset + last.source.length : b.end };
  }

  /** `[a, b]` or `{k: v}` on one line: single commas, no empty item, nested flow collections allowed. */
  private flow(): Built {
    const open = this.t[this.i++];
    const isMap = open.src === '{';
    if (!isMap && open.src !== '[') throw DECLINE;
    const closing = isMap ? '}' : ']';
    const items: LPair[] = [];
    const values: LNode[] = [];
    while (this.peek()?.src !== closing) {
      if (items.length + values.length > 0) {
        if (this.peek()?.src !== ',') throw DECLINE;
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
    const close = this.t[this.i++];
    const range = [open.off, close.off + 1] as const;
    const node: LNode = isMap ? { kind: 'map', range, items, flow: true } : { kind: 'seq', range, items: values };
    return { node, end: close.off + 1 };
  }

  private flowValue(): LNode {
    const l = this.peek();
    if (l?.kind === 'flow') return this.flow().node;
    if ((l?.kind !== 'plain' && l?.kind !== 'quoted') || l.src.includes('\n')) throw DECLINE;
    this.i++;
    // A space before `,` or the closing bracket would be the scalar's end in the CST: keep to the plain layout.
    if (this.peek()?.kind === 'space' && this.t[this.i + 1]?.kind === 'flow') throw DECLINE;
    return readScalar(this.scalarToken(l, []), false).node;
  }

  document(): LNode | null {
    const first = this.nextContent();
    if (!first) return null;
    const root = this.collection(this.col(first));
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
