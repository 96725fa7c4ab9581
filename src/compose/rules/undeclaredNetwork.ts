import { closest, declaredNetworkNames } from './helpers';
import { declareNetwork, replaceScalar } from './edits';
import type { Fix, Rule, RuleFinding } from './types';

export const undeclaredNetwork: Rule = {
  id: 'undeclared-network',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'A service joins a network that is not declared under the top-level `networks:`.',
  check(ctx) {
    const declared = declaredNetworkNames(ctx);
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      for (const ref of s.networks?.refs ?? []) {
        if (ref.name === 'default' || declared.has(ref.name)) continue;
        const fixes: Fix[] = [];
        const near = closest(ref.name, declared);
        if (near && s.networks?.entry.local) {
          fixes.push({
            title: `Change to "${near}"`,
            edits: [replaceScalar(ctx.model.text, { value: ref.name, range: ref.range, unresolved: false }, near)],
            preferred: true,
          });
        }
        const declare = declareNetwork(ctx.model, ref.name);
        if (declare) fixes.push({ title: `Declare network "${ref.name}"`, edits: [declare], preferred: !near });
        out.push({
          message: `Service "${s.name}" uses network "${ref.name}", which is not declared under the top-level networks.${near ? ` Did you mean "${near}"?` : ''}`,
          range: ref.range,
          fixes,
        });
      }
    }
    return out;
  },
};
