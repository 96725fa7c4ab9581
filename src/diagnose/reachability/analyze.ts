/**
 * "Can A reach B (on port P)?" answered from the engine's own data, in the order a person would check it:
 * both exist and run; whose network namespace each really uses (container:X followed, host, none); then the
 * path: the same namespace (loopback), a shared network (not blocked by enable_icc=false, the name resolving
 * there), or the host (host mode, a published port, a typed address). Then the port, when one is asked for.
 * Pure and linear in the containers' endpoints: no engine calls, no `vscode`.
 */
import { ipFamily } from '../../model/address';
import type { ContainerModel } from '../../model/topology';
import { Analysis } from './context';
import { addNetworkFixes } from './fixes';
import { containerToHost, gatewayOf, hostToContainer, towardsHost, viaPublishedPort, type HostPath } from './hostPaths';
import { extraHostAddress, hasEmbeddedDns } from './names';
import { type Namespace, resolveNamespace } from './namespaces';
import { listeningFact } from './ports';
import { addNameFixes, sharedPath } from './sharedPaths';
import type { ReachabilityFacts, ReachabilityQuery, ReachabilityReport, Verdict } from './types';

type Role = 'source' | 'target';

/** Present and running (not paused, not restarting); adds the state fact and, when it does not run, a fix. */
function checkRunning(a: Analysis, container: ContainerModel, role: Role): boolean {
  const state = a.details(container.id)?.State;
  const status = state?.Paused ? 'paused' : state?.Restarting ? 'restarting' : (state?.Status ?? container.state);
  const ok = status === 'running';
  a.fact('containerState', ok ? 'ok' : 'problem', 'State.Status', container.name, {
    role,
    container: container.name,
    state: status,
  });
  if (!ok) a.fix({ kind: 'startContainer', containerIds: [container.id] });
  return ok;
}

function namespaceOf(a: Analysis, container: ContainerModel, role: Role): Namespace | undefined {
  const result = resolveNamespace(a.snapshot, container, a.facts);
  if (!result.ok) return undefined;
  if (result.namespace.owner.id !== container.id && !checkRunning(a, result.namespace.owner, role)) return undefined;
  return result.namespace;
}

function report(
  a: Analysis,
  verdict: Verdict,
  extra: Partial<ReachabilityReport> & Pick<ReachabilityReport, 'probe'>,
): ReachabilityReport {
  return { verdict, pathNetworkIds: [], ...extra, facts: a.facts, fixes: a.fixes };
}

/** Adds the port facts for a path that exists; returns the verdict they leave. */
function portVerdict(a: Analysis, owner: ContainerModel, target: ContainerModel): Verdict {
  if (a.port === undefined) return 'reachable';
  const { state, facts } = listeningFact(
    owner,
    a.port,
    a.protocol,
    a.sockets(owner.id, target.id),
    a.details(owner.id),
  );
  a.facts.push(...facts);
  if (a.protocol === 'udp') a.fact('udpUnconfirmed', 'info', 'Ports', owner.name, { port: a.port });
  if (state === 'loopbackOnly') a.fix({ kind: 'listenOnAllInterfaces', containerIds: [owner.id], port: a.port });
  return state === 'closed' || state === 'loopbackOnly' ? 'notReachable' : 'reachable';
}

export function analyzeReachability(query: ReachabilityQuery, input: ReachabilityFacts): ReachabilityReport {
  const a = new Analysis(input, query.port, query.protocol);
  const protocol = a.protocol;
  const source = a.snapshot.containers.get(query.sourceId);
  if (!source) {
    a.fact('containerMissing', 'problem', 'Id', query.sourceId, { role: 'source', container: query.sourceId });
    return report(a, 'unknown', { probe: { protocol } });
  }
  const sourceRuns = checkRunning(a, source, 'source');
  const target = query.target.kind === 'container' ? a.snapshot.containers.get(query.target.containerId) : undefined;
  if (query.target.kind === 'container' && !target) {
    a.fact('containerMissing', 'problem', 'Id', query.target.containerId, {
      role: 'target',
      container: query.target.containerId,
    });
    return report(a, 'notReachable', { probe: { protocol } });
  }
  const targetRuns = target ? checkRunning(a, target, 'target') : true;
  const sourceNs = namespaceOf(a, source, 'source');
  const targetNs = target ? namespaceOf(a, target, 'target') : undefined;
  if (!sourceRuns || !targetRuns || !sourceNs || (target && !targetNs))
    return report(a, 'notReachable', { probe: { protocol } });

  const name = query.target.kind === 'host' ? query.target.host : (query.target.name ?? target!.name);
  const base = { sourceNamespaceId: sourceNs.owner.id, targetNamespaceId: targetNs?.owner.id };
  if (!target || !targetNs) return hostTarget(a, sourceNs, name, base);

  const probe = { name: ipFamily(name) ? undefined : name, port: a.port, protocol };
  const sameNamespace =
    sourceNs.owner.id === targetNs.owner.id || (sourceNs.kind === 'host' && targetNs.kind === 'host');
  if (sameNamespace) {
    a.fact('sameNamespace', 'ok', 'HostConfig.NetworkMode', target.name, { source: source.name, target: target.name });
    return report(a, portVerdict(a, targetNs.owner, target), {
      ...base,
      probe: { ...probe, name: undefined, address: '127.0.0.1' },
    });
  }
  for (const ns of [sourceNs, targetNs]) {
    if (ns.kind === 'none') {
      a.fact('noneMode', 'problem', 'HostConfig.NetworkMode', ns.owner.name, { container: ns.owner.name });
      return report(a, 'notReachable', { ...base, probe });
    }
    if (ns.kind === 'host')
      a.fact('hostMode', 'info', 'HostConfig.NetworkMode', ns.owner.name, { container: ns.owner.name });
  }
  if (sourceNs.kind === 'host' || targetNs.kind === 'host') {
    const path =
      sourceNs.kind === 'host'
        ? hostToContainer(a, targetNs.owner)
        : containerToHost(a, sourceNs.owner, targetNs.owner);
    if (!path.ok) return report(a, 'notReachable', { ...base, probe });
    // Names of containers do not resolve in or towards the host's namespace: the address does.
    if (!ipFamily(name)) {
      a.fact('nameDoesNotResolve', 'problem', 'HostConfig.NetworkMode', source.name, { name, target: target.name });
      if (path.address) a.fix({ kind: 'useAddress', address: path.address, containerIds: [] });
      return report(a, 'notReachable', {
        ...base,
        pathNetworkIds: path.networkIds,
        probe: { ...probe, address: path.address },
      });
    }
    return report(a, portVerdict(a, targetNs.owner, target), {
      ...base,
      pathNetworkIds: path.networkIds,
      probe: { ...probe, address: name },
    });
  }
  return betweenNamespaces(a, sourceNs.owner, targetNs.owner, target, name, base);
}

function betweenNamespaces(
  a: Analysis,
  source: ContainerModel,
  owner: ContainerModel,
  target: ContainerModel,
  name: string,
  base: Partial<ReachabilityReport>,
): ReachabilityReport {
  const probe = { name: ipFamily(name) ? undefined : name, port: a.port, protocol: a.protocol };
  const outcome = sharedPath(a, source, owner, name);
  if (outcome.kind === 'path') {
    const first = outcome.links[0];
    const address = outcome.address ?? first.target.ipv4 ?? first.target.ipv6;
    const verdict = portVerdict(a, owner, target);
    return report(a, verdict, {
      ...base,
      pathNetworkIds: outcome.links.map((l) => l.network.id),
      probe: { ...probe, address },
    });
  }
  if (outcome.kind === 'unresolved') {
    addNameFixes(a, outcome.links, owner);
    // Only the default bridge is shared: a user-defined network is what makes names resolve.
    if (!ipFamily(name) && !outcome.links.some((l) => hasEmbeddedDns(l.network)))
      addNetworkFixes(a, source, owner, true);
    const first = outcome.links[0];
    const address = first.target.ipv4 ?? first.target.ipv6;
    return report(a, 'notReachable', {
      ...base,
      pathNetworkIds: outcome.links.map((l) => l.network.id),
      probe: { ...probe, address },
    });
  }
  addNetworkFixes(a, source, owner, !ipFamily(name));
  let published: HostPath | undefined;
  if (a.port !== undefined) published = viaPublishedPort(a, source, owner, a.port);
  if (published?.ok) {
    return report(a, 'onlyViaPublishedPort', {
      ...base,
      pathNetworkIds: published.networkIds,
      probe: { protocol: a.protocol, address: published.address, port: published.port },
    });
  }
  noWayOutFact(a, source);
  // The probe still tries the address typed, else the target's own: the drop it meets is the evidence.
  const blocked = outcome.kind === 'blocked' ? outcome.links[0].target : a.endpoints(owner)[0]?.endpoint;
  const blockedOn = outcome.kind === 'blocked' ? outcome.links.map((l) => l.network.id) : [];
  return report(a, 'notReachable', {
    ...base,
    pathNetworkIds: blockedOn,
    probe: { ...probe, address: ipFamily(name) ? name : (blocked?.ipv4 ?? blocked?.ipv6) },
  });
}

/** When no path was found, also say when the source cannot leave its networks at all (once). */
function noWayOutFact(a: Analysis, source: ContainerModel): void {
  if (a.facts.some((f) => f.code === 'internalNoWayOut')) return;
  const endpoints = a.endpoints(source);
  if (endpoints.length > 0 && endpoints.every((e) => e.network.internal)) {
    const networks = endpoints.map((e) => e.network.name).join(', ');
    a.fact('internalNoWayOut', 'problem', 'Internal', networks, { container: source.name, networks });
  }
}

function hostTarget(
  a: Analysis,
  sourceNs: Namespace,
  host: string,
  base: Partial<ReachabilityReport>,
): ReachabilityReport {
  const probe: ReachabilityReport['probe'] = {
    name: ipFamily(host) ? undefined : host,
    address: ipFamily(host) ? host : undefined,
    port: a.port,
    protocol: a.protocol,
  };
  if (sourceNs.kind === 'none') {
    a.fact('noneMode', 'problem', 'HostConfig.NetworkMode', sourceNs.owner.name, { container: sourceNs.owner.name });
    return report(a, 'notReachable', { ...base, probe });
  }
  if (sourceNs.kind === 'host') {
    a.fact('hostMode', 'info', 'HostConfig.NetworkMode', sourceNs.owner.name, { container: sourceNs.owner.name });
    return report(a, 'unknown', { ...base, probe });
  }
  const extra = ipFamily(host) ? undefined : extraHostAddress(a.details(sourceNs.owner.id), host);
  if (extra)
    a.fact('extraHostResolves', 'ok', 'HostConfig.ExtraHosts', sourceNs.owner.name, { name: host, address: extra });
  const address = extra === 'host-gateway' ? gatewayOf(a, sourceNs.owner)?.gateway : extra;
  const { verdictKnown, path } = towardsHost(a, sourceNs.owner, address ?? host);
  if (address) probe.address = address;
  const verdict: Verdict = !verdictKnown ? 'unknown' : path.ok ? 'reachable' : 'notReachable';
  return report(a, verdict, { ...base, pathNetworkIds: path.networkIds, probe });
}
