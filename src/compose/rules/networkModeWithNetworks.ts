import { deleteEntry } from './edits';
import type { Rule, RuleFinding } from './types';

export const networkModeWithNetworks: Rule = {
  id: 'network-mode-with-networks',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'A service sets both `network_mode` and `networks`; Compose refuses the combination.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      if (!s.networkMode || !s.networks) continue;
      const fixes = [];
      if (s.networks.entry.local) fixes.push({ title: 'Remove `networks`', edits: [deleteEntry(s.networks.entry)] });
      if (s.networkMode.entry.local)
        fixes.push({ title: 'Remove `network_mode`', edits: [deleteEntry(s.networkMode.entry)] });
      out.push({
        message: `Service "${s.name}" sets both network_mode and networks: Compose rejects this ("network_mode and networks cannot be combined"). Keep one of them.`,
        range: s.networkMode.entry.keyRange,
        fixes,
      });
    }
    return out;
  },
};
