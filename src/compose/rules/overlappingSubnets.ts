import { cidrsOverlap } from '../../model/address';
import { subnetsOf } from './helpers';
import type { Rule, RuleFinding } from './types';

export const overlappingSubnets: Rule = {
  id: 'overlapping-subnets',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'Two networks of the project declare overlapping subnets; the engine refuses the second.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const all = ctx.model.networks
      .filter((n) => !n.external?.value)
      .flatMap((n) => subnetsOf(n).map((x) => ({ network: n.name, ...x })));
    for (let i = 0; i < all.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = all[j];
        const b = all[i];
        if (a.network === b.network || !cidrsOverlap(a.cidr, b.cidr)) continue;
        out.push({
          message: `The subnet ${b.text.value} of network "${b.network}" overlaps ${a.text.value} of network "${a.network}"; the engine refuses overlapping pools ("Pool overlaps with other one on this address space").`,
          range: b.text.range,
        });
        break;
      }
    }
    return out;
  },
};
