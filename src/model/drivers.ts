/**
 * The engine's network and IPAM drivers, and whether a network's drivers are there: pure functions over the
 * engine's records (`/info` Plugins, `GET /plugins`) and, for a local engine, the legacy plugin files found in the
 * plugin directories (hostFacts/pluginFiles.ts). Three kinds: built into the engine, managed plugins
 * (`docker plugin install`, enabled or not) and legacy plugins (a process serving a socket or named by a spec file).
 */
import type { EngineInfo, EnginePlugin } from '../engine/records';
import type { NetworkModel } from './topology';

export type DriverKind = 'builtIn' | 'managedPlugin' | 'legacyPlugin';
export type DriverRole = 'network' | 'ipam';

/** A socket or spec file in a plugin directory, and what the socket answered to Plugin.Activate. */
export interface LegacyPluginFile {
  /** The plugin's name: the file name without .sock/.spec/.json. */
  name: string;
  path: string;
  form: 'socket' | 'spec';
  /** Sockets only: the interfaces the plugin implements ("NetworkDriver", "IpamDriver"), when it answered. */
  implements?: readonly string[];
  /** Sockets only: why it did not answer (refused, timed out). */
  unanswered?: string;
}

export interface DriverEntry {
  name: string;
  kind: DriverKind;
  /** Empty when unknown (a legacy spec file, which is not contacted). */
  roles: readonly DriverRole[];
  /** Managed plugins: enabled; legacy sockets: answered; others: true. */
  usable: boolean;
  /** Managed plugins: the plugin id; legacy plugins: the socket or spec file. */
  source?: string;
  /** Legacy sockets that did not answer: why. */
  unanswered?: string;
}

export interface DriverInventory {
  entries: readonly DriverEntry[];
  /** The plugin directories were read (a local engine): legacy plugins without a file are missing. */
  legacyFilesRead: boolean;
}

export const BUILT_IN_NETWORK_DRIVERS: readonly string[] = ['bridge', 'host', 'null', 'overlay', 'macvlan', 'ipvlan'];
/** Windows engines' own drivers, built in as well. */
const WINDOWS_NETWORK_DRIVERS = ['nat', 'transparent', 'l2bridge', 'l2tunnel', 'ics', 'private', 'internal'];
export const BUILT_IN_IPAM_DRIVERS: readonly string[] = ['default', 'null'];
const BUILT_IN = new Set([...BUILT_IN_NETWORK_DRIVERS, ...WINDOWS_NETWORK_DRIVERS, ...BUILT_IN_IPAM_DRIVERS]);

const CAPABILITY_ROLES: Readonly<Record<string, DriverRole>> = { networkdriver: 'network', ipamdriver: 'ipam' };
const INTERFACE_ROLES: Readonly<Record<string, DriverRole>> = { NetworkDriver: 'network', IpamDriver: 'ipam' };

export function isBuiltInDriver(name: string): boolean {
  return BUILT_IN.has(name);
}

function managedEntry(plugin: EnginePlugin): DriverEntry | undefined {
  const roles = (plugin.Config?.Interface?.Types ?? [])
    .map((t) => CAPABILITY_ROLES[(t.Capability ?? '').toLowerCase()])
    .filter((r): r is DriverRole => r !== undefined);
  if (roles.length === 0) return undefined;
  return { name: plugin.Name, kind: 'managedPlugin', roles, usable: plugin.Enabled, source: plugin.Id };
}

function legacyEntry(file: LegacyPluginFile): DriverEntry {
  const roles = (file.implements ?? []).map((i) => INTERFACE_ROLES[i]).filter((r): r is DriverRole => !!r);
  return {
    name: file.name,
    kind: 'legacyPlugin',
    roles,
    usable: file.form === 'spec' || file.unanswered === undefined,
    source: file.path,
    ...(file.unanswered !== undefined ? { unanswered: file.unanswered } : {}),
  };
}

/** Every driver the engine has or names: built-in first, then plugins by name. */
export function buildDriverInventory(input: {
  info: EngineInfo;
  plugins: readonly EnginePlugin[];
  /** Undefined when the plugin directories could not be read (a remote engine). */
  legacyFiles?: readonly LegacyPluginFile[];
}): DriverInventory {
  const entries = new Map<string, DriverEntry>();
  const networkNames = input.info.Plugins?.Network ?? [];
  const ipamNames = input.info.Plugins?.IPAM ?? [];
  for (const name of BUILT_IN_NETWORK_DRIVERS)
    entries.set(name, { name, kind: 'builtIn', roles: ['network'], usable: true });
  // "null" names both a network driver and an IPAM driver: one entry with both roles.
  for (const name of BUILT_IN_IPAM_DRIVERS) {
    const roles: DriverRole[] = [...(entries.get(name)?.roles ?? []), 'ipam'];
    entries.set(name, { name, kind: 'builtIn', roles, usable: true });
  }
  for (const plugin of input.plugins) {
    const entry = managedEntry(plugin);
    if (entry) entries.set(entry.name, entry);
  }
  // A file seen twice (a socket and a spec of one name): the socket, which was asked, wins.
  const files = [...(input.legacyFiles ?? [])].sort((a, b) => (a.form === b.form ? 0 : a.form === 'socket' ? -1 : 1));
  for (const file of files) if (!entries.has(file.name)) entries.set(file.name, legacyEntry(file));
  for (const [names, role] of [
    [networkNames, 'network'],
    [ipamNames, 'ipam'],
  ] as const) {
    for (const name of names) {
      const known = entries.get(name) ?? entries.get(withLatest(name));
      if (known) {
        if (known.kind === 'legacyPlugin' && !known.roles.includes(role))
          entries.set(known.name, { ...known, roles: [...known.roles, role] });
      } else if (!isBuiltInDriver(name)) {
        // Named by the engine (a network uses it) but without a file we could read: a legacy plugin.
        entries.set(name, { name, kind: 'legacyPlugin', roles: [role], usable: input.legacyFiles === undefined });
      }
    }
  }
  const list = [...entries.values()];
  const order = (e: DriverEntry): number => (e.kind === 'builtIn' ? 0 : 1);
  return {
    entries: list.sort((a, b) => order(a) - order(b) || (order(a) === 0 ? 0 : a.name.localeCompare(b.name))),
    legacyFilesRead: input.legacyFiles !== undefined,
  };
}

function withLatest(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

/** The entry a network's driver name refers to ("weaveworks/net-plugin" also finds "...:latest"). */
export function findDriver(inventory: DriverInventory, name: string): DriverEntry | undefined {
  return inventory.entries.find((e) => e.name === name || e.name === withLatest(name));
}

/**
 * The legacy plugins among the named drivers that serve a socket this machine can ask (a local engine), once each:
 * the engine waits for a legacy plugin without a limit, so one that hangs would hang the request that uses it.
 */
export function legacySocketsAmong(inventory: DriverInventory, names: readonly string[]): DriverEntry[] {
  const found = new Map<string, DriverEntry>();
  for (const name of names) {
    const entry = name ? findDriver(inventory, name) : undefined;
    if (entry?.kind === 'legacyPlugin' && entry.source?.endsWith('.sock')) found.set(entry.name, entry);
  }
  return [...found.values()];
}

/** Drivers offered for a role (a legacy spec file, whose roles are unknown, is offered for both). */
export function driversFor(inventory: DriverInventory, role: DriverRole): DriverEntry[] {
  return inventory.entries.filter((e) => e.roles.includes(role) || (e.kind === 'legacyPlugin' && e.roles.length === 0));
}

export type DriverState =
  | { state: 'ok'; entry: DriverEntry }
  /** A managed plugin that is installed but disabled: `docker plugin enable <name>`. */
  | { state: 'disabled'; entry: DriverEntry }
  /** A legacy plugin whose socket is there but does not answer. */
  | { state: 'notAnswering'; entry: DriverEntry; reason: string }
  /** Neither a managed plugin nor a socket or spec file of that name. */
  | { state: 'missing'; name: string }
  /** A legacy plugin of a remote engine: its socket cannot be looked at from here. */
  | { state: 'unchecked'; entry: DriverEntry };

export interface NetworkDriverStates {
  network: DriverState;
  /** Undefined for the built-in IPAM drivers. */
  ipam?: DriverState;
}

function stateOf(inventory: DriverInventory, name: string): DriverState {
  const entry = findDriver(inventory, name);
  if (!entry) return { state: 'missing', name };
  if (entry.kind === 'builtIn') return { state: 'ok', entry };
  if (entry.kind === 'managedPlugin') return entry.usable ? { state: 'ok', entry } : { state: 'disabled', entry };
  if (!inventory.legacyFilesRead) return { state: 'unchecked', entry };
  if (!entry.source) return { state: 'missing', name };
  if (entry.unanswered !== undefined) return { state: 'notAnswering', entry, reason: entry.unanswered };
  return { state: 'ok', entry };
}

export function networkDriverStates(network: NetworkModel, inventory: DriverInventory): NetworkDriverStates {
  const ipam = network.ipamDriver || 'default';
  return {
    network: stateOf(inventory, network.driver),
    ...(isBuiltInDriver(ipam) ? {} : { ipam: stateOf(inventory, ipam) }),
  };
}

/** True when the network cannot get new endpoints because a driver of it is missing, disabled or silent. */
export function driverUnavailable(states: NetworkDriverStates): boolean {
  const bad = (s: DriverState | undefined): boolean =>
    s?.state === 'missing' || s?.state === 'disabled' || s?.state === 'notAnswering';
  return bad(states.network) || bad(states.ipam);
}
