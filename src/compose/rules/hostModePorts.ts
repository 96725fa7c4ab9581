import { modeKind } from './helpers';
import { deleteEntry } from './edits';
import type { Rule, RuleFinding } from './types';

export const hostModePorts: Rule = {
  id: 'host-mode-ports',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: '`network_mode: host` with `ports`: the engine discards the port mappings.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      if (modeKind(s) !== 'host' || !s.ports) continue;
      out.push({
        message: `Service "${s.name}" uses the host network, so its ports are already on the host and the engine discards these mappings ("Published ports are discarded when using host network mode").`,
        range: s.ports.entry.keyRange,
        fixes: s.ports.entry.local
          ? [{ title: 'Remove `ports`', edits: [deleteEntry(s.ports.entry)], preferred: true }]
          : [],
      });
    }
    return out;
  },
};
