/**
 * The topology panel's three commands, as rows of the one command table (src/commands/index.ts): show the panel
 * (focused on a network when run from a tree node), export the current view as SVG or PNG, copy it as Mermaid.
 */
import { describeFailure } from '../common/failure';
import * as vscode from 'vscode';
import type { CommandEntry, CommandServices } from '../commands/services';
import { isEndpointNode, isNetworkNode } from '../explorer/nodeTypes';
import { buildGraph, networkNodeId } from './graph/build';
import { toMermaid } from './mermaid';
import { TopologyPanel, type PanelEnvironment } from './panel';
import type { ExportFormat } from './protocol';

let environment: PanelEnvironment | undefined;

/** Called once by registerTopology: where the panel finds its files and its log. */
export function setPanelEnvironment(env: PanelEnvironment): void {
  environment = env;
}

function panelEnvironment(): PanelEnvironment {
  if (!environment) throw new Error(vscode.l10n.t('The topology panel is not ready yet: try again in a moment.'));
  return environment;
}

function showTopology(services: CommandServices, node?: unknown): void {
  const focus = isNetworkNode(node)
    ? networkNodeId(node.network.id)
    : isEndpointNode(node)
      ? networkNodeId(node.endpoint.networkId)
      : undefined;
  TopologyPanel.show(panelEnvironment(), services, focus);
}

async function copyTopologyMermaid(services: CommandServices): Promise<void> {
  if (TopologyPanel.instance) return TopologyPanel.instance.copyMermaid();
  await vscode.env.clipboard.writeText(toMermaid(buildGraph(services.feed.snapshot, { t: vscode.l10n.t })));
  void vscode.window.showInformationMessage(vscode.l10n.t('The topology is on the clipboard as a Mermaid flowchart.'));
}

async function exportTopology(services: CommandServices): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'SVG', description: vscode.l10n.t('Vector image of the current view'), format: 'svg' as ExportFormat },
      { label: 'PNG', description: vscode.l10n.t('Bitmap image of the current view'), format: 'png' as ExportFormat },
    ],
    { title: vscode.l10n.t('Export the topology as') },
  );
  if (!picked) return;
  const env = panelEnvironment();
  const panel = TopologyPanel.instance ?? TopologyPanel.show(env, services);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `docker-topology.${picked.format}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: picked.format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
    title: vscode.l10n.t('Save the topology image'),
  });
  if (!target) return;
  try {
    const data = await panel.requestExport(picked.format);
    const pngPrefix = 'data:image/png;base64,';
    if (picked.format === 'png' && !data.startsWith(pngPrefix))
      throw new Error(vscode.l10n.t('the panel sent no PNG image'));
    const bytes =
      picked.format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data.slice(pngPrefix.length), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved the topology to {0}.', target.fsPath));
  } catch (err) {
    const why = describeFailure(err);
    services.log.error(`Topology export failed: ${why}`);
    const message = vscode.l10n.t('Could not export the topology: {0}. Open the panel and try again.', why);
    void vscode.window.showErrorMessage(message);
  }
}

export const topologyCommands: CommandEntry[] = [
  { id: 'dockerNetworks.showTopology', run: (services, node) => showTopology(services, node) },
  { id: 'dockerNetworks.exportTopology', run: (services) => exportTopology(services) },
  { id: 'dockerNetworks.copyTopologyMermaid', run: (services) => copyTopologyMermaid(services) },
];
