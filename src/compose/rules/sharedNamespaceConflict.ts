import { modeKind } from './helpers';
import { deleteEntry } from './edits';
import type { Entry } from '../model/types';
import type { Rule, RuleFinding } from './types';

export const sharedNamespaceConflict: Rule = {
  id: 'shared-namespace-conflict',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: '`network_mode: service:`/`container:` with ports, expose, dns, extra_hosts, hostname or links.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      const kind = modeKind(s);
      if (kind !== 'service' && kind !== 'container') continue;
      const keys: [string, Entry | undefined][] = [
        ['ports', s.ports?.entry],
        ['expose', s.expose],
        ['dns', s.dns],
        ['extra_hosts', s.extraHosts?.entry],
        ['hostname', s.hostname],
        ['links', s.links?.entry],
      ];
      for (const [key, entry] of keys) {
        if (!entry) continue;
        out.push({
          message: `Service "${s.name}" shares the network stack of "${s.networkMode?.value.value.split(':').slice(1).join(':')}", so it cannot set "${key}" (the engine refuses it: conflicting options). Set it on the service that owns the network stack.`,
          range: entry.keyRange,
          fixes: entry.local ? [{ title: `Remove \`${key}\``, edits: [deleteEntry(entry)], preferred: true }] : [],
        });
      }
    }
    return out;
  },
};
