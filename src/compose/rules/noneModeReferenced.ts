/** A `network_mode: none` service that others depend on, link to or name as a host: it has no network. */
import { attachmentOf, modeKind, servicesByName, waitsForCompletion } from './helpers';
import { deleteEntry } from './edits';
import { describeReference, referencesOf, resolvesLocally } from './serviceReferences';
import type { ServiceModel } from '../model/types';
import type { Fix, Rule, RuleFinding } from './types';

/** Dropping `network_mode: none` puts the target on `default`: natural only when the source is there too. */
function removeModeFix(source: ServiceModel, target: ServiceModel, byName: ReadonlyMap<string, ServiceModel>): Fix[] {
  const mode = target.networkMode;
  const from = attachmentOf(source, byName);
  if (!mode?.entry.local || from.kind !== 'networks' || !from.networks.includes('default')) return [];
  return [
    { title: `Remove \`network_mode: none\` from "${target.name}"`, edits: [deleteEntry(mode.entry)], preferred: true },
  ];
}

export const noneModeReferenced: Rule = {
  id: 'none-mode-referenced',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'A `network_mode: none` service that others depend on, link to or name as a host: nothing can reach it.',
  check(ctx) {
    const out: RuleFinding[] = [];
    if (!ctx.model.services.some((s) => modeKind(s) === 'none')) return out;
    const byName = servicesByName(ctx.model);
    for (const s of ctx.model.services) {
      const reported = new Set<string>();
      for (const ref of referencesOf(s)) {
        const target = byName.get(ref.name);
        if (!target || target === s || reported.has(ref.name) || modeKind(target) !== 'none') continue;
        // Another file may override the mode; a name the source maps itself (extra_hosts) is not the service.
        if (ctx.project.services.has(target.name)) continue;
        if (ref.via === 'environment' && resolvesLocally(s, ref.name)) continue;
        if (ref.via === 'depends_on' && waitsForCompletion(ref.condition)) continue;
        reported.add(ref.name);
        out.push({
          message:
            `Service "${s.name}" ${describeReference(ref)}, which has \`network_mode: none\`: it has no network, so ` +
            `nothing can reach it. Give "${target.name}" a network, or wait for it with ` +
            `\`condition: service_completed_successfully\` if it is a one-shot job.`,
          range: ref.range,
          fixes: removeModeFix(s, target, byName),
        });
      }
    }
    return out;
  },
};
