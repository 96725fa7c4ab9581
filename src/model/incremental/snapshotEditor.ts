/**
 * Applies what the engine says about a few objects to the topology snapshot, at a cost proportional to the
 * change: a container's fresh listing record (or its absence: removed), a network's record (or its absence).
 * The result equals buildSnapshot of a fresh listing holding the same objects (checked by a property test),
 * and the diff equals diffSnapshots(before, after) (checked too), so consumers cannot tell the two paths apart.
 *
 * Snapshots stay immutable: each update makes new PersistentMaps that share everything unchanged with the
 * previous version; endpoint lists are copied only for the networks and containers touched (O(endpoints of those)).
 * Beside the snapshot, the editor keeps each container's NetworkSettings.Networks (what its endpoints are made
 * from, needed again when one of its networks appears or goes) and the NetworkReferences indexes.
 */
import type { EngineContainer, EngineEndpointSettings, EngineListing, EngineNetwork } from '../../engine/records';
import { sameContainer, sameEndpoint, sameNetwork } from '../diff';
import {
  attachedNetworks,
  buildSnapshot,
  byNameThenId,
  compareText,
  containerEndpoints,
  type NetworkLookup,
  toContainerModel,
  toNetworkModel,
} from '../snapshot';
import type { ContainerModel, EndpointModel, NetworkModel, SnapshotDiff, TopologySnapshot } from '../topology';
import { Draft } from './draft';
import { NetworkReferences } from './networkReferences';
import { lowerBound, PersistentMap } from './persistentMap';
import { diffTouched } from './partialDiff';

/** What the engine now says about one object; `record` undefined means the object is gone. */
export type ObjectUpdate =
  | { kind: 'container'; id: string; record: EngineContainer | undefined }
  | { kind: 'network'; id: string; record: EngineNetwork | undefined };

export interface AppliedUpdate {
  snapshot: TopologySnapshot;
  diff: SnapshotDiff;
}

type Attached = Readonly<Record<string, EngineEndpointSettings>>;

/** The snapshot's endpoint order: network (name, id), then container (name, id). */
export function compareEndpoints(a: EndpointModel, b: EndpointModel): number {
  return (
    compareText(a.networkName, b.networkName) ||
    compareText(a.networkId, b.networkId) ||
    compareText(a.containerName, b.containerName) ||
    compareText(a.containerId, b.containerId)
  );
}

/** The order of a network's endpoint list: its containers' (name, id). */
function compareByContainer(a: EndpointModel, b: EndpointModel): number {
  return compareText(a.containerName, b.containerName) || compareText(a.containerId, b.containerId);
}

export class SnapshotEditor {
  private current!: TopologySnapshot;
  private attached = new Map<string, Attached>();
  private references = new NetworkReferences();

  constructor(listing: EngineListing) {
    this.reset(listing);
  }

  get snapshot(): TopologySnapshot {
    return this.current;
  }

  /** Starts over from a full listing (O(size)); returns its snapshot, in PersistentMaps for the updates to come. */
  reset(listing: EngineListing): TopologySnapshot {
    this.current = persistent(buildSnapshot(listing));
    this.attached = new Map();
    this.references = new NetworkReferences();
    for (const network of this.current.networks.values()) this.references.addNetwork(network.name, network.id);
    for (const raw of listing.containers ?? []) {
      const attached = attachedNetworks(raw);
      this.attached.set(raw.Id, attached);
      this.references.addContainer(raw.Id, attached);
    }
    return this.current;
  }

  /** Applies the updates in order (a later update of the same object wins) as one change. */
  apply(updates: readonly ObjectUpdate[]): AppliedUpdate {
    const before = this.current;
    const edit = new Edit(before, this.references);
    const dependents = new Set<string>();
    for (const update of updates) {
      if (update.kind === 'network') this.updateNetwork(edit, update.id, update.record, dependents);
      else this.updateContainer(edit, update.id, update.record, dependents);
    }
    for (const containerId of dependents) edit.rebuildEndpoints(containerId, this.attached.get(containerId));
    const after: TopologySnapshot = {
      networks: edit.networks.commit(),
      containers: edit.containers.commit(),
      endpoints: edit.endpoints.commit(),
      endpointsByNetwork: edit.byNetwork.commit(),
      endpointsByContainer: edit.byContainer.commit(),
    };
    const diff: SnapshotDiff = {
      networks: diffTouched(before.networks, after.networks, edit.networks.touched, sameNetwork, byNameThenId),
      containers: diffTouched(
        before.containers,
        after.containers,
        edit.containers.touched,
        sameContainer,
        byNameThenId,
      ),
      endpoints: diffTouched(before.endpoints, after.endpoints, edit.endpoints.touched, sameEndpoint, compareEndpoints),
    };
    this.current = after;
    return { snapshot: after, diff };
  }

  private updateNetwork(edit: Edit, id: string, record: EngineNetwork | undefined, dependents: Set<string>): void {
    const previous = edit.networks.get(id);
    if (previous) {
      this.references.removeNetwork(previous.name, id);
      this.references.collectDependents(id, previous.name, dependents);
    }
    if (!record) {
      if (previous) edit.networks.delete(id);
      if (edit.byNetwork.has(id)) edit.byNetwork.delete(id);
      return;
    }
    const next = toNetworkModel({ ...record, Id: id });
    this.references.addNetwork(next.name, id);
    this.references.collectDependents(id, next.name, dependents);
    if (!previous || !sameNetwork(previous, next)) edit.networks.set(id, next);
    if (!edit.byNetwork.has(id)) edit.byNetwork.set(id, []);
  }

  private updateContainer(edit: Edit, id: string, record: EngineContainer | undefined, dependents: Set<string>): void {
    const previousAttached = this.attached.get(id);
    if (previousAttached) this.references.removeContainer(id, previousAttached);
    dependents.add(id);
    if (!record) {
      this.attached.delete(id);
      if (edit.containers.has(id)) edit.containers.delete(id);
      return;
    }
    const attached = attachedNetworks(record);
    this.attached.set(id, attached);
    this.references.addContainer(id, attached);
    const previous = edit.containers.get(id);
    const next = toContainerModel({ ...record, Id: id });
    if (!previous || !sameContainer(previous, next)) edit.containers.set(id, next);
  }
}

/** One update in progress: the five drafts and the endpoint bookkeeping between them. */
class Edit {
  readonly networks: Draft<NetworkModel>;
  readonly containers: Draft<ContainerModel>;
  readonly endpoints: Draft<EndpointModel>;
  readonly byNetwork: Draft<readonly EndpointModel[]>;
  readonly byContainer: Draft<readonly EndpointModel[]>;
  /** Network lists already copied in this update: edited in place from then on. */
  private readonly ownLists = new Set<string>();
  private readonly byName: NetworkLookup = {
    get: (name: string): NetworkModel | undefined => {
      const id = this.references.idForName(name);
      return id === undefined ? undefined : this.networks.get(id);
    },
  };

  constructor(
    before: TopologySnapshot,
    private readonly references: NetworkReferences,
  ) {
    this.networks = new Draft(before.networks, byNameThenId);
    this.containers = new Draft(before.containers, byNameThenId);
    this.endpoints = new Draft(before.endpoints, compareEndpoints);
    this.byNetwork = new Draft(before.endpointsByNetwork);
    this.byContainer = new Draft(before.endpointsByContainer);
  }

  /** Recomputes one container's endpoints and moves the network lists and the endpoint map to them. */
  rebuildEndpoints(containerId: string, attached: Attached | undefined): void {
    const container = this.containers.get(containerId);
    const previous = this.byContainer.get(containerId) ?? [];
    const next =
      container && attached ? containerEndpoints(attached, container, this.networks, this.byName) : undefined;
    // Unchanged endpoints keep their object, so consumers comparing by identity see no change.
    const kept = new Set<EndpointModel>();
    if (next) {
      for (let i = 0; i < next.length; i++) {
        const old = this.endpoints.get(next[i].key);
        if (old && sameEndpoint(old, next[i])) {
          next[i] = old;
          kept.add(old);
        }
      }
    }
    for (const endpoint of previous) {
      if (kept.has(endpoint)) continue;
      this.endpoints.delete(endpoint.key);
      this.editList(endpoint.networkId, (list) => {
        const at = list.findIndex((e) => e.key === endpoint.key);
        if (at >= 0) list.splice(at, 1);
      });
    }
    for (const endpoint of next ?? []) {
      if (kept.has(endpoint)) continue;
      this.endpoints.set(endpoint.key, endpoint);
      this.editList(endpoint.networkId, (list) =>
        list.splice(lowerBound(list, endpoint, compareByContainer), 0, endpoint),
      );
    }
    if (!next) {
      if (this.byContainer.has(containerId)) this.byContainer.delete(containerId);
    } else if (!sameObjects(previous, next) || !this.byContainer.has(containerId)) {
      this.byContainer.set(containerId, next);
    }
  }

  private editList(networkId: string, change: (list: EndpointModel[]) => void): void {
    const list = this.byNetwork.get(networkId);
    if (!list) return; // the network is gone: its list went with it
    if (this.ownLists.has(networkId)) return change(list as EndpointModel[]);
    const copy = [...list];
    change(copy);
    this.byNetwork.set(networkId, copy);
    this.ownLists.add(networkId);
  }
}

/** The snapshot's maps as PersistentMaps (O(size), with the listing, so that no event pays for it). */
function persistent(snapshot: TopologySnapshot): TopologySnapshot {
  return {
    networks: PersistentMap.over(snapshot.networks, byNameThenId),
    containers: PersistentMap.over(snapshot.containers, byNameThenId),
    endpoints: PersistentMap.over(snapshot.endpoints, compareEndpoints),
    endpointsByNetwork: PersistentMap.over(snapshot.endpointsByNetwork),
    endpointsByContainer: PersistentMap.over(snapshot.endpointsByContainer),
  };
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
