/**
 * The reachability analyzer's input and output: "can container A reach B (on port P)?" answered from the topology
 * snapshot plus facts gathered on demand (container inspect details, listening sockets). Output is data only: a
 * verdict, the ordered facts it rests on (each naming the engine field it was read from) and fixes as data that
 * the UI turns into buttons. No sentences here: the report words them (localized) from the codes and params.
 */
import type { EngineContainerDetails } from '../../engine/records';
import type { TopologySnapshot } from '../../model/topology';

export type Verdict = 'reachable' | 'notReachable' | 'onlyViaPublishedPort' | 'unknown';

export type Protocol = 'tcp' | 'udp';

/** A socket a container's namespace listens on (from /proc/net/tcp{,6}, udp{,6}); produced by src/diagnose/sockets. */
export interface ListeningSocket {
  port: number;
  protocol: Protocol;
  /** The bound address: 0.0.0.0, ::, 127.0.0.1, a container address. */
  address: string;
}

/** What the user asked for: a container, or a name / IP they typed that matches no container. */
export type TargetSpec =
  | {
      kind: 'container';
      containerId: string;
      /** The name the source would use (typed); default: container name. */ name?: string;
    }
  | { kind: 'host'; host: string };

export interface ReachabilityQuery {
  sourceId: string;
  target: TargetSpec;
  port?: number;
  /** Default tcp. */
  protocol?: Protocol;
}

export interface ReachabilityFacts {
  snapshot: TopologySnapshot;
  /** Container inspect details by container id: links, extra hosts, aliases, exposed ports, paused. */
  details?: ReadonlyMap<string, EngineContainerDetails>;
  /** Listening sockets per container id (of the namespace owner). */
  listening?: ReadonlyMap<string, readonly ListeningSocket[]>;
}

export type FactStatus = 'ok' | 'problem' | 'warning' | 'info';

export type FactCode =
  | 'containerMissing'
  | 'containerState'
  | 'sharesNamespace'
  | 'namespaceOwnerMissing'
  | 'sameNamespace'
  | 'hostMode'
  | 'noneMode'
  | 'sharedNetwork'
  | 'noSharedNetwork'
  | 'iccDisabled'
  | 'internalNetwork'
  | 'internalNoWayOut'
  | 'macvlanHost'
  | 'hostToContainer'
  | 'containerToHost'
  | 'familyMismatch'
  | 'defaultBridgeNoDns'
  | 'namesOnNetwork'
  | 'nameResolves'
  | 'nameDoesNotResolve'
  | 'linkResolves'
  | 'extraHostResolves'
  | 'addressOnNetwork'
  | 'outsideDocker'
  | 'listening'
  | 'listeningLoopbackOnly'
  | 'notListening'
  | 'listeningUnknown'
  | 'exposedPort'
  | 'publishedPort'
  | 'publishedLoopbackOnly'
  | 'notPublished'
  | 'udpUnconfirmed';

export type FactParams = Readonly<Record<string, string | number>>;

export interface Fact {
  code: FactCode;
  status: FactStatus;
  /** The engine field read, e.g. "HostConfig.NetworkMode", "Options[com.docker.network.bridge.enable_icc]". */
  field: string;
  /** Whose field it is: a container or network name. */
  subject: string;
  params: FactParams;
}

export type FixKind =
  /** Connect containerIds to networkId (our Connect command). */
  | 'connect'
  /** Create a user-defined network and connect every containerId to it. */
  | 'createNetworkAndConnect'
  /** Address the target by `name`, which resolves on a shared network. */
  | 'useName'
  /** Address the target by `address` (no name resolves on the default bridge). */
  | 'useAddress'
  /** Start (or unpause) the containers. */
  | 'startContainer'
  /** Make the target listen on all interfaces instead of loopback. */
  | 'listenOnAllInterfaces'
  /** macvlan/ipvlan: add a shim interface on the host to reach its own containers. */
  | 'macvlanShim';

export interface Fix {
  kind: FixKind;
  containerIds: readonly string[];
  networkId?: string;
  name?: string;
  address?: string;
  port?: number;
}

export interface ReachabilityReport {
  verdict: Verdict;
  /** The container whose namespace the traffic leaves from (the source, or the container: mode owner). */
  sourceNamespaceId?: string;
  targetNamespaceId?: string;
  /** The networks the path goes through (highlighted in the topology), empty when there is none. */
  pathNetworkIds: readonly string[];
  /** The address and name the probe should try, when known. */
  probe: ProbeTarget;
  facts: readonly Fact[];
  fixes: readonly Fix[];
}

export interface ProbeTarget {
  /** The name to resolve first (a typed name, or the container name), if any. */
  name?: string;
  /** The address to connect to when the name is not resolvable (an address on a shared network). */
  address?: string;
  port?: number;
  protocol: Protocol;
}
