/**
 * From socket tables to what the network really does: per container the ports it listens on, and the
 * connections between containers, the host and the outside, directed from client to server. Pure: the snapshot
 * and the rows read from each network namespace in, observations out.
 *
 * - The embedded DNS server's listeners on 127.0.0.11 are dropped (every container on a user network has them).
 * - A namespace shared by several containers (`container:` mode, host mode) is read once and attributed to all;
 *   the host's own namespace gives listening sockets only (its connections belong to every host process).
 * - A connection is seen from both ends when both containers are read: the client's side is kept.
 * - Remote addresses map to containers by endpoint IP; a gateway address means "via the host" (a published port
 *   relayed by docker-proxy, or a host process); anything else is "outside".
 * - Direction: the side with a listening socket on its port is the server (see isInbound for the fallback).
 * - A SYN_SENT row is a connection attempt that has not (yet) been answered: drawn as a failed attempt.
 */
import type { TopologySnapshot } from '../../model/topology';
import type { SocketProtocol, SocketRow } from './procNetParser';

/** A socket a container listens on (consumed by the reachability analyzer). */
export interface ListeningSocket {
  port: number;
  protocol: 'tcp' | 'udp';
  /** The bound address: 0.0.0.0 or :: for all interfaces. */
  address: string;
}

/**
 * Why a namespace's table is missing: the container stopped while being read, the exec timed out, the image has
 * no `cat` (or the command failed), the engine refused the exec, the host denied (or failed) the read. `detail`: the
 * engine's or the system's own words.
 */
export interface UnavailableReason {
  code: 'stopped' | 'timeout' | 'commandFailed' | 'refused' | 'denied' | 'readFailed';
  detail?: string;
}

/** What was read from one network namespace, or why it could not be. */
export interface NamespaceReading {
  /** The containers in the namespace, the owner (whose endpoints it holds) first. */
  containerIds: readonly string[];
  host: boolean;
  result:
    | { kind: 'rows'; rows: readonly SocketRow[]; /** exec output was cut at its size bound */ truncated?: boolean }
    | { kind: 'unavailable'; reason: UnavailableReason };
}

export type PeerRef =
  { kind: 'container'; containerId: string } | { kind: 'host'; address: string } | { kind: 'outside'; address: string };

/** established; attempt: SYN_SENT (no answer yet); closing: FIN_WAIT, TIME_WAIT, CLOSE_WAIT and the like. */
export type ConnectionState = 'established' | 'attempt' | 'closing';

export interface ObservedConnection {
  from: PeerRef;
  to: PeerRef;
  /** The server's port. */
  port: number;
  protocol: SocketProtocol;
  state: ConnectionState;
  /** How many sockets share from, to, port and state. */
  count: number;
}

export interface ObservedActivity {
  listening: Map<string, ListeningSocket[]>;
  connections: ObservedConnection[];
  /** Containers whose table could not be read, and why. */
  unavailable: Map<string, UnavailableReason>;
  /** Containers whose table was cut short (exec output bound): what is shown is incomplete. */
  truncated: Set<string>;
}

type Snapshot = Pick<TopologySnapshot, 'networks' | 'endpoints'>;

const DNS_ADDRESS = '127.0.0.11';

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}

function isListening(row: SocketRow): boolean {
  return row.protocol === 'tcp' ? row.state === 'LISTEN' : row.remotePort === 0 && row.state === 'CLOSE';
}

function connectionState(row: SocketRow): ConnectionState | undefined {
  if (row.state === 'ESTABLISHED') return 'established';
  if (row.state === 'SYN_SENT') return 'attempt';
  if (row.state === 'LISTEN' || row.state === 'SYN_RECV' || row.state === 'NEW_SYN_RECV' || row.state === 'UNKNOWN') {
    return undefined;
  }
  return 'closing';
}

class AddressBook {
  private readonly containers = new Map<string, string>();
  private readonly gateways = new Set<string>();

  constructor(snapshot: Snapshot) {
    for (const endpoint of snapshot.endpoints.values()) {
      if (endpoint.ipv4) this.containers.set(endpoint.ipv4, endpoint.containerId);
      if (endpoint.ipv6) this.containers.set(endpoint.ipv6, endpoint.containerId);
      if (endpoint.gateway) this.gateways.add(endpoint.gateway);
      if (endpoint.ipv6Gateway) this.gateways.add(endpoint.ipv6Gateway);
    }
    for (const network of snapshot.networks.values()) {
      for (const config of network.ipam) if (config.gateway) this.gateways.add(config.gateway.split('/')[0] ?? '');
    }
  }

  peer(address: string): PeerRef {
    const containerId = this.containers.get(address);
    if (containerId !== undefined) return { kind: 'container', containerId };
    if (this.gateways.has(address)) return { kind: 'host', address };
    return { kind: 'outside', address };
  }
}

/** Listening sockets of one table: DNS listeners dropped, duplicates (one per family) merged. */
export function listeningSockets(rows: readonly SocketRow[]): ListeningSocket[] {
  const seen = new Map<string, ListeningSocket>();
  for (const row of rows) {
    if (!isListening(row) || row.localAddress === DNS_ADDRESS) continue;
    const socket: ListeningSocket = { port: row.localPort, protocol: row.protocol, address: row.localAddress };
    seen.set(`${socket.protocol}/${socket.address}/${socket.port}`, socket);
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
}

/**
 * Whether this side of a connection is the server's. A listening socket on the local port says so; a listening
 * socket on the peer's port says the opposite. Without either (a server that closed its listener after accepting,
 * as `nc -l` does, or a peer that was not read), the lower port is the server's: clients use ephemeral ports.
 */
function isInbound(
  row: SocketRow,
  listenPorts: ReadonlySet<number>,
  peerPorts: ReadonlySet<number> | undefined,
): boolean {
  if (listenPorts.has(row.localPort)) return true;
  if (peerPorts?.has(row.remotePort)) return false;
  return row.localPort < row.remotePort;
}

function peerKey(peer: PeerRef): string {
  return peer.kind === 'container' ? `c:${peer.containerId}` : `${peer.kind}:${peer.address}`;
}

export function observeActivity(snapshot: Snapshot, readings: readonly NamespaceReading[]): ObservedActivity {
  const book = new AddressBook(snapshot);
  const listening = new Map<string, ListeningSocket[]>();
  const unavailable = new Map<string, UnavailableReason>();
  const truncated = new Set<string>();
  const observedOwners = new Set<string>();
  for (const reading of readings) {
    if (reading.result.kind === 'rows' && reading.containerIds[0] !== undefined)
      observedOwners.add(reading.containerIds[0]);
  }
  const tcpListenPorts = new Map<string, Set<number>>();
  for (const reading of readings) {
    const ownerId = reading.containerIds[0];
    if (reading.result.kind !== 'rows' || ownerId === undefined) continue;
    tcpListenPorts.set(
      ownerId,
      new Set(reading.result.rows.filter((r) => r.protocol === 'tcp' && r.state === 'LISTEN').map((r) => r.localPort)),
    );
  }
  const peerListenPorts = (peer: PeerRef): ReadonlySet<number> | undefined =>
    peer.kind === 'container' ? tcpListenPorts.get(peer.containerId) : undefined;
  const edges = new Map<string, ObservedConnection>();
  const add = (connection: Omit<ObservedConnection, 'count'>): void => {
    const key = [
      peerKey(connection.from),
      peerKey(connection.to),
      connection.port,
      connection.protocol,
      connection.state,
    ].join('|');
    const existing = edges.get(key);
    if (existing) existing.count++;
    else edges.set(key, { ...connection, count: 1 });
  };

  for (const reading of readings) {
    const ownerId = reading.containerIds[0];
    if (ownerId === undefined) continue;
    if (reading.result.kind === 'unavailable') {
      for (const id of reading.containerIds) unavailable.set(id, reading.result.reason);
      continue;
    }
    const rows = reading.result.rows;
    if (reading.result.truncated) for (const id of reading.containerIds) truncated.add(id);
    const sockets = listeningSockets(rows);
    for (const id of reading.containerIds) listening.set(id, sockets);
    const listenPorts = tcpListenPorts.get(ownerId) ?? new Set<number>();
    // The host's namespace holds every host process's connections: not attributable to the host-mode container.
    if (reading.host) continue;
    const self: PeerRef = { kind: 'container', containerId: ownerId };
    for (const row of rows) {
      if (row.protocol !== 'tcp' || isLoopback(row.remoteAddress) || isLoopback(row.localAddress)) continue;
      const state = connectionState(row);
      if (state === undefined) continue;
      const peer = book.peer(row.remoteAddress);
      const inbound = state !== 'attempt' && isInbound(row, listenPorts, peerListenPorts(peer));
      if (!inbound) {
        add({ from: self, to: peer, port: row.remotePort, protocol: 'tcp', state });
      } else if (peer.kind !== 'container' || !observedOwners.has(peer.containerId)) {
        // The client's side was not read (host, outside, or an unread container): this side is all there is.
        add({ from: peer, to: self, port: row.localPort, protocol: 'tcp', state });
      }
    }
  }
  const connections = [...edges.values()].sort(
    (a, b) => a.port - b.port || peerKey(a.from).localeCompare(peerKey(b.from)),
  );
  return { listening, connections, unavailable, truncated };
}
