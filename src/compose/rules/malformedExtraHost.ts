import type { Rule, RuleFinding } from './types';

export const malformedExtraHost: Rule = {
  id: 'malformed-extra-host',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'An `extra_hosts` entry that is not `host:ip` (or `host=ip`) with a valid IP or `host-gateway`.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      for (const h of s.extraHosts?.items ?? []) {
        if (h.error)
          out.push({
            message: `Service "${s.name}": malformed extra_hosts entry "${h.text.value}": ${h.error}.`,
            range: h.text.range,
          });
      }
    }
    return out;
  },
};
