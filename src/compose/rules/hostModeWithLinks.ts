import { modeKind } from './helpers';
import { deleteEntry } from './edits';
import type { Rule, RuleFinding } from './types';

export const hostModeWithLinks: Rule = {
  id: 'host-mode-with-links',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: '`network_mode: host` together with `links`; the engine refuses links in host mode.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      if (modeKind(s) !== 'host' || !s.links) continue;
      out.push({
        message: `Service "${s.name}" uses the host network and links: the engine refuses this ("conflicting options: host type networking can't be used with links"). Reach other services through published ports instead.`,
        range: s.links.entry.keyRange,
        fixes: s.links.entry.local
          ? [{ title: 'Remove `links`', edits: [deleteEntry(s.links.entry)], preferred: true }]
          : [],
      });
    }
    return out;
  },
};
