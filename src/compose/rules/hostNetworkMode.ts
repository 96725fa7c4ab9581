import { modeKind } from './helpers';
import type { Rule, RuleFinding } from './types';

export const hostNetworkMode: Rule = {
  id: 'host-network-mode',
  severity: 'warning',
  category: 'security',
  enabledByDefault: false,
  summary: '`network_mode: host`: the container shares the host network stack, with no isolation.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      if (modeKind(s) !== 'host' || !s.networkMode) continue;
      out.push({
        message: `Service "${s.name}" uses the host network: every port it opens is open on the host and it can reach host-local services. Prefer a user-defined network with published ports.`,
        range: s.networkMode.value.range,
      });
    }
    return out;
  },
};
