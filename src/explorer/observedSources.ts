/**
 * What the trees ask of the observed side of the network (implemented in src/troubleshoot/): host interface rows
 * for a network's Details and endpoint tooltips, and the "Observed activity" nodes under running containers.
 * Both answer synchronously from their last reading and ask for a fresh one when it is stale, then fire.
 */
import type * as vscode from 'vscode';
import type { ContainerModel, EndpointModel, NetworkModel } from '../model/topology';
import type { DetailRow } from './present/networkText';

export interface NetworkHostFactsSource {
  detailRows(network: NetworkModel): DetailRow[];
  endpointLines(endpoint: EndpointModel): Promise<string[]>;
  /** A new reading arrived: Details rows may differ. */
  readonly onDidChange: vscode.Event<void>;
}

/** A node a source adds under a container (Containers view). */
export interface ContributedNodeData {
  readonly kind: 'contributed';
  readonly containerId: string;
  readonly parent?: ContributedNodeData;
}

export interface ContainerActivitySource {
  childrenOf(container: ContainerModel): ContributedNodeData[];
  children(node: ContributedNodeData): ContributedNodeData[];
  item(node: ContributedNodeData): vscode.TreeItem;
  /** Markdown lines for the container's tooltip from the last reading (none before the first). */
  tooltipLines(containerId: string): string[];
  /** Nodes whose children changed (undefined: all of them). */
  readonly onDidChange: vscode.Event<ContributedNodeData[] | undefined>;
}
