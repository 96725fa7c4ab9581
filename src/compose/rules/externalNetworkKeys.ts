import type { Rule, RuleFinding } from './types';

const ALLOWED = new Set(['external', 'name']);

export const externalNetworkKeys: Rule = {
  id: 'external-network-keys',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'An external network sets keys other than `name`; Compose does not create it, so they cannot apply.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const n of ctx.model.networks) {
      if (!n.external?.value) continue;
      for (const k of n.keys) {
        if (ALLOWED.has(k.key) || k.key.startsWith('x-')) continue;
        out.push({
          message: `Network "${n.name}" is external, so Compose does not create it and rejects "${k.key}" (conflicting parameters). Set it where the network is created, or drop "external".`,
          range: k.keyRange,
        });
      }
    }
    return out;
  },
};
