/** The network-relevant keys of one service: networks, network_mode, links, ports, hosts, depends_on, environment. */
import type { LNode } from './lightTree';
import { parseLongPort, parseShortPort } from './ports';
import { isValidIpMemo as isValidIp } from './ipMemo';
import {
  deref,
  entries,
  get,
  isMapNode,
  isSeqNode,
  itemDeleteRange,
  rangeOf,
  textOf,
  withLazyDelete,
  type Ctx,
  type RawEntry,
} from './yamlWalk';
import type {
  DependsOnItem,
  EnvItem,
  ExtraHostItem,
  LinkItem,
  NetworkRef,
  PortItem,
  Range,
  ServiceModel,
} from './types';

export function parseService(ctx: Ctx, raw: RawEntry): ServiceModel {
  const list = entries(ctx, raw.value, raw.entry.local);
  const blockRange = rangeOf(raw.value) ?? raw.entry.valueRange;
  const svc: ServiceModel = { name: raw.key, entry: raw.entry, blockRange, keys: list.map((e) => e.entry) };
  const nets = get(list, 'networks');
  if (nets) {
    const refs: NetworkRef[] = [];
    if (isSeqNode(nets.value)) {
      for (const item of nets.value.items) {
        const t = textOf(ctx, deref(ctx, item));
        if (t && !t.unresolved)
          refs.push(
            withLazyDelete({ name: t.value, range: t.range, aliases: [] as string[] }, itemDeleteRange(ctx, item)),
          );
      }
      svc.networks = { entry: nets.entry, form: 'list', refs };
    } else {
      for (const n of entries(ctx, nets.value, nets.entry.local)) {
        const opts = entries(ctx, n.value, n.entry.local);
        const aliases = get(opts, 'aliases');
        refs.push(
          withLazyDelete(
            {
              name: n.key,
              range: n.entry.keyRange,
              ipv4: textOf(ctx, get(opts, 'ipv4_address')?.value ?? null),
              ipv6: textOf(ctx, get(opts, 'ipv6_address')?.value ?? null),
              aliases: isSeqNode(aliases?.value)
                ? aliases.value.items.map((i) => textOf(ctx, deref(ctx, i))?.value ?? '').filter(Boolean)
                : [],
              entry: n.entry,
              options: opts.map((o) => o.entry),
            },
            () => n.entry.deleteRange,
          ),
        );
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
    if (isSeqNode(links.value)) {
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
  if (ports)
    svc.ports = {
      entry: ports.entry,
      items: isSeqNode(ports.value)
        ? ports.value.items.map((i) => parsePortItem(ctx, deref(ctx, i), rangeOf(i) ?? [0, 0]))
        : [],
    };
  for (const key of ['expose', 'dns', 'hostname'] as const) {
    const e = get(list, key);
    if (e) svc[key] = e.entry;
  }
  const deps = get(list, 'depends_on');
  if (deps) svc.dependsOn = { entry: deps.entry, items: parseDependsOn(ctx, deps.value) };
  const env = get(list, 'environment');
  if (env) svc.environment = { entry: env.entry, items: parseEnvironment(ctx, env.value) };
  const hosts = get(list, 'extra_hosts');
  if (hosts) svc.extraHosts = { entry: hosts.entry, items: parseExtraHosts(ctx, hosts.value) };
  const deploy = get(list, 'deploy');
  const replicas = get(entries(ctx, deploy?.value ?? null, true), 'replicas') ?? get(list, 'scale');
  const rt = replicas && textOf(ctx, replicas.value);
  if (rt && !rt.unresolved && /^\d+$/.test(rt.value)) svc.replicas = { value: Number(rt.value), range: rt.range };
  return svc;
}

/** One `ports` item; `itemRange` is where the item is written (an alias to a missing anchor has no node). */
function parsePortItem(ctx: Ctx, node: LNode | null, itemRange: Range): PortItem {
  const range = rangeOf(node) ?? itemRange;
  if (isMapNode(node)) {
    const f = entries(ctx, node, true);
    const field = (k: string) => textOf(ctx, get(f, k)?.value ?? null);
    const texts = {
      target: field('target'),
      published: field('published'),
      hostIp: field('host_ip'),
      protocol: field('protocol'),
    };
    if (Object.values(texts).some((t) => t?.unresolved)) return { range, unresolved: true };
    const parsed = parseLongPort({
      target: texts.target?.value,
      published: texts.published?.value,
      hostIp: texts.hostIp?.value,
      protocol: texts.protocol?.value,
    });
    const target = get(f, 'target');
    const item: PortItem = {
      range,
      unresolved: false,
      hostIpRange: texts.hostIp?.range,
      longMapIndentOffset: target?.entry.keyRange[0],
    };
    if ('error' in parsed) item.error = parsed.error;
    else item.spec = parsed.spec;
    return item;
  }
  const t = textOf(ctx, node);
  if (!t) return { range, unresolved: false, error: 'the entry is neither a port string nor a mapping' };
  if (t.unresolved) return { range, short: t, unresolved: true };
  const parsed = parseShortPort(t.value);
  return 'error' in parsed
    ? { range, short: t, unresolved: false, error: parsed.error }
    : { range, short: t, unresolved: false, spec: parsed.spec };
}

function checkHost(host: string, ip: string): string | undefined {
  if (host === '') return 'the host name is empty';
  if (ip === 'host-gateway') return undefined;
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  return isValidIp(bare) ? undefined : `"${ip}" is not an IP address (nor host-gateway)`;
}

function parseExtraHosts(ctx: Ctx, node: LNode | null): ExtraHostItem[] {
  const out: ExtraHostItem[] = [];
  if (isSeqNode(node)) {
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
  } else if (isMapNode(node)) {
    for (const e of entries(ctx, node, true)) {
      const t = textOf(ctx, e.value);
      if (!t || t.unresolved) continue;
      out.push({ text: t, host: e.key, ip: t.value, error: checkHost(e.key, t.value) });
    }
  }
  return out;
}

/** `depends_on`: a list of names, or a map of names to `{condition, restart, required}`. */
function parseDependsOn(ctx: Ctx, node: LNode | null): DependsOnItem[] {
  const out: DependsOnItem[] = [];
  if (isSeqNode(node)) {
    for (const item of node.items) {
      const t = textOf(ctx, deref(ctx, item));
      if (t && !t.unresolved) out.push({ name: t.value, range: t.range });
    }
  } else if (isMapNode(node)) {
    for (const e of entries(ctx, node, true)) {
      const condition = textOf(ctx, get(entries(ctx, e.value, true), 'condition')?.value ?? null);
      out.push({
        name: e.key,
        range: e.entry.keyRange,
        condition: condition?.unresolved ? undefined : condition?.value,
      });
    }
  }
  return out;
}

/** `environment`: `KEY: value` pairs, or `KEY=value` strings (a bare `KEY` passes the variable through: skipped). */
function parseEnvironment(ctx: Ctx, node: LNode | null): EnvItem[] {
  const out: EnvItem[] = [];
  if (isSeqNode(node)) {
    for (const item of node.items) {
      const t = textOf(ctx, deref(ctx, item));
      const eq = t ? t.value.indexOf('=') : -1;
      if (t && eq > 0) out.push({ key: t.value.slice(0, eq), value: { ...t, value: t.value.slice(eq + 1) } });
    }
  } else if (isMapNode(node)) {
    for (const e of entries(ctx, node, true)) {
      const t = textOf(ctx, e.value);
      if (t) out.push({ key: e.key, value: t });
    }
  }
  return out;
}
