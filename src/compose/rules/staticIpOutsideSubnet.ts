import { cidrContains } from '../../model/address';
import { parseIpMemo as parseIp } from '../model/ipMemo';
import { findNetwork, hasUnresolvedSubnet, subnetsOf, usable } from './helpers';
import type { Rule, RuleFinding } from './types';

export const staticIpOutsideSubnet: Rule = {
  id: 'static-ip-outside-subnet',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'A static `ipv4_address`/`ipv6_address` is not an address of that family inside any subnet of the network.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      for (const ref of s.networks?.refs ?? []) {
        const decl = findNetwork(ctx.model, ref.name);
        for (const [family, t] of [
          ['ipv4', ref.ipv4],
          ['ipv6', ref.ipv6],
        ] as const) {
          if (!usable(t)) continue;
          const ip = parseIp(t.value);
          const label = family === 'ipv4' ? 'ipv4_address' : 'ipv6_address';
          if (!ip || ip.kind() !== family) {
            out.push({
              message: `The ${label} "${t.value}" of service "${s.name}" is not an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address.`,
              range: t.range,
            });
            continue;
          }
          if (!decl || decl.external?.value || hasUnresolvedSubnet(decl)) continue;
          const subnets = subnetsOf(decl).filter((x) => x.cidr.family === family);
          if (subnets.length === 0) continue; // reported by static-ip-without-subnet
          if (!subnets.some((x) => cidrContains(x.cidr, ip))) {
            out.push({
              message: `The ${label} ${t.value} of service "${s.name}" is outside every subnet of network "${ref.name}" (${subnets.map((x) => x.text.value).join(', ')}).`,
              range: t.range,
            });
          }
        }
      }
    }
    return out;
  },
};
