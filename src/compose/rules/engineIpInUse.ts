import { canonicalIp } from '../../model/address';
import { engineNameOf, findNetwork, usable } from './helpers';
import type { Rule, RuleFinding } from './types';

export const engineIpInUse: Rule = {
  id: 'engine-ip-in-use',
  severity: 'error',
  category: 'engine',
  enabledByDefault: true,
  summary: 'A static IP already held by another container on an existing external network.',
  check(ctx) {
    if (!ctx.engine) return [];
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      for (const ref of s.networks?.refs ?? []) {
        const decl = findNetwork(ctx.model, ref.name);
        if (!decl?.external?.value) continue;
        const name = engineNameOf(decl, ctx.projectName);
        const net = ctx.engine.networks.find((n) => n.name === name);
        if (!net) continue;
        const endpoints = ctx.engine.endpointsByNetwork.get(net.id) ?? [];
        for (const t of [ref.ipv4, ref.ipv6]) {
          if (!usable(t)) continue;
          const ip = canonicalIp(t.value);
          const holder = endpoints.find(
            (e) => (e.ipv4 && canonicalIp(e.ipv4) === ip) || (e.ipv6 && canonicalIp(e.ipv6) === ip),
          );
          if (!holder) continue;
          out.push({
            message: `The address ${t.value} on external network "${name}" is already used by container "${holder.containerName}"; "compose up" would fail (Address already in use).`,
            range: t.range,
          });
        }
      }
    }
    return out;
  },
};
