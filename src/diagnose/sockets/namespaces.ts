/**
 * Which running containers share a network namespace: `network_mode: container:<other>` joins the other
 * container's namespace, `host` joins the host's. Each namespace is read once, and what it holds is attributed to
 * every container in it. Pure: containers in, groups out.
 */
import type { ContainerModel } from '../../model/topology';

export interface NamespaceGroup {
  /** The container whose namespace it is (the one with the endpoints); its socket table is the one read. */
  ownerId: string;
  /** Every running container in the namespace, the owner first. */
  containerIds: string[];
  /** The host's own namespace (host network mode): its table holds every socket of the host. */
  host: boolean;
}

const HOST_KEY = 'host';

/** Finds a container by full id, id prefix or name, as the engine accepts them in `container:<ref>`. */
function resolveRef(ref: string, containers: readonly ContainerModel[]): ContainerModel | undefined {
  return (
    containers.find((c) => c.id === ref || c.name === ref) ??
    (ref.length >= 4 ? containers.find((c) => c.id.startsWith(ref)) : undefined)
  );
}

/**
 * The namespace key of each running container. `knownKeys` (e.g. the inode of /proc/<pid>/ns/net, when the host
 * can read it) wins over what NetworkMode says; a `container:` chain is followed (with a guard against cycles).
 */
export function namespaceKeys(
  containers: readonly ContainerModel[],
  knownKeys: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const keys = new Map<string, string>();
  const keyOf = (container: ContainerModel, depth: number): string => {
    const known = knownKeys.get(container.id);
    if (known !== undefined) return known;
    if (container.networkMode === 'host') return HOST_KEY;
    if (container.networkMode.startsWith('container:') && depth < 8) {
      const target = resolveRef(container.networkMode.slice('container:'.length), containers);
      if (target && target.id !== container.id) return keyOf(target, depth + 1);
    }
    return container.id;
  };
  for (const container of containers) if (container.running) keys.set(container.id, keyOf(container, 0));
  return keys;
}

/** Groups the running containers by namespace; the owner is the member not joined through `container:`. */
export function namespaceGroups(
  containers: readonly ContainerModel[],
  knownKeys: ReadonlyMap<string, string> = new Map(),
): NamespaceGroup[] {
  const byKey = new Map<string, ContainerModel[]>();
  for (const [id, key] of namespaceKeys(containers, knownKeys)) {
    const container = containers.find((c) => c.id === id);
    if (!container) continue;
    const members = byKey.get(key) ?? [];
    members.push(container);
    byKey.set(key, members);
  }
  const groups: NamespaceGroup[] = [];
  for (const [key, members] of byKey) {
    const joined = (c: ContainerModel): number => (c.networkMode.startsWith('container:') ? 1 : 0);
    const ordered = [...members].sort((a, b) => joined(a) - joined(b) || a.name.localeCompare(b.name));
    const host = key === HOST_KEY || ordered.some((c) => c.networkMode === 'host');
    groups.push({ ownerId: ordered[0]!.id, containerIds: ordered.map((c) => c.id), host });
  }
  return groups;
}
