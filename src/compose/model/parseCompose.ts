/**
 * Builds the compose model from text: one `yaml` parse (positions kept through a LineCounter elsewhere), then a
 * single walk over the parts networking cares about. Anchors and merge keys are followed; values are interpolated.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import { interpolate, type Env } from './interpolate';
import { parseLongPort, parseShortPort } from './ports';
import { isValidIpMemo as isValidIp } from './ipMemo';
import { wholeLines } from './textRanges';
import type {
  ComposeModel,
  Entry,
  ExtraHostItem,
  IpamConfigModel,
  LinkItem,
  NetworkDecl,
  NetworkRef,
  PortItem,
  Range,
  ServiceModel,
  Text,
} from './types';

interface Ctx {
  text: string;
  doc: Document;
  env: Env;
  /** Anchor name -> its definitions in document order (an anchor may be redefined). */
  anchors: Map<string, Node[]>;
}

interface RawEntry {
  key: string;
  pair: Pair;
  value: Node | null;
  entry: Entry;
}

const MAX_ALIAS_DEPTH = 20;

function deref(ctx: Ctx, node: unknown, depth = 0): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (depth > MAX_ALIAS_DEPTH) return null;
    // Alias.resolve() walks the whole document each time (quadratic on big files): use the anchor index.
    const at = rangeOf(node)?.[0] ?? 0;
    const defs = ctx.anchors.get(node.source) ?? [];
    let target: Node | undefined;
    for (const d of defs) if ((rangeOf(d)?.[0] ?? 0) < at) target = d;
    return deref(ctx, target ?? null, depth + 1);
  }
  return node as Node;
}

function rangeOf(node: unknown): Range | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/**
 * An Entry whose deleteRange is computed on demand: only fixes need it, and big files have tens of thousands of
 * entries. A class keeps one shared getter instead of a getter and a closure per entry (measurably less GC).
 */
class LazyEntry implements Entry {
  private cachedDelete: Range | undefined;

  constructor(
    private readonly text: string,
    readonly key: string,
    readonly keyRange: Range,
    readonly valueRange: Range,
    readonly local: boolean,
  ) {}

  get deleteRange(): Range {
    return (this.cachedDelete ??= wholeLines(this.text, this.keyRange[0], Math.max(this.keyRange[1], this.valueRange[1])));
  }
}

function makeEntry(ctx: Ctx, key: string, pair: Pair, local: boolean): Entry {
  const keyRange = rangeOf(pair.key) ?? [0, 0];
  const valueRange = rangeOf(pair.value) ?? [keyRange[1] + 1, keyRange[1] + 1];
  return new LazyEntry(ctx.text, key, keyRange, valueRange, local);
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) {
    if (typeof k.value === 'symbol' || k.source === '<<') return '<<';
    return k.value === null || k.value === undefined ? undefined : String(k.value);
  }
  return undefined;
}

/** The entries of a mapping, merge keys applied (explicit keys win), in written order. */
function entries(ctx: Ctx, node: Node | null, local: boolean, depth = 0): RawEntry[] {
  if (!isMap(node) || depth > MAX_ALIAS_DEPTH) return [];
  const own: RawEntry[] = [];
  const merged: RawEntry[] = [];
  for (const pair of node.items) {
    const key = keyText(pair);
    if (key === undefined) continue;
    if (key === '<<') {
      const src = deref(ctx, pair.value);
      const sources = isSeq(src) ? src.items.map((i) => deref(ctx, i)) : [src];
      for (const s of sources) merged.push(...entries(ctx, s, false, depth + 1));
      continue;
    }
    const viaAlias = isAlias(pair.value);
    own.push({ key, pair, value: deref(ctx, pair.value), entry: makeEntry(ctx, key, pair, local && !viaAlias) });
  }
  // Merge keys are rare: skip the de-duplication pass without them.
  if (merged.length === 0) return own;
  const seen = new Set(own.map((e) => e.key));
  const extra: RawEntry[] = [];
  for (const m of merged) {
    if (!seen.has(m.key)) {
      seen.add(m.key);
      extra.push(m);
    }
  }
  return [...own, ...extra];
}

function scalarString(node: Node | null): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'number' && typeof node.source === 'string' && node.source !== '') return node.source;
  return String(node.value);
}

function textOf(ctx: Ctx, node: Node | null): Text | undefined {
  const raw = scalarString(node);
  if (raw === undefined) return undefined;
  const r = interpolate(raw, ctx.env);
  return { value: r.value, unresolved: r.unresolved, range: rangeOf(node) ?? [0, 0] };
}

function boolOf(ctx: Ctx, node: Node | null): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  const t = textOf(ctx, node);
  if (!t || t.unresolved) return undefined;
  if (/^(true|yes|on)$/i.test(t.value)) return true;
  if (/^(false|no|off)$/i.test(t.value)) return false;
  return undefined;
}

function get(list: RawEntry[], key: string): RawEntry | undefined {
  return list.find((e) => e.key === key);
}

/** A lazily computed deletion range for a sequence item (only fixes read it). */
function itemDeleteRange(ctx: Ctx, node: unknown): () => Range {
  let cached: Range | undefined;
  return () => {
    const r = rangeOf(node) ?? [0, 0];
    return (cached ??= wholeLines(ctx.text, r[0], r[1]));
  };
}

function withLazyDelete<T extends object>(value: T, range: () => Range): T & { readonly deleteRange: Range } {
  return Object.defineProperty(value, 'deleteRange', { get: range, enumerable: true }) as T & { readonly deleteRange: Range };
}

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

function parseService(ctx: Ctx, raw: RawEntry): ServiceModel {
  const list = entries(ctx, raw.value, raw.entry.local);
  const blockRange = rangeOf(raw.value) ?? raw.entry.valueRange;
  const svc: ServiceModel = { name: raw.key, entry: raw.entry, blockRange, keys: list.map((e) => e.entry) };
  const nets = get(list, 'networks');
  if (nets) {
    const refs: NetworkRef[] = [];
    if (isSeq(nets.value)) {
      for (const item of nets.value.items) {
        const t = textOf(ctx, deref(ctx, item));
        if (t && !t.unresolved) refs.push(withLazyDelete({ name: t.value, range: t.range, aliases: [] as string[] }, itemDeleteRange(ctx, item)));
      }
      svc.networks = { entry: nets.entry, form: 'list', refs };
    } else {
      for (const n of entries(ctx, nets.value, nets.entry.local)) {
        const opts = entries(ctx, n.value, n.entry.local);
        const aliases = get(opts, 'aliases');
        refs.push(withLazyDelete({
          name: n.key,
          range: n.entry.keyRange,
          ipv4: textOf(ctx, get(opts, 'ipv4_address')?.value ?? null),
          ipv6: textOf(ctx, get(opts, 'ipv6_address')?.value ?? null),
          aliases: isSeq(aliases?.value) ? aliases.value.items.map((i) => textOf(ctx, deref(ctx, i))?.value ?? '').filter(Boolean) : [],
          entry: n.entry,
          options: opts.map((o) => o.entry),
        }, () => n.entry.deleteRange));
      }
      svc.networks = { entry: nets.entry, form: 'map', refs };
    }
  }
  const mode = get(list, 'network_mode');
  const modeText = mode && textOf(ctx, mode.value);
  if (mode && modeText) svc.networkMode = { entry: mode.entry, value: modeText };
  const links = get(list, 'links');
  if (links) {
    const items: LinkItem[] = [];
    if (isSeq(links.value)) {
      for (const item of links.value.items) {
        const t = textOf(ctx, deref(ctx, item));
        if (!t || t.unresolved) continue;
        const [target, alias] = t.value.split(':');
        items.push(withLazyDelete({ target, alias: alias ?? target, text: t }, itemDeleteRange(ctx, item)));
      }
    }
    svc.links = { entry: links.entry, items };
  }
  const externalLinks = get(list, 'external_links');
  if (externalLinks) svc.externalLinks = externalLinks.entry;
  const ports = get(list, 'ports');
  if (ports) svc.ports = { entry: ports.entry, items: isSeq(ports.value) ? ports.value.items.map((i) => parsePortItem(ctx, deref(ctx, i))) : [] };
  for (const key of ['expose', 'dns', 'hostname'] as const) {
    const e = get(list, key);
    if (e) svc[key] = e.entry;
  }
  const hosts = get(list, 'extra_hosts');
  if (hosts) svc.extraHosts = { entry: hosts.entry, items: parseExtraHosts(ctx, hosts.value) };
  const deploy = get(list, 'deploy');
  const replicas = get(entries(ctx, deploy?.value ?? null, true), 'replicas') ?? get(list, 'scale');
  const rt = replicas && textOf(ctx, replicas.value);
  if (rt && !rt.unresolved && /^\d+$/.test(rt.value)) svc.replicas = { value: Number(rt.value), range: rt.range };
  return svc;
}

function parsePortItem(ctx: Ctx, node: Node | null): PortItem {
  const range = rangeOf(node) ?? [0, 0];
  if (isMap(node)) {
    const f = entries(ctx, node, true);
    const field = (k: string) => textOf(ctx, get(f, k)?.value ?? null);
    const texts = { target: field('target'), published: field('published'), hostIp: field('host_ip'), protocol: field('protocol') };
    if (Object.values(texts).some((t) => t?.unresolved)) return { range, unresolved: true };
    const parsed = parseLongPort({
      target: texts.target?.value,
      published: texts.published?.value,
      hostIp: texts.hostIp?.value,
      protocol: texts.protocol?.value,
    });
    const target = get(f, 'target');
    const item: PortItem = { range, unresolved: false, hostIpRange: texts.hostIp?.range, longMapIndentOffset: target?.entry.keyRange[0] };
    if ('error' in parsed) item.error = parsed.error;
    else item.spec = parsed.spec;
    return item;
  }
  const t = textOf(ctx, node);
  if (!t) return { range, unresolved: false, error: 'the entry is neither a port string nor a mapping' };
  if (t.unresolved) return { range, short: t, unresolved: true };
  const parsed = parseShortPort(t.value);
  return 'error' in parsed ? { range, short: t, unresolved: false, error: parsed.error } : { range, short: t, unresolved: false, spec: parsed.spec };
}

function checkHost(host: string, ip: string): string | undefined {
  if (host === '') return 'the host name is empty';
  if (ip === 'host-gateway') return undefined;
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  return isValidIp(bare) ? undefined : `"${ip}" is not an IP address (nor host-gateway)`;
}

function parseExtraHosts(ctx: Ctx, node: Node | null): ExtraHostItem[] {
  const out: ExtraHostItem[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      const t = textOf(ctx, deref(ctx, item));
      if (!t || t.unresolved) continue;
      const eq = t.value.indexOf('=');
      const colon = t.value.indexOf(':');
      const sep = eq >= 0 ? eq : colon;
      if (sep < 0) {
        out.push({ text: t, host: t.value, ip: '', error: 'the entry needs the form host:ip or host=ip' });
        continue;
      }
      const host = t.value.slice(0, sep).trim();
      const ip = t.value.slice(sep + 1).trim();
      out.push({ text: t, host, ip, error: checkHost(host, ip) });
    }
  } else if (isMap(node)) {
    for (const e of entries(ctx, node, true)) {
      const t = textOf(ctx, e.value);
      if (!t || t.unresolved) continue;
      out.push({ text: t, host: e.key, ip: t.value, error: checkHost(e.key, t.value) });
    }
  }
  return out;
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
