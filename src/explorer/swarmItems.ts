/**
 * Tree items of the Swarm nodes under a network: services, their tasks, the routing mesh's ports and the notice a
 * worker shows. The words come from ./present/swarmText; this file adds only VS Code's types.
 */
import * as vscode from 'vscode';
import type { ServiceModel } from '../model/swarmTopology';
import type {
  MeshPortNodeData,
  RoutingMeshNodeData,
  ServiceNodeData,
  SwarmNoticeNodeData,
  TaskNodeData,
} from './nodeTypes';
import {
  meshPortDescription,
  portText,
  serviceDescription,
  serviceTooltip,
  taskDescription,
  taskLabel,
  taskTooltip,
} from './present/swarmText';
import type { Translate } from './present/text';
import { safeMarkdown } from './treeItems';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export function serviceItem(node: ServiceNodeData): vscode.TreeItem {
  const { service, networkId } = node;
  const item = new vscode.TreeItem(service.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `service:${networkId}:${service.id}`;
  item.description = serviceDescription(service, networkId, t);
  item.tooltip = safeMarkdown(serviceTooltip(service, networkId, t));
  const healthy = service.runningTasks >= service.desiredTasks;
  item.iconPath = new vscode.ThemeIcon(
    'layers',
    new vscode.ThemeColor(healthy ? 'charts.purple' : 'list.warningForeground'),
  );
  item.contextValue = 'service';
  return item;
}

export function taskItem(node: TaskNodeData, service: ServiceModel | undefined): vscode.TreeItem {
  const { task, networkId } = node;
  const label = taskLabel(service, task);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `task:${networkId}:${task.id}`;
  item.description = taskDescription(task, networkId, t);
  item.tooltip = safeMarkdown(taskTooltip(task, label, t));
  item.iconPath =
    task.state === 'running'
      ? new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green'))
      : new vscode.ThemeIcon('loading~spin');
  item.contextValue = `task:${task.state === 'running' ? 'running' : 'starting'}`;
  return item;
}

export function routingMeshItem(node: RoutingMeshNodeData, count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Routing mesh'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `routingMesh:${node.networkId}`;
  item.description = vscode.l10n.t('{0} published ports', count);
  item.tooltip = vscode.l10n.t(
    'Ports the Swarm services publish: ingress-mode ports answer on every node and reach a task through this network; host-mode ports answer only on the nodes running a task.',
  );
  item.iconPath = new vscode.ThemeIcon('globe', new vscode.ThemeColor('charts.yellow'));
  item.contextValue = 'routingMesh';
  return item;
}

export function meshPortItem(node: MeshPortNodeData): vscode.TreeItem {
  const item = new vscode.TreeItem(portText(node.entry.port), vscode.TreeItemCollapsibleState.None);
  item.id = `meshPort:${node.networkId}:${node.index}`;
  item.description = meshPortDescription(node.entry, t);
  item.iconPath = new vscode.ThemeIcon('plug');
  item.contextValue = 'meshPort';
  return item;
}

export function swarmNoticeItem(node: SwarmNoticeNodeData): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `swarmNotice:${node.networkId}`;
  item.tooltip = node.text;
  item.iconPath = new vscode.ThemeIcon('info');
  item.contextValue = 'swarmNotice';
  return item;
}
