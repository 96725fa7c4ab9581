import { hasHostBits, maskedPrefix, parseCidr } from '../../model/address';
import { usable } from './helpers';
import { replaceScalar } from './edits';
import type { Text } from '../model/types';
import type { Rule, RuleFinding } from './types';

export const invalidCidr: Rule = {
  id: 'invalid-cidr',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'A `subnet` or `ip_range` is not a valid CIDR block, or has host bits set.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const checkOne = (network: string, key: string, t: Text | undefined) => {
      if (!usable(t)) return;
      const cidr = parseCidr(t.value);
      if (!cidr) {
        out.push({
          message: `The ${key} "${t.value}" of network "${network}" is not a valid CIDR block (address/prefix, e.g. 172.28.0.0/16).`,
          range: t.range,
        });
      } else if (hasHostBits(cidr)) {
        const fixed = maskedPrefix(cidr);
        out.push({
          message: `The ${key} "${t.value}" of network "${network}" has host bits set; the engine expects the network address "${fixed}".`,
          range: t.range,
          fixes: [
            { title: `Replace with ${fixed}`, edits: [replaceScalar(ctx.model.text, t, fixed)], preferred: true },
          ],
        });
      }
    };
    for (const n of ctx.model.networks) {
      for (const c of n.ipam) {
        checkOne(n.name, 'subnet', c.subnet);
        checkOne(n.name, 'ip_range', c.ipRange);
      }
    }
    return out;
  },
};
