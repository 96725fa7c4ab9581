/**
 * The fast path of the compose parse: the light tree straight from yaml's lexer and parser (its CST), without
 * composing a yaml Document. It takes only what it can show the composer would accept without any error: block
 * maps and sequences, single-line flow collections, scalars resolved by yaml's own CST.resolveAsScalar, comments.
 * Anything else (anchors, aliases, tags, tabs, explicit keys, numeric keys, several documents, any error token)
 * makes it decline (undefined), and the caller composes a Document instead, which also reports the syntax errors.
 * Ranges follow the composer's rules (value end = the last item's node end), so both paths give the same model,
 * but for an empty value: it ends on its own line (textRanges.ts emptyValueEnd; the Document path clips the same);
 * test/unit/compose/parseParity.test.ts compares them.
 */
import { CST, Parser } from 'yaml';
import type { LightTree, LMap, LNode, LPair, LScalar, LSeq } from './lightTree';
import { emptyValueEnd, outOfIndent } from './textRanges';

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type FlowScalar = CST.FlowScalar;

/** What a node spans: the node itself and where it ends with its trailing comment (the composer's range[2]). */
interface Built {
  node: LNode;
  end: number;
}

/** Thrown (one shared object) to leave the walk when the file is outside what this path proves clean. */
export const DECLINE = { declined: true } as const;

const NULL_PLAIN = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_PLAIN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// Plain keys the core schema may read as numbers (`1.0` -> "1"): the composer's reading is not worth copying.
const NUMBER_LIKE = /^[-+.0-9]/;
const MAX_IMPLICIT_KEY = 1000;

function tokenEnd(tokens: readonly SourceToken[], fallback: number): number {
  const last = tokens[tokens.length - 1];
  return last ? last.offset + last.source.length : fallback;
}

/** Where the composer puts an empty value: after the indicator at `at` and the spaces that follow it. */
function emptyPosition(tokens: readonly SourceToken[], at: number): number {
  let pos = tokens[at].offset + tokens[at].source.length;
  for (let i = at + 1; i < tokens.length && tokens[i].type === 'space'; i++) pos += tokens[i].source.length;
  return pos;
}

/** A scalar read as the composer reads it with the core schema; keys must be plain-looking strings. */
export function readScalar(t: FlowScalar | CST.BlockScalar, isKey: boolean): { node: LScalar; end: number } {
  let failed = false;
  const r = CST.resolveAsScalar(t, true, () => (failed = true));
  if (failed || !r) throw DECLINE;
  const text = t.type === 'scalar' ? plainText(r.value, isKey) : r.value;
  return { node: { kind: 'scalar', range: [r.range[0], r.range[1]], text }, end: r.range[2] };
}

/** A plain scalar's value as the core schema reads it (null -> undefined, booleans lower-case, numbers as written). */
export function plainText(value: string, isKey: boolean): string | undefined {
  if (NULL_PLAIN.test(value)) return undefined;
  if (BOOL_PLAIN.test(value)) return value.toLowerCase();
  if (value === '<<' ? !isKey : isKey && NUMBER_LIKE.test(value)) throw DECLINE;
  return value;
}

function isFlowScalar(t: Token | null | undefined): t is FlowScalar {
  return t?.type === 'scalar' || t?.type === 'single-quoted-scalar' || t?.type === 'double-quoted-scalar';
}

class CstBuilder {
  constructor(private readonly text: string) {}

  /** A comment must follow white space (the composer's "Comments must be separated" check, on the text). */
  private comment(t: SourceToken): void {
    const c = this.text[t.offset - 1];
    if (t.offset > 0 && c !== ' ' && c !== '\n') throw DECLINE;
  }

  /**
   * Checks a token list holding only white space, comments and at most one `indicator`; returns the indicator's
   * index (-1 when absent) and whether a newline follows it.
   */
  private props(
    tokens: readonly SourceToken[],
    indicator: string,
    flow = false,
  ): { at: number; newlineAfter: boolean } {
    let at = -1;
    let newlineAfter = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'space') continue;
      if (t.type === indicator && at < 0) at = i;
      else if (t.type === 'newline' && !flow) {
        if (at >= 0) newlineAfter = true;
        else if (indicator === 'map-value-ind') throw DECLINE;
      } else if (t.type === 'comment' && !flow) this.comment(t);
      else throw DECLINE;
    }
    return { at, newlineAfter };
  }

  node(t: Token): Built {
    switch (t.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(t, false);
      case 'block-map':
        return this.blockMap(t);
      case 'block-seq':
        return this.blockSeq(t);
      case 'flow-collection':
        return this.flow(t);
      default:
        throw DECLINE;
    }
  }

  scalar(t: FlowScalar | CST.BlockScalar, isKey: boolean): Built & { node: LScalar } {
    return readScalar(t, isKey);
  }

  private key(t: Token | null | undefined, indent: number | undefined): LScalar {
    if (!isFlowScalar(t) || (indent !== undefined && t.indent !== indent) || (t.end && t.end.length > 0)) throw DECLINE;
    if (t.source.length > MAX_IMPLICIT_KEY || t.source.includes('\n')) throw DECLINE;
    return this.scalar(t, true).node;
  }

  blockMap(bm: CST.BlockMap): Built {
    const map: LMap = { kind: 'map', range: [bm.offset, bm.offset], items: [], flow: false };
    let offset = bm.offset;
    let commentEnd: number | undefined;
    for (const item of bm.items) {
      const { start, key, sep, value } = item as {
        start: SourceToken[];
        key?: Token | null;
        sep?: SourceToken[];
        value?: Token;
      };
      this.props(start, '');
      if (!key && !sep && !value) {
        commentEnd = outOfIndent(this.text, tokenEnd(start, offset));
        continue;
      }
      const keyNode = this.key(key, bm.indent);
      if (!sep) throw DECLINE;
      const p = this.props(sep, 'map-value-ind');
      if (p.at < 0 || ((value?.type === 'block-map' || value?.type === 'block-seq') && !p.newlineAfter)) throw DECLINE;
      const v = value ? this.node(value) : this.empty(sep, p.at);
      map.items.push({ key: keyNode.text, keyNode, value: v.node });
      offset = v.end;
    }
    if (commentEnd !== undefined && commentEnd < offset) throw DECLINE;
    map.range = [bm.offset, offset];
    return { node: map, end: commentEnd ?? offset };
  }

  blockSeq(bs: CST.BlockSequence): Built {
    const seq: LSeq = { kind: 'seq', range: [bs.offset, bs.offset], items: [] };
    let offset = bs.offset;
    let commentEnd: number | undefined;
    for (const { start, value } of bs.items) {
      const p = this.props(start, 'seq-item-ind');
      if (p.at < 0) {
        if (value) throw DECLINE;
        commentEnd = outOfIndent(this.text, tokenEnd(start, offset));
        continue;
      }
      const v = value ? this.node(value) : this.empty(start, p.at);
      seq.items.push(v.node);
      offset = v.end;
    }
    if (commentEnd !== undefined && commentEnd < offset) throw DECLINE;
    seq.range = [bs.offset, offset];
    return { node: seq, end: commentEnd ?? offset };
  }

  private empty(tokens: readonly SourceToken[], at: number): Built {
    const pos = emptyPosition(tokens, at);
    return { node: { kind: 'scalar', range: [pos, pos], text: undefined }, end: emptyValueEnd(this.text, pos) };
  }

  /** A flow collection on one line, items separated by single commas, no empty item, no pair in a sequence. */
  flow(fc: CST.FlowCollection): Built {
    const isMap = fc.start.source === '{';
    const items: LPair[] = [];
    const values: LNode[] = [];
    fc.items.forEach((item, i) => {
      const { start, key, sep, value } = item as {
        start: SourceToken[];
        key?: Token | null;
        sep?: SourceToken[];
        value?: Token;
      };
      if (this.props(start, 'comma', true).at < 0 !== (i === 0)) throw DECLINE;
      if (!value || (value.type !== 'flow-collection' && !isFlowScalar(value))) throw DECLINE;
      if ('source' in value && value.source.includes('\n')) throw DECLINE;
      const v = this.node(value).node;
      if (!isMap) {
        if (key || sep) throw DECLINE;
        values.push(v);
        return;
      }
      const keyNode = this.key(key, undefined);
      if (!sep || this.props(sep, 'map-value-ind', true).at < 0) throw DECLINE;
      items.push({ key: keyNode.text, keyNode, value: v });
    });
    const [close, ...rest] = fc.end;
    if (close?.source !== (isMap ? '}' : ']')) throw DECLINE;
    const closeEnd = close.offset + 1;
    for (const t of rest) {
      if (t.type === 'comment') this.comment(t);
      else if (t.type !== 'space' && t.type !== 'newline') throw DECLINE;
    }
    const range = [fc.offset, closeEnd] as const;
    const node: LNode = isMap ? { kind: 'map', range, items, flow: true } : { kind: 'seq', range, items: values };
    return { node, end: tokenEnd(rest, closeEnd) };
  }
}

function isTrivia(t: Token): boolean {
  return t.type === 'space' || t.type === 'newline' || t.type === 'comment';
}

/** The light tree of a plainly clean single-document file, or undefined when the composer must decide. */
export function treeFromCst(text: string): LightTree | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined;
  const builder = new CstBuilder(text);
  try {
    let doc: CST.Document | undefined;
    for (const t of new Parser().parse(text)) {
      if (t.type === 'document' && !doc) doc = t;
      else if (!isTrivia(t) || (t.type === 'comment' && t.offset > 0 && !/[ \n]/.test(text[t.offset - 1])))
        return undefined;
    }
    if (!doc) return { root: null, anchors: new Map() };
    // `---` must end its line: the composer refuses a block collection on the marker's line.
    let markers = 0;
    let newlineAfterMarker = false;
    for (const t of doc.start) {
      if (t.type === 'doc-start') markers++;
      else if (!isTrivia(t) || (t.type === 'comment' && !/[ \n]/.test(text[t.offset - 1]))) return undefined;
      else if (t.type === 'newline' && markers > 0) newlineAfterMarker = true;
    }
    if (markers > 1 || (markers === 1 && !newlineAfterMarker && doc.value)) return undefined;
    if ((doc.end ?? []).some((t) => !isTrivia(t))) return undefined;
    return { root: doc.value ? builder.node(doc.value).node : null, anchors: new Map() };
  } catch (err) {
    // Declined, or nesting deeper than the stack (the composer then reports it as a syntax error).
    if (err === DECLINE || err instanceof RangeError) return undefined;
    throw err;
  }
}
