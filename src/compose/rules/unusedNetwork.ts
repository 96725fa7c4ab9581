import { effectiveNetworks } from './helpers';
import { deleteEntry } from './edits';
import type { Rule, RuleFinding } from './types';

export const unusedNetwork: Rule = {
  id: 'unused-network',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'A declared network that no service of the project uses.',
  check(ctx) {
    const used = new Set(ctx.project.usedNetworks);
    for (const s of ctx.model.services) for (const n of effectiveNetworks(s)) used.add(n);
    const out: RuleFinding[] = [];
    for (const n of ctx.model.networks) {
      if (used.has(n.name)) continue;
      out.push({
        message: `Network "${n.name}" is declared but no service uses it${n.external?.value ? '' : ' (Compose creates it anyway)'}.`,
        range: n.entry.keyRange,
        fixes: n.entry.local
          ? [{ title: `Remove network "${n.name}"`, edits: [deleteEntry(n.entry)], preferred: true }]
          : [],
      });
    }
    return out;
  },
};
