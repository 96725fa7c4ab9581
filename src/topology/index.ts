/**
 * The topology panel's entry: its three commands and the serializer that restores the panel after a reload.
 * Called once from the composition root; the panel's code runs only when a command or a restore needs it.
 */
import * as vscode from 'vscode';
import type { CommandServices } from '../commands/services';
import { isNetworkNode, isEndpointNode } from '../explorer/nodeTypes';
import { buildGraph, networkNodeId } from './graphModel';
import { toMermaid } from './mermaid';
import { TOPOLOGY_VIEW_TYPE, TopologyPanel } from './panel';
import type { ExportFormat } from './protocol';

export function registerTopology(context: vscode.ExtensionContext, services: CommandServices): void {
  let log: vscode.LogOutputChannel | undefined;
  const logger = (): vscode.LogOutputChannel => {
    if (!log) {
      log = vscode.window.createOutputChannel(vscode.l10n.t('Docker Network Topology'), { log: true });
      context.subscriptions.push(log);
    }
    return log;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('dockerNetworks.showTopology', (node?: unknown) => {
      const focus = isNetworkNode(node) ? networkNodeId(node.network.id) : isEndpointNode(node) ? networkNodeId(node.endpoint.networkId) : undefined;
      TopologyPanel.show(context, services, logger(), focus);
    }),
    vscode.commands.registerCommand('dockerNetworks.exportTopology', () => exportTopology(context, services, logger())),
    vscode.commands.registerCommand('dockerNetworks.copyTopologyMermaid', async () => {
      if (TopologyPanel.instance) await TopologyPanel.instance.copyMermaid();
      else {
        await vscode.env.clipboard.writeText(toMermaid(buildGraph(services.feed.snapshot)));
        void vscode.window.showInformationMessage(vscode.l10n.t('The topology is on the clipboard as a Mermaid flowchart.'));
      }
    }),
    vscode.window.registerWebviewPanelSerializer(TOPOLOGY_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        TopologyPanel.attach(panel, context, services, logger());
      },
    }),
    { dispose: () => TopologyPanel.instance?.dispose() },
  );
}

async function exportTopology(context: vscode.ExtensionContext, services: CommandServices, log: vscode.LogOutputChannel): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'SVG', description: vscode.l10n.t('Vector image of the current view'), format: 'svg' as ExportFormat },
      { label: 'PNG', description: vscode.l10n.t('Bitmap image of the current view'), format: 'png' as ExportFormat },
    ],
    { title: vscode.l10n.t('Export the topology as') },
  );
  if (!picked) return;
  const panel = TopologyPanel.instance ?? TopologyPanel.show(context, services, log);
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
    const bytes =
      picked.format === 'svg'
        ? new TextEncoder().encode(data)
        : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
    if (picked.format === 'png' && !data.startsWith('data:image/png;base64,')) throw new Error(vscode.l10n.t('the panel sent no PNG image'));
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved the topology to {0}.', target.fsPath));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    log.error(`Topology export failed: ${why}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the topology: {0}. Open the panel and try again.', why));
  }
}
