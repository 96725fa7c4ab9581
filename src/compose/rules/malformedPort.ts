import type { Rule, RuleFinding } from './types';

export const malformedPort: Rule = {
  id: 'malformed-port',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'A `ports` entry that Compose cannot parse: bad number, range, address or protocol.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      for (const p of s.ports?.items ?? []) {
        if (p.error)
          out.push({
            message: `Service "${s.name}": malformed port "${p.short?.value ?? 'mapping'}": ${p.error}.`,
            range: p.range,
          });
      }
    }
    return out;
  },
};
