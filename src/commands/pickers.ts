/** Palette fallbacks: ask with a picker for what a tree node would have given. */
import * as vscode from 'vscode';
import type { ContainerModel, EndpointModel, NetworkModel, TopologySnapshot } from '../model/topology';
import { BACK, type PickItem, type Prompter } from './prompter';

function single(id: string, title: string) {
  return { id, title, step: 1, totalSteps: 1, canGoBack: false };
}

function subnetsText(n: NetworkModel): string {
  return n.ipam
    .map((c) => c.subnet)
    .filter((s): s is string => !!s)
    .join(', ');
}

export function networkItem(n: NetworkModel): PickItem<NetworkModel> {
  const subnets = subnetsText(n);
  return { label: n.name, description: subnets ? `${n.driver} · ${subnets}` : n.driver, value: n };
}

export function containerItem(c: ContainerModel): PickItem<ContainerModel> {
  return { label: c.name, description: `${c.state} · ${c.image}`, value: c };
}

export function endpointItem(e: EndpointModel): PickItem<EndpointModel> {
  const ips = [e.ipv4, e.ipv6].filter((x): x is string => !!x).join(', ');
  return { label: `${e.containerName} ↔ ${e.networkName}`, description: ips || undefined, value: e };
}

async function pickOne<T>(
  prompter: Prompter,
  id: string,
  title: string,
  placeholder: string,
  items: PickItem<T>[],
  empty: string,
): Promise<T | undefined> {
  if (items.length === 0) {
    void prompter.notify({ level: 'info', message: empty });
    return undefined;
  }
  const answer = await prompter.pick({ ...single(id, title), placeholder, items });
  return answer === BACK ? undefined : answer;
}

async function pickSome<T>(
  prompter: Prompter,
  id: string,
  title: string,
  placeholder: string,
  items: PickItem<T>[],
  empty: string,
): Promise<T[]> {
  if (items.length === 0) {
    void prompter.notify({ level: 'info', message: empty });
    return [];
  }
  const answer = await prompter.pickMany({ ...single(id, title), placeholder, items });
  return answer === BACK || answer === undefined ? [] : answer;
}

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

export function pickNetwork(
  prompter: Prompter,
  snapshot: TopologySnapshot,
  title: string,
  filter: (n: NetworkModel) => boolean = () => true,
): Promise<NetworkModel | undefined> {
  const items = [...snapshot.networks.values()].filter(filter).sort(byName).map(networkItem);
  return pickOne(
    prompter,
    'network',
    title,
    vscode.l10n.t('Choose a network'),
    items,
    vscode.l10n.t('There is no network to choose from.'),
  );
}

export function pickNetworks(
  prompter: Prompter,
  snapshot: TopologySnapshot,
  title: string,
  filter: (n: NetworkModel) => boolean,
): Promise<NetworkModel[]> {
  const items = [...snapshot.networks.values()].filter(filter).sort(byName).map(networkItem);
  return pickSome(
    prompter,
    'networks',
    title,
    vscode.l10n.t('Choose one or more networks'),
    items,
    vscode.l10n.t('There is no user-defined network to choose from.'),
  );
}

export function pickContainer(
  prompter: Prompter,
  containers: ContainerModel[],
  title: string,
  empty: string,
): Promise<ContainerModel | undefined> {
  return pickOne(
    prompter,
    'container',
    title,
    vscode.l10n.t('Choose a container'),
    [...containers].sort(byName).map(containerItem),
    empty,
  );
}

export function pickEndpoints(
  prompter: Prompter,
  snapshot: TopologySnapshot,
  title: string,
  filter: (e: EndpointModel) => boolean = () => true,
): Promise<EndpointModel[]> {
  const items = [...snapshot.endpoints.values()]
    .filter(filter)
    .sort((a, b) => a.containerName.localeCompare(b.containerName) || a.networkName.localeCompare(b.networkName))
    .map(endpointItem);
  return pickSome(
    prompter,
    'endpoints',
    title,
    vscode.l10n.t('Choose the connections to remove'),
    items,
    vscode.l10n.t('No container is connected to any network.'),
  );
}

export function pickText(
  prompter: Prompter,
  title: string,
  values: Array<{ label: string; value: string }>,
): Promise<string | undefined> {
  return pickOne(
    prompter,
    'value',
    title,
    vscode.l10n.t('Choose what to copy'),
    values.map((v) => ({ label: v.value, description: v.label, value: v.value })),
    vscode.l10n.t('There is nothing to copy.'),
  );
}
