/**
 * Whose network namespace a container's traffic really uses. `container:<id>` (HostConfig.NetworkMode) shares
 * another container's namespace: its networks, addresses and listening sockets are the owner's, so the analysis
 * follows the chain to the owner (loop-guarded). host and none are namespaces of their own kind.
 */
import type { ContainerModel, TopologySnapshot } from '../../model/topology';
import type { Fact } from './types';

export type NamespaceKind = 'own' | 'host' | 'none';

export interface Namespace {
  /** The container that owns the namespace (the container itself unless it uses container:<id>). */
  owner: ContainerModel;
  kind: NamespaceKind;
}

export type NamespaceResult = { ok: true; namespace: Namespace } | { ok: false };

/** The container a `container:<ref>` mode names, by full id, name or unique id prefix. */
export function findContainer(snapshot: TopologySnapshot, ref: string): ContainerModel | undefined {
  const byId = snapshot.containers.get(ref);
  if (byId) return byId;
  let prefixMatch: ContainerModel | undefined;
  for (const c of snapshot.containers.values()) {
    if (c.name === ref) return c;
    if (ref.length >= 4 && c.id.startsWith(ref)) prefixMatch = c;
  }
  return prefixMatch;
}

export function modeKind(networkMode: string): NamespaceKind {
  if (networkMode === 'host') return 'host';
  if (networkMode === 'none') return 'none';
  return 'own';
}

/**
 * Follows container:<id> to the owner, adding a fact per hop; a missing or looping owner ends with a problem.
 * The host / none kinds are reported by the caller, which knows whether both sides share the namespace.
 */
export function resolveNamespace(snapshot: TopologySnapshot, start: ContainerModel, facts: Fact[]): NamespaceResult {
  let current = start;
  const seen = new Set<string>([current.id]);
  while (current.networkMode.startsWith('container:')) {
    const ref = current.networkMode.slice('container:'.length);
    const owner = findContainer(snapshot, ref);
    if (!owner || seen.has(owner.id)) {
      facts.push({
        code: 'namespaceOwnerMissing',
        status: 'problem',
        field: 'HostConfig.NetworkMode',
        subject: current.name,
        params: { container: current.name, owner: ref },
      });
      return { ok: false };
    }
    facts.push({
      code: 'sharesNamespace',
      status: 'info',
      field: 'HostConfig.NetworkMode',
      subject: current.name,
      params: { container: current.name, owner: owner.name },
    });
    seen.add(owner.id);
    current = owner;
  }
  const kind = modeKind(current.networkMode);
  return { ok: true, namespace: { owner: current, kind } };
}
