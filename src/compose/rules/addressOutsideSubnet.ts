import { cidrContains, cidrInside, parseCidr } from '../../model/address';
import { parseIpMemo as parseIp } from '../model/ipMemo';
import { usable } from './helpers';
import type { Rule, RuleFinding } from './types';

export const addressOutsideSubnet: Rule = {
  id: 'address-outside-subnet',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'A `gateway`, `ip_range` or aux address lies outside its subnet, or is of the other IP family.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const n of ctx.model.networks) {
      for (const c of n.ipam) {
        if (!usable(c.subnet)) continue;
        const subnet = parseCidr(c.subnet.value);
        if (!subnet) continue;
        const where = `subnet ${c.subnet.value} of network "${n.name}"`;
        const addresses = [
          ...(usable(c.gateway) ? [{ label: 'gateway', t: c.gateway }] : []),
          ...c.aux.filter((a) => usable(a.value)).map((a) => ({ label: `aux address "${a.name}"`, t: a.value })),
        ];
        for (const { label, t } of addresses) {
          const ip = parseIp(t.value);
          if (!ip) out.push({ message: `The ${label} "${t.value}" is not an IP address.`, range: t.range });
          else if (ip.kind() !== subnet.family)
            out.push({
              message: `The ${label} ${t.value} is ${ip.kind() === 'ipv6' ? 'IPv6' : 'IPv4'} but its ${where} is not.`,
              range: t.range,
            });
          else if (!cidrContains(subnet, ip))
            out.push({ message: `The ${label} ${t.value} is outside the ${where}.`, range: t.range });
        }
        if (usable(c.ipRange)) {
          const r = parseCidr(c.ipRange.value);
          if (r && r.family !== subnet.family)
            out.push({
              message: `The ip_range ${c.ipRange.value} is of the other IP family than the ${where}.`,
              range: c.ipRange.range,
            });
          else if (r && !cidrInside(r, subnet))
            out.push({
              message: `The ip_range ${c.ipRange.value} is not inside the ${where}.`,
              range: c.ipRange.range,
            });
        }
      }
    }
    return out;
  },
};
