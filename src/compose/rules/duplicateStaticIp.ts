import { canonicalIpMemo as canonicalIp } from '../model/ipMemo';
import { findNetwork, usable } from './helpers';
import type { Text } from '../model/types';
import type { Rule, RuleFinding } from './types';

export const duplicateStaticIp: Rule = {
  id: 'duplicate-static-ip',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'The same static IP twice on a network, a static IP equal to the gateway, or on a replicated service.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const seen = new Map<string, string>();
    const gatewaysOf = new Map<string, Set<string>>();
    const gateways = (network: string): Set<string> => {
      let set = gatewaysOf.get(network);
      if (!set) {
        const decl = findNetwork(ctx.model, network);
        const list = (decl?.ipam ?? []).map((c) => c.gateway).filter((g): g is Text => usable(g));
        set = new Set(list.map((g) => canonicalIp(g.value)).filter((g): g is string => g !== undefined));
        gatewaysOf.set(network, set);
      }
      return set;
    };
    for (const s of ctx.model.services) {
      for (const ref of s.networks?.refs ?? []) {
        for (const t of [ref.ipv4, ref.ipv6]) {
          if (!usable(t)) continue;
          const ip = canonicalIp(t.value);
          if (!ip) continue;
          const key = `${ref.name}\u0000${ip}`;
          const first = seen.get(key);
          if (first !== undefined) {
            out.push({
              message: `The address ${t.value} on network "${ref.name}" is already given to service "${first}"; the second container would fail to start.`,
              range: t.range,
            });
          } else seen.set(key, s.name);
          if (gateways(ref.name).has(ip)) {
            out.push({
              message: `The address ${t.value} of service "${s.name}" is the gateway of network "${ref.name}".`,
              range: t.range,
            });
          }
          if (s.replicas && s.replicas.value > 1) {
            out.push({
              message: `Service "${s.name}" runs ${s.replicas.value} replicas but has the static address ${t.value}: only one container can hold it.`,
              range: t.range,
            });
          }
        }
      }
    }
    return out;
  },
};
