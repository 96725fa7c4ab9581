import { cidrsOverlap, parseCidr } from '../../model/address';
import { engineNameOf, subnetsOf } from './helpers';
import type { Rule, RuleFinding } from './types';

export const engineSubnetOverlap: Rule = {
  id: 'engine-subnet-overlap',
  severity: 'error',
  category: 'engine',
  enabledByDefault: true,
  summary: "A subnet overlapping one of the engine's existing networks (other than this project's own).",
  check(ctx) {
    if (!ctx.engine) return [];
    const out: RuleFinding[] = [];
    for (const n of ctx.model.networks) {
      if (n.external?.value) continue;
      const ownName = engineNameOf(n, ctx.projectName);
      for (const x of subnetsOf(n)) {
        const clash = ctx.engine.networks.find(
          (e) =>
            e.name !== ownName &&
            e.composeProject !== ctx.projectName &&
            e.ipam.some((c) => {
              const cidr = c.subnet ? parseCidr(c.subnet) : undefined;
              return cidr !== undefined && cidrsOverlap(cidr, x.cidr);
            }),
        );
        if (!clash) continue;
        const theirs = clash.ipam
          .map((c) => c.subnet)
          .filter(Boolean)
          .join(', ');
        out.push({
          message: `The subnet ${x.text.value} of network "${n.name}" overlaps the engine's network "${clash.name}" (${theirs}); the engine would refuse to create it. Pick a free range.`,
          range: x.text.range,
        });
      }
    }
    return out;
  },
};
