import { engineNameOf } from './helpers';
import type { Rule, RuleFinding } from './types';

export const engineNetworkMissing: Rule = {
  id: 'engine-network-missing',
  severity: 'error',
  category: 'engine',
  enabledByDefault: true,
  summary: 'An external network that does not exist on the connected engine.',
  check(ctx) {
    if (!ctx.engine) return [];
    const names = new Set(ctx.engine.networks.flatMap((n) => [n.name, n.id]));
    const out: RuleFinding[] = [];
    for (const n of ctx.model.networks) {
      if (!n.external?.value) continue;
      const name = engineNameOf(n, ctx.projectName);
      if (name === undefined || names.has(name)) continue;
      out.push({
        message: `External network "${name}" does not exist on the engine; "compose up" would fail. Create it first (docker network create ${name}) or drop "external".`,
        range: n.entry.keyRange,
      });
    }
    return out;
  },
};
