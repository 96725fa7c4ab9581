import { serviceNames } from './helpers';
import type { Rule, RuleFinding } from './types';

export const unknownServiceReference: Rule = {
  id: 'unknown-service-reference',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: '`network_mode: service:X` or a `links` entry names a service that does not exist.',
  check(ctx) {
    const services = serviceNames(ctx);
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      const mode = s.networkMode?.value;
      if (mode && !mode.unresolved && mode.value.startsWith('service:')) {
        const target = mode.value.slice('service:'.length);
        if (!services.has(target)) {
          out.push({
            message: `Service "${s.name}" shares the network stack of service "${target}", which does not exist in this project.`,
            range: mode.range,
          });
        }
      }
      for (const link of s.links?.items ?? []) {
        if (!services.has(link.target)) {
          out.push({
            message: `Service "${s.name}" links to "${link.target}", which is not a service of this project (use external_links for other containers).`,
            range: link.text.range,
          });
        }
      }
    }
    return out;
  },
};
