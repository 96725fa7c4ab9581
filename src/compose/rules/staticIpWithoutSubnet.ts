import { ipFamilyMemo as ipFamily } from '../model/ipMemo';
import { findNetwork, hasUnresolvedSubnet, subnetsOf, usable } from './helpers';
import type { Rule, RuleFinding } from './types';

export const staticIpWithoutSubnet: Rule = {
  id: 'static-ip-without-subnet',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'A static IP on a network whose IPAM config declares no subnet of that family.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      for (const ref of s.networks?.refs ?? []) {
        const decl = findNetwork(ctx.model, ref.name);
        if (!decl || decl.external?.value || hasUnresolvedSubnet(decl)) continue;
        for (const t of [ref.ipv4, ref.ipv6]) {
          if (!usable(t)) continue;
          const family = ipFamily(t.value);
          if (!family || subnetsOf(decl).some((x) => x.cidr.family === family)) continue;
          out.push({
            message: `Service "${s.name}" asks for the static address ${t.value} on network "${ref.name}", which declares no ${family === 'ipv4' ? 'IPv4' : 'IPv6'} subnet: the engine only honours user-configured subnets for static IPs. Add an ipam config subnet.`,
            range: t.range,
          });
        }
      }
    }
    return out;
  },
};
