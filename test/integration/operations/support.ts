/** Shared helpers of the network-operation tests: the extension's API, tree-node data, engine reads. */
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import type { ContainerModel, EndpointModel, NetworkModel, TopologySnapshot } from '../../../src/model/topology';
import { docker } from '../support/docker';
import type { ScriptedPrompter } from './scriptedPrompter';

const extensionId = 'docker-network-explorer.docker-network-explorer';

export async function explorer(): Promise<ExplorerApi> {
  const ext = vscode.extensions.getExtension<ExplorerApi>(extensionId);
  if (!ext) throw new Error(`${extensionId} is not loaded`);
  const api = await ext.activate();
  // Activation connects to nothing; the views start the feed when shown. These tests drive the API, so start it.
  void api.feed.start();
  return api;
}

/** Waits until the live topology satisfies `predicate` (events usually land within ~100 ms). */
export async function until(
  predicate: (s: TopologySnapshot) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<TopologySnapshot> {
  const api = await explorer();
  try {
    return await api.feed.waitFor(predicate, timeoutMs);
  } catch {
    throw new Error(`the extension's topology never showed: ${what}`);
  }
}

export function networkNamed(s: TopologySnapshot, name: string): NetworkModel | undefined {
  return [...s.networks.values()].find((n) => n.name === name);
}

export function containerNamed(s: TopologySnapshot, name: string): ContainerModel | undefined {
  return [...s.containers.values()].find((c) => c.name === name);
}

export function endpointOf(s: TopologySnapshot, network: string, container: string): EndpointModel | undefined {
  return [...s.endpoints.values()].find((e) => e.networkName === network && e.containerName === container);
}

/** The tree-node data a right-click hands to a command (same shapes as src/explorer/nodeTypes.ts). */
export async function networkNode(name: string): Promise<{ kind: 'network'; network: NetworkModel }> {
  const s = await until((x) => !!networkNamed(x, name), `network ${name}`);
  return { kind: 'network', network: networkNamed(s, name) as NetworkModel };
}

export async function containerNode(name: string): Promise<{ kind: 'container'; container: ContainerModel }> {
  const s = await until((x) => !!containerNamed(x, name), `container ${name}`);
  return { kind: 'container', container: containerNamed(s, name) as ContainerModel };
}

export async function endpointNode(
  network: string,
  container: string,
): Promise<{ kind: 'endpoint'; endpoint: EndpointModel }> {
  const s = await until((x) => !!endpointOf(x, network, container), `endpoint ${container} on ${network}`);
  return { kind: 'endpoint', endpoint: endpointOf(s, network, container) as EndpointModel };
}

/** Runs a command as a menu would, with the scripted prompter as the extra argument. */
export function run<T>(command: string, prompter: ScriptedPrompter, node?: unknown, selected?: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(`dockerNetworks.${command}`, node, selected, { prompter });
}

/** `docker network inspect` as JSON: what the engine holds. */
export function inspectNetwork(name: string): EngineNetworkJson {
  return (JSON.parse(docker('network', 'inspect', name)) as EngineNetworkJson[])[0];
}

export interface EngineNetworkJson {
  Name: string;
  Id: string;
  Driver: string;
  EnableIPv6: boolean;
  Internal: boolean;
  Attachable: boolean;
  IPAM: {
    Config: Array<{
      Subnet?: string;
      Gateway?: string;
      IPRange?: string;
      AuxiliaryAddresses?: Record<string, string>;
    }> | null;
  };
  Options: Record<string, string> | null;
  Labels: Record<string, string> | null;
  Containers: Record<string, { Name: string; IPv4Address: string; IPv6Address: string }> | null;
}

export function networkExists(name: string): boolean {
  return docker('network', 'ls', '--filter', `name=^${name}$`, '--format', '{{.Name}}') === name;
}

/** The container's endpoint settings on a network, as the engine holds them (undefined: not attached). */
export function containerEndpoint(
  container: string,
  network: string,
): { IPAddress: string; Aliases: string[] | null; IPAMConfig: { IPv4Address?: string } | null } | undefined {
  const nets = JSON.parse(docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', container)) as Record<
    string,
    { IPAddress: string; Aliases: string[] | null; IPAMConfig: { IPv4Address?: string } | null }
  >;
  return nets[network];
}

/** A random /24 in 10.<a>.<b>.0 from a range the other parts' tests do not use, for parallel runs. */
export function freeSubnet24(): { subnet: string; prefix: string } {
  for (let i = 0; i < 50; i++) {
    const a = 180 + Math.floor(Math.random() * 20);
    const b = Math.floor(Math.random() * 256);
    const prefix = `10.${a}.${b}`;
    const used = docker(
      'network',
      'inspect',
      '-f',
      '{{range .IPAM.Config}}{{.Subnet}} {{end}}',
      ...docker('network', 'ls', '-q').split('\n').filter(Boolean),
    );
    if (!used.includes(`${prefix}.`) && !used.includes(`10.${a}.0.0/16`)) return { subnet: `${prefix}.0/24`, prefix };
  }
  throw new Error('no free 10.x.y.0/24 found for the test');
}
