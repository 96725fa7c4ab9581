/**
 * The panel's node actions (context menu, keyboard): the explorer's own commands, run with the same node data its
 * tree items carry, so a disconnect from the graph asks and reports exactly as one from the tree.
 */
import { describeFailure } from '../common/failure';
import * as vscode from 'vscode';
import type { CommandId } from '../commands/commandIds';
import type { CommandServices } from '../commands/services';
import type { EndpointNodeData, ResourceNodeData } from '../explorer/nodeTypes';
import type { TopologySnapshot } from '../model/topology';
import { networkNodeId } from './graph/build';
import type { NodeAction } from './protocol';

/** The explorer commands the actions run (ids as in package.json). */
const COMMANDS = {
  disconnect: 'dockerNetworks.disconnectContainer',
  connectContainerTo: 'dockerNetworks.connectToNetwork',
  connectToNetwork: 'dockerNetworks.connectContainer',
  inspect: 'dockerNetworks.inspectNetwork',
  checkConnectivity: 'dockerNetworks.checkConnectivity',
} as const satisfies Record<string, CommandId>;

export async function runNodeAction(services: CommandServices, action: NodeAction, targetId: string): Promise<void> {
  const snapshot = services.feed.snapshot;
  const node = nodeData(snapshot, targetId);
  if (!node) {
    const gone = vscode.l10n.t('That item is no longer on the engine; the graph has been updated.');
    void vscode.window.showWarningMessage(gone);
    return;
  }
  try {
    switch (action) {
      case 'disconnect': {
        const endpoints =
          node.kind === 'container'
            ? await pickEndpointsOf(snapshot, node.container.id)
            : node.kind === 'endpoint'
              ? [node]
              : [];
        // (clicked, selected) as from a multi-selection in the tree: the explorer's command disconnects each
        if (endpoints.length) await vscode.commands.executeCommand(COMMANDS.disconnect, endpoints[0], endpoints);
        break;
      }
      case 'connect':
        // a network takes a container; a container goes to a network: the explorer's two commands
        await vscode.commands.executeCommand(
          node.kind === 'container' ? COMMANDS.connectContainerTo : COMMANDS.connectToNetwork,
          node,
        );
        break;
      case 'inspect': {
        const network = node.kind === 'endpoint' ? nodeData(snapshot, networkNodeId(node.endpoint.networkId)) : node;
        await vscode.commands.executeCommand(COMMANDS.inspect, network);
        break;
      }
      case 'checkConnectivity':
        // the source is the container (or the endpoint's container), as from the tree; the target is picked there
        if (node.kind !== 'network') await vscode.commands.executeCommand(COMMANDS.checkConnectivity, node);
        break;
      case 'reveal': {
        const networkId =
          node.kind === 'network' ? node.network.id : node.kind === 'endpoint' ? node.endpoint.networkId : undefined;
        if (networkId) await services.revealNetwork(networkId);
        break;
      }
    }
  } catch (err) {
    const why = describeFailure(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('The topology action "{0}" failed: {1}', action, why));
  }
}

/** A container's endpoints to disconnect: the only one, or those the user picks. */
async function pickEndpointsOf(snapshot: TopologySnapshot, containerId: string): Promise<EndpointNodeData[]> {
  const eps = snapshot.endpointsByContainer.get(containerId) ?? [];
  if (eps.length <= 1) return eps.map((endpoint) => ({ kind: 'endpoint', endpoint }));
  const picked = await vscode.window.showQuickPick(
    eps.map((e) => ({ label: e.networkName, description: e.ipv4 ?? e.ipv6 ?? '', endpoint: e })),
    { canPickMany: true, title: vscode.l10n.t('Disconnect {0} from', eps[0].containerName) },
  );
  return (picked ?? []).map((p) => ({ kind: 'endpoint', endpoint: p.endpoint }));
}

/** The tree's node data for a graph id: n:<network>, c:<container>, e:<network>/<container>. */
export function nodeData(s: TopologySnapshot, targetId: string): ResourceNodeData | undefined {
  const id = targetId.slice(2);
  switch (targetId.slice(0, 2)) {
    case 'n:': {
      const network = s.networks.get(id);
      return network && { kind: 'network', network };
    }
    case 'c:': {
      const container = s.containers.get(id);
      return container && { kind: 'container', container };
    }
    case 'e:': {
      const endpoint = s.endpoints.get(id);
      return endpoint && { kind: 'endpoint', endpoint };
    }
    default:
      return undefined;
  }
}
