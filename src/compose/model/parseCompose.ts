/**
 * Builds the compose model from text, then a single walk over the parts networking cares about. Anchors and merge
 * keys are followed; values are interpolated. The tree comes from yaml's lexer alone (lexTree.ts) or its lexer and
 * parser (cstTree.ts) without composing a Document when the file is plainly clean; any file those paths are not
 * sure of (a syntax error, anchors, tags, unusual layout) goes through yaml's composer, which also yields the
 * syntax errors, so errors are the composer's.
 */
import { parseDocument } from 'yaml';
import { treeFromCst } from './cstTree';
import { treeFromLexer } from './lexTree';
import type { Env } from './interpolate';
import { treeFromDocument, type LightTree } from './lightTree';
import { parseService } from './parseService';
import {
  boolOf,
  deref,
  entries,
  get,
  isMapNode,
  isSeqNode,
  rangeOf,
  textOf,
  type Ctx,
  type RawEntry,
} from './yamlWalk';
import type { ComposeModel, IpamConfigModel, NetworkDecl, ParseProblem } from './types';

/** The composed-Document path: the reference for syntax errors and the fallback of the CST path. */
export function treeViaDocument(text: string): { tree: LightTree; errors: ParseProblem[] } {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false });
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    range: [e.pos[0], Math.max(e.pos[1], e.pos[0])] as const,
  }));
  return { tree: treeFromDocument(doc, text), errors };
}

/** Which parse to use: the default tries the lexer path, then the CST path, then the composer. */
export type ParsePath = 'fastest' | 'cst' | 'document';

export function parseCompose(text: string, env: Env, options: { path?: ParsePath } = {}): ComposeModel {
  const path = options.path ?? 'fastest';
  const lexed = path === 'fastest' ? treeFromLexer(text) : undefined;
  const fast = path === 'document' ? undefined : (lexed ?? treeFromCst(text));
  const { tree, errors } = fast ? { tree: fast, errors: [] } : treeViaDocument(text);
  const ctx: Ctx = { text, env, anchors: tree.anchors };
  const model: ComposeModel = { text, services: [], networks: [], includes: [], syntaxErrors: errors };
  const root = entries(ctx, deref(ctx, tree.root), true);
  const name = get(root, 'name');
  if (name) {
    const t = textOf(ctx, name.value);
    if (t && !t.unresolved) model.projectName = t.value;
  }
  const include = get(root, 'include');
  if (include && isSeqNode(include.value)) {
    for (const item of include.value.items) {
      const n = deref(ctx, item);
      const direct = textOf(ctx, n);
      if (direct) {
        if (!direct.unresolved) model.includes.push(direct.value);
        continue;
      }
      const path = get(entries(ctx, n, true), 'path');
      const paths = isSeqNode(path?.value) ? path.value.items.map((i) => deref(ctx, i)) : [path?.value ?? null];
      for (const p of paths) {
        const t = textOf(ctx, p);
        if (t && !t.unresolved) model.includes.push(t.value);
      }
    }
  }
  const services = get(root, 'services');
  if (services) {
    model.servicesEntry = services.entry;
    for (const s of entries(ctx, services.value, services.entry.local)) model.services.push(parseService(ctx, s));
  }
  const networks = get(root, 'networks');
  if (networks) {
    model.networksEntry = networks.entry;
    for (const n of entries(ctx, networks.value, networks.entry.local)) model.networks.push(parseNetwork(ctx, n));
  }
  return model;
}

function parseNetwork(ctx: Ctx, raw: RawEntry): NetworkDecl {
  const list = entries(ctx, raw.value, raw.entry.local);
  const decl: NetworkDecl = {
    name: raw.key,
    entry: raw.entry,
    keys: list.map((e) => e.entry),
    ipam: [],
    blockRange:
      isMapNode(raw.value) && raw.value.items.length > 0 && !raw.value.flow
        ? (rangeOf(raw.value) ?? raw.entry.valueRange)
        : raw.entry.valueRange,
  };
  const ext = get(list, 'external');
  if (ext) {
    if (isMapNode(ext.value)) {
      decl.external = {
        entry: ext.entry,
        value: true,
        legacyName: textOf(ctx, get(entries(ctx, ext.value, true), 'name')?.value ?? null),
      };
    } else {
      const b = boolOf(ctx, ext.value);
      if (b !== undefined) decl.external = { entry: ext.entry, value: b };
    }
  }
  decl.nameValue = textOf(ctx, get(list, 'name')?.value ?? null);
  decl.driver = textOf(ctx, get(list, 'driver')?.value ?? null);
  const v6 = get(list, 'enable_ipv6');
  const v6b = v6 && boolOf(ctx, v6.value);
  if (v6 && v6b !== undefined) decl.enableIpv6 = { entry: v6.entry, value: v6b };
  const internal = get(list, 'internal');
  const internalValue = internal && boolOf(ctx, internal.value);
  if (internal && internalValue !== undefined) decl.internal = { entry: internal.entry, value: internalValue };
  const ipam = entries(ctx, get(list, 'ipam')?.value ?? null, raw.entry.local);
  const config = get(ipam, 'config');
  if (config && isSeqNode(config.value)) {
    for (const item of config.value.items) {
      const n = deref(ctx, item);
      const f = entries(ctx, n, true);
      const c: IpamConfigModel = {
        range: rangeOf(n) ?? rangeOf(item) ?? [0, 0],
        subnet: textOf(ctx, get(f, 'subnet')?.value ?? null),
        ipRange: textOf(ctx, get(f, 'ip_range')?.value ?? null),
        gateway: textOf(ctx, get(f, 'gateway')?.value ?? null),
        aux: [],
      };
      for (const a of entries(ctx, get(f, 'aux_addresses')?.value ?? null, true)) {
        const t = textOf(ctx, a.value);
        if (t) c.aux.push({ name: a.key, value: t });
      }
      decl.ipam.push(c);
    }
  }
  return decl;
}
