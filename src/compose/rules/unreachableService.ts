/** A service that names another it cannot reach: no shared network, the host network, or no network at all. */
import { attachmentOf, modeKind, servicesByName, sharedNetworks, waitsForCompletion, type Attachment } from './helpers';
import { joinNetworkEdit } from './edits';
import { describeReference, referencesOf, resolvesLocally, type ServiceReference } from './serviceReferences';
import type { ServiceModel } from '../model/types';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';

/** Who answers to a name: the service of that name, and services carrying it as an alias on one network. */
function aliasIndex(services: readonly ServiceModel[]): Map<string, { service: ServiceModel; network: string }[]> {
  const out = new Map<string, { service: ServiceModel; network: string }[]>();
  for (const s of services) {
    for (const ref of s.networks?.refs ?? []) {
      for (const a of ref.aliases) out.set(a, [...(out.get(a) ?? []), { service: s, network: ref.name }]);
    }
  }
  return out;
}

function names(a: Attachment): string {
  return a.kind === 'networks' ? a.networks.join(', ') || 'none' : a.kind;
}

/** Why `s` cannot reach the target of `ref`, or undefined when it can (or the file alone cannot tell). */
function problem(
  s: ServiceModel,
  from: Attachment,
  target: ServiceModel,
  to: Attachment,
  ref: ServiceReference,
): string | undefined {
  const subject = `Service "${s.name}" ${describeReference(ref)}`;
  if (from.kind === 'networks' && to.kind === 'networks') {
    return (
      `${subject} but they share no network (${s.name}: ${names(from)}; ${target.name}: ${names(to)}), ` +
      `so "${ref.name}" does not resolve from "${s.name}". Put both on a common network.`
    );
  }
  // The rest concerns names used for traffic; depends_on alone only orders start-up.
  if (ref.via !== 'environment') return undefined;
  if (from.kind === 'none') {
    return `${subject} but has \`network_mode: none\`: it has no network at all, so it cannot reach "${ref.name}".`;
  }
  if (from.kind === 'host') {
    return (
      `${subject} but uses the host's network stack, where service names do not resolve. Use localhost and a ` +
      `port "${target.name}" publishes, or join a network of "${target.name}" instead of the host network.`
    );
  }
  if (to.kind === 'host') {
    return (
      `${subject} but "${target.name}" uses the host network, so its name resolves on no network. ` +
      `Reach it at the host's address instead (extra_hosts: "host.docker.internal:host-gateway").`
    );
  }
  return undefined;
}

function joinFix(
  ctx: RuleContext,
  s: ServiceModel,
  from: Attachment,
  network: string | undefined,
  target: string,
): Fix[] {
  if (!network || from.kind !== 'networks' || from.owner !== s) return [];
  const edit = joinNetworkEdit(ctx.model, s, network);
  return edit ? [{ title: `Join network "${network}" (where "${target}" is)`, edits: [edit], preferred: true }] : [];
}

export const unreachableService: Rule = {
  id: 'unreachable-service',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'A service names another (depends_on, a host in environment) that it shares no network with.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const byName = servicesByName(ctx.model);
    const aliases = aliasIndex(ctx.model.services);
    // Another project file may add networks to a service: judge only services this file alone defines.
    const judged = (x: ServiceModel) => !ctx.project.services.has(x.name);
    const attachments = new Map<ServiceModel, Attachment>();
    const attached = (x: ServiceModel) => {
      let a = attachments.get(x);
      if (!a) attachments.set(x, (a = attachmentOf(x, byName)));
      return a;
    };
    for (const s of ctx.model.services) {
      const from = attached(s);
      if (!judged(s) || from.kind === 'unknown') continue;
      const reported = new Set<string>();
      for (const ref of referencesOf(s)) {
        // links: link-without-shared-network; one finding per target name.
        if (ref.via === 'links' || reported.has(ref.name) || resolvesLocally(s, ref.name)) continue;
        if (ref.via === 'depends_on' && waitsForCompletion(ref.condition)) continue;
        const target = byName.get(ref.name);
        const holders = aliases.get(ref.name) ?? [];
        if (from.kind === 'networks' && holders.some((h) => from.networks.includes(h.network))) continue;
        if (!target || target === s || !judged(target) || modeKind(target) === 'service') {
          const holder = holders.find((h) => h.service !== s && judged(h.service) && !h.service.networkMode);
          if (!target && holder && from.kind === 'networks' && ref.via === 'environment') {
            reported.add(ref.name);
            out.push({
              message:
                `Service "${s.name}" ${describeReference(ref)}, an alias of "${holder.service.name}" on network ` +
                `"${holder.network}" only, which "${s.name}" does not join (${names(from)}): the name does not ` +
                `resolve. Join "${holder.network}".`,
              range: ref.range,
              fixes: joinFix(ctx, s, from, holder.network, holder.service.name),
            });
          }
          continue;
        }
        const to = attached(target);
        if (to.kind === 'unknown' || to.kind === 'none' || sharedNetworks(from, to).length > 0) continue;
        const message = problem(s, from, target, to, ref);
        if (!message) continue;
        reported.add(ref.name);
        const network = to.kind === 'networks' ? to.networks[0] : undefined;
        out.push({ message, range: ref.range, fixes: joinFix(ctx, s, from, network, target.name) });
      }
    }
    return out;
  },
};
