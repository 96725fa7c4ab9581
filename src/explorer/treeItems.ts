/**
 * Turns node data into VS Code tree items: labels, descriptions, icons, tooltips, ids and contextValues.
 * The words come from the pure modules in ./present; this file adds only VS Code's types.
 */
import * as vscode from 'vscode';
import type { EndpointModel, NetworkModel } from '../model/topology';
import type {
  ContainerNodeData,
  DetailNodeData,
  EndpointNodeData,
  GroupNodeData,
  NetworkNodeData,
  PortNodeData,
} from './nodeTypes';
import {
  networkDescription,
  networkTooltip,
  endpointDescription,
  endpointTooltip,
  detailTooltip,
} from './present/networkText';
import {
  containerDescription,
  containerEndpointTooltip,
  containerTooltip,
  portDescription,
  portLabel,
} from './present/containerText';
import type { Translate } from './present/text';
import type { ContainerDetailsCache } from './containerDetailsCache';
import type { ExpansionMemory } from './expansionMemory';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** Engine strings are escaped by ./present; this makes sure the renderer adds no HTML and no command links. */
export function safeMarkdown(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(text, false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

/** Created on first use: nothing touches the vscode API while the bundle loads. */
function makeIcons() {
  return {
    userNetwork: new vscode.ThemeIcon('type-hierarchy-sub', new vscode.ThemeColor('charts.blue')),
    builtInNetwork: new vscode.ThemeIcon('lock', new vscode.ThemeColor('charts.orange')),
    running: new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green')),
    stopped: new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('disabledForeground')),
    details: new vscode.ThemeIcon('info'),
    detail: new vscode.ThemeIcon('symbol-field'),
    group: new vscode.ThemeIcon('folder'),
    port: new vscode.ThemeIcon('plug'),
    portPublic: new vscode.ThemeIcon('globe', new vscode.ThemeColor('charts.yellow')),
    driverProblem: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  };
}

let iconCache: ReturnType<typeof makeIcons> | undefined;
function icons(): ReturnType<typeof makeIcons> {
  return (iconCache ??= makeIcons());
}

/** `driverProblem`: a few words when a driver of the network is unavailable (its Details say why). */
export function networkItem(node: NetworkNodeData, endpointCount: number, driverProblem = ''): vscode.TreeItem {
  const network: NetworkModel = node.network;
  const item = new vscode.TreeItem(network.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `network:${network.id}`;
  item.description = [networkDescription(network, t), driverProblem ? `⚠ ${driverProblem}` : '']
    .filter((x) => x)
    .join(' · ');
  item.tooltip = safeMarkdown(networkTooltip(network, endpointCount, t));
  item.iconPath = driverProblem
    ? icons().driverProblem
    : network.builtIn
      ? icons().builtInNetwork
      : icons().userNetwork;
  item.contextValue = network.builtIn ? 'network:builtIn' : 'network:userDefined';
  return item;
}

/** The endpoint tooltip of the Networks view with what the container's inspect form adds (on hover). */
export async function resolvedEndpointTooltip(
  endpoint: EndpointModel,
  details: ContainerDetailsCache,
  host: Promise<string[]> = Promise.resolve([]),
): Promise<vscode.MarkdownString> {
  const [extras, hostLines] = await Promise.all([details.extrasFor(endpoint, t), host]);
  return safeMarkdown(endpointTooltip(endpoint, t, extras, hostLines));
}

/** The same for an endpoint under its container (Containers view). */
export async function resolvedContainerEndpointTooltip(
  endpoint: EndpointModel,
  details: ContainerDetailsCache,
): Promise<vscode.MarkdownString> {
  return safeMarkdown(containerEndpointTooltip(endpoint, t, await details.extrasFor(endpoint, t)));
}

/** An expandable item opens (or stays closed) as the user last left it, else as its default. */
export function withRememberedExpansion(item: vscode.TreeItem, memory: ExpansionMemory): vscode.TreeItem {
  if (
    item.id === undefined ||
    item.collapsibleState === undefined ||
    item.collapsibleState === vscode.TreeItemCollapsibleState.None
  ) {
    return item;
  }
  const expanded = memory.isExpanded(item.id, item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded);
  item.collapsibleState = expanded
    ? vscode.TreeItemCollapsibleState.Expanded
    : vscode.TreeItemCollapsibleState.Collapsed;
  return item;
}

function endpointState(endpoint: EndpointModel): string {
  return endpoint.running ? 'running' : 'stopped';
}

/**
 * `resolvable`: the tooltip is left undefined so VS Code asks the provider's resolveTreeItem on hover (it only
 * resolves properties that are undefined), which adds what the container's inspect form knows.
 */
export function endpointItem(node: EndpointNodeData, resolvable = false): vscode.TreeItem {
  const endpoint = node.endpoint;
  const item = new vscode.TreeItem(endpoint.containerName, vscode.TreeItemCollapsibleState.None);
  item.id = `endpoint:${endpoint.key}`;
  item.description = endpointDescription(endpoint, t);
  if (!resolvable) item.tooltip = safeMarkdown(endpointTooltip(endpoint, t));
  item.iconPath = endpoint.running ? icons().running : icons().stopped;
  item.contextValue = `endpoint:${endpointState(endpoint)}`;
  return item;
}

export function detailsItem(networkId: string): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Details'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `details:${networkId}`;
  item.iconPath = icons().details;
  item.contextValue = 'details';
  return item;
}

export function detailItem(node: DetailNodeData, index: number): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
  item.id = `detail:${node.networkId}:${index}`;
  item.description = node.value;
  item.tooltip = safeMarkdown(detailTooltip(node, t));
  item.iconPath = icons().detail;
  item.contextValue = `detail:${node.field}`;
  return item;
}

export function groupLabel(node: GroupNodeData): string {
  if (node.groupBy === 'composeProject') return node.key === '' ? vscode.l10n.t('No Compose project') : node.key;
  return node.key;
}

export function groupItem(node: GroupNodeData, view: string, count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(groupLabel(node), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `group:${view}:${node.groupBy}:${node.key}`;
  item.description = String(count);
  item.iconPath = icons().group;
  item.contextValue = 'group';
  return item;
}

export function containerItem(
  node: ContainerNodeData,
  endpoints: readonly EndpointModel[],
  activity: readonly string[] = [],
): vscode.TreeItem {
  const container = node.container;
  const item = new vscode.TreeItem(container.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `container:${container.id}`;
  item.description = containerDescription(container);
  item.tooltip = safeMarkdown(containerTooltip(container, endpoints, t, activity));
  item.iconPath = container.running ? icons().running : icons().stopped;
  item.contextValue = container.running ? 'container:running' : 'container:stopped';
  return item;
}

/** `resolvable`: as for endpointItem. */
export function containerEndpointItem(node: EndpointNodeData, resolvable = false): vscode.TreeItem {
  const endpoint = node.endpoint;
  const item = new vscode.TreeItem(endpoint.networkName, vscode.TreeItemCollapsibleState.None);
  item.id = `containerEndpoint:${endpoint.key}`;
  item.description = endpointDescription(endpoint, t);
  if (!resolvable) item.tooltip = safeMarkdown(containerEndpointTooltip(endpoint, t));
  item.iconPath = endpoint.running ? icons().running : icons().stopped;
  item.contextValue = `containerEndpoint:${endpointState(endpoint)}`;
  return item;
}

export function portItem(node: PortNodeData, index: number): vscode.TreeItem {
  const item = new vscode.TreeItem(portLabel(node.port), vscode.TreeItemCollapsibleState.None);
  item.id = `port:${node.containerId}:${index}`;
  item.description = portDescription(node.port, t);
  item.iconPath = node.port.hostPort !== undefined ? icons().portPublic : icons().port;
  item.contextValue = 'port';
  return item;
}
