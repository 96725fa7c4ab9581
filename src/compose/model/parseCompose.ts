/**
 * Builds the compose model from text: one `yaml` parse (positions kept through a LineCounter elsewhere), then a
 * single walk over the parts networking cares about. Anchors and merge keys are followed; values are interpolated.
 */
import { isAlias, isMap, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { Env } from './interpolate';
import { parseService } from './parseService';
import { boolOf, deref, entries, get, rangeOf, textOf, type Ctx, type RawEntry } from './yamlWalk';
import type { ComposeModel, IpamConfigModel, NetworkDecl } from './types';

export function parseCompose(text: string, env: Env): ComposeModel {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false });
  const anchors = new Map<string, Node[]>();
  // No `&` in the text means no anchors: skip the walk (big generated files rarely have any).
  if (text.includes('&')) visit(doc, (_key, node) => {
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor && !isAlias(node)) {
      const list = anchors.get(anchor) ?? [];
      list.push(node as Node);
      anchors.set(anchor, list);
    }
  });
  const ctx: Ctx = { text, doc, env, anchors };
  const model: ComposeModel = { text, services: [], networks: [], includes: [], syntaxErrors: [] };
  for (const e of doc.errors) model.syntaxErrors.push({ message: e.message.split('\n')[0], range: [e.pos[0], Math.max(e.pos[1], e.pos[0])] });
  const root = entries(ctx, deref(ctx, doc.contents), true);
  const name = get(root, 'name');
  if (name) {
    const t = textOf(ctx, name.value);
    if (t && !t.unresolved) model.projectName = t.value;
  }
  const include = get(root, 'include');
  if (include && isSeq(include.value)) {
    for (const item of include.value.items) {
      const n = deref(ctx, item);
      const direct = textOf(ctx, n);
      if (direct) {
        if (!direct.unresolved) model.includes.push(direct.value);
        continue;
      }
      const path = get(entries(ctx, n, true), 'path');
      const paths = isSeq(path?.value) ? path.value.items.map((i) => deref(ctx, i)) : [path?.value ?? null];
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
    blockRange: isMap(raw.value) && (raw.value.items.length > 0) && !raw.value.flow ? (rangeOf(raw.value) ?? raw.entry.valueRange) : raw.entry.valueRange,
  };
  const ext = get(list, 'external');
  if (ext) {
    if (isMap(ext.value)) {
      decl.external = { entry: ext.entry, value: true, legacyName: textOf(ctx, get(entries(ctx, ext.value, true), 'name')?.value ?? null) };
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
  if (config && isSeq(config.value)) {
    for (const item of config.value.items) {
      const n = deref(ctx, item);
      const f = entries(ctx, n, true);
      const c: IpamConfigModel = {
        range: rangeOf(n) ?? [0, 0],
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
