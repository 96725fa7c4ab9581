/** Ports published by a service that is only on `internal` networks: the engine publishes none of them. */
import { effectiveNetworks } from './helpers';
import { deleteEntry, joinNetworkEdit } from './edits';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';
import type { ServiceModel } from '../model/types';

function fixes(ctx: RuleContext, s: ServiceModel): Fix[] {
  const out: Fix[] = [];
  const open = ctx.model.networks.find((n) => n.internal?.value !== true && n.entry.local);
  const join = open && joinNetworkEdit(ctx.model, s, open.name);
  if (open && join) out.push({ title: `Join network "${open.name}" (not internal)`, edits: [join], preferred: true });
  if (s.ports?.entry.local) out.push({ title: 'Remove `ports`', edits: [deleteEntry(s.ports.entry)] });
  return out;
}

export const internalNetworkPorts: Rule = {
  id: 'internal-network-ports',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'A service only on `internal` networks publishes ports: the engine publishes nothing for it.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const internal = new Set(ctx.model.networks.filter((n) => n.internal?.value === true).map((n) => n.name));
    if (internal.size === 0) return out;
    for (const s of ctx.model.services) {
      if (s.networkMode || !s.ports || s.ports.items.length === 0) continue;
      const nets = effectiveNetworks(s);
      // A network declared in another file (or `default` left undeclared) is not internal as far as we know.
      if (nets.length === 0 || nets.some((n) => !internal.has(n))) continue;
      out.push({
        message:
          `Service "${s.name}" publishes ports, but all its networks (${nets.join(', ')}) are internal: the engine ` +
          'publishes no port for a container that is only on internal networks, so nothing outside reaches it. ' +
          'Join a non-internal network as well, or remove `ports`.',
        range: s.ports.entry.keyRange,
        fixes: fixes(ctx, s),
      });
    }
    return out;
  },
};
