/** Queries shared by several rules, over the model plus what other project files contribute. */
import { parseCidr, type Cidr } from '../../model/address';
import type { ComposeModel, NetworkDecl, ServiceModel, Text } from '../model/types';
import type { RuleContext } from './types';

export function declaredNetworkNames(ctx: RuleContext): Set<string> {
  const names = new Set(ctx.project.networks);
  for (const n of ctx.model.networks) names.add(n.name);
  return names;
}

export function serviceNames(ctx: RuleContext): Set<string> {
  const names = new Set(ctx.project.services);
  for (const s of ctx.model.services) names.add(s.name);
  return names;
}

// Several rules ask for every service's networks (and the connectivity rules once per reference): compute once.
const networksCache = new WeakMap<ServiceModel, readonly string[]>();

/** Networks a service joins: its `networks`, or `default` when it has neither networks nor network_mode. */
export function effectiveNetworks(s: ServiceModel): readonly string[] {
  let out = networksCache.get(s);
  if (!out) {
    out = s.networks ? s.networks.refs.map((r) => r.name) : s.networkMode ? [] : ['default'];
    networksCache.set(s, out);
  }
  return out;
}

export function findNetwork(model: ComposeModel, name: string): NetworkDecl | undefined {
  return model.networks.find((n) => n.name === name);
}

export function usable(t: Text | undefined): t is Text {
  return t !== undefined && !t.unresolved;
}

// Parsed subnets per declaration: the static-IP rules ask once per service reference (thousands on big files).
const subnetCache = new WeakMap<NetworkDecl, { cidr: Cidr; text: Text }[]>();

/** The valid subnets of a declaration, with the Text they came from. */
export function subnetsOf(decl: NetworkDecl): { cidr: Cidr; text: Text }[] {
  let out = subnetCache.get(decl);
  if (!out) {
    out = [];
    for (const c of decl.ipam) {
      if (!usable(c.subnet)) continue;
      const cidr = parseCidr(c.subnet.value);
      if (cidr) out.push({ cidr, text: c.subnet });
    }
    subnetCache.set(decl, out);
  }
  // A copy: callers own the array they get.
  return out.slice();
}

/** True when the declaration's IPAM config holds any subnet we cannot judge (unresolved variable). */
export function hasUnresolvedSubnet(decl: NetworkDecl): boolean {
  return decl.ipam.some((c) => c.subnet?.unresolved);
}

export function modeKind(s: ServiceModel): 'host' | 'none' | 'bridge' | 'service' | 'container' | 'other' | undefined {
  const m = s.networkMode;
  if (!m || m.value.unresolved) return undefined;
  const v = m.value.value;
  if (v === 'host' || v === 'none' || v === 'bridge') return v;
  if (v.startsWith('service:')) return 'service';
  if (v.startsWith('container:')) return 'container';
  return 'other';
}

/** The engine-side name of a declared network: `name:`, or `<project>_<key>` (external: the key). */
export function engineNameOf(decl: NetworkDecl, projectName: string): string | undefined {
  if (decl.external?.legacyName) return usable(decl.external.legacyName) ? decl.external.legacyName.value : undefined;
  if (decl.nameValue) return usable(decl.nameValue) ? decl.nameValue.value : undefined;
  return decl.external?.value ? decl.name : `${projectName}_${decl.name}`;
}

export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Where a service's network stack lives. `network_mode: service:x` shares x's stack, so the chain is followed to
 * its owner; `bridge`, `container:` and unresolved modes are `unknown` (the file alone cannot tell).
 */
export type Attachment =
  | { kind: 'networks'; networks: readonly string[]; owner: ServiceModel }
  | { kind: 'host' | 'none' | 'unknown'; owner: ServiceModel };

export function attachmentOf(s: ServiceModel, byName: ReadonlyMap<string, ServiceModel>): Attachment {
  let owner = s;
  for (let hops = 0; hops <= byName.size; hops++) {
    const mode = owner.networkMode;
    if (!mode) return { kind: 'networks', networks: effectiveNetworks(owner), owner };
    const kind = modeKind(owner);
    if (kind === 'host' || kind === 'none') return { kind, owner };
    const next = kind === 'service' ? byName.get(mode.value.value.slice('service:'.length)) : undefined;
    if (!next) break;
    owner = next;
  }
  return { kind: 'unknown', owner };
}

export function servicesByName(model: ComposeModel): Map<string, ServiceModel> {
  return new Map(model.services.map((s) => [s.name, s]));
}

/** The networks two attachments have in common (empty unless both sit on compose networks). */
export function sharedNetworks(a: Attachment, b: Attachment): string[] {
  if (a.kind !== 'networks' || b.kind !== 'networks') return [];
  return a.networks.filter((n) => b.networks.includes(n));
}

/** A `depends_on` that only waits for a one-shot job to finish: ordering, not traffic. */
export function waitsForCompletion(condition: string | undefined): boolean {
  return condition === 'service_completed_successfully';
}
