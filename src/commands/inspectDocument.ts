/**
 * Inspect: the engine's JSON of a network as a read-only document `docker-network:/<name>.json?<id>`, opened
 * beside the active editor and refreshed whenever the live topology changes that network or its endpoints.
 */
import * as vscode from 'vscode';
import { isNetworkNode } from '../explorer/nodeTypes';
import { currentNetwork, prompterFrom, reasonOf } from './operationSupport';
import { pickNetwork } from './pickers';
import type { CommandEntry, CommandServices } from './services';

export const INSPECT_SCHEME = 'docker-network';

class InspectProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Map<string, vscode.Uri>();

  constructor(private readonly services: CommandServices) {
    services.feed.onDidChange(({ diff }) => {
      const touched = new Set<string>();
      for (const n of [...diff.networks.added, ...diff.networks.changed, ...diff.networks.removed]) touched.add(n.id);
      for (const e of [...diff.endpoints.added, ...diff.endpoints.changed, ...diff.endpoints.removed])
        touched.add(e.networkId);
      for (const id of touched) {
        const uri = this.open.get(id);
        if (uri) this.changed.fire(uri);
      }
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = uri.query;
    this.open.set(id, uri);
    try {
      const engine = await this.services.engine();
      return JSON.stringify(await engine.inspectNetwork(id), null, 2) + '\n';
    } catch (error) {
      // Shown in the document itself, so a refresh after the network is gone explains why it is empty.
      return `// ${vscode.l10n.t('Cannot inspect network {0}: {1}', id, reasonOf(error)).replace(/\n/g, ' ')}\n`;
    }
  }

  /** Re-reads a document on request (the Refresh command on an open inspect document). */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }
}

let provider: InspectProvider | undefined;

/** Registers the provider on first use (activation stays cheap); it lives as long as the extension host. */
function ensureProvider(services: CommandServices): InspectProvider {
  if (!provider) {
    provider = new InspectProvider(services);
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, provider);
  }
  return provider;
}

export function inspectUri(network: { id: string; name: string }): vscode.Uri {
  return vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/${network.name}.json`, query: network.id });
}

export async function inspectNetwork(
  services: CommandServices,
  args: readonly unknown[],
): Promise<vscode.TextEditor | undefined> {
  const prompter = prompterFrom(args);
  const p = ensureProvider(services);
  const snapshot = services.feed.snapshot;
  const node = args[0];
  const network = isNetworkNode(node)
    ? (currentNetwork(snapshot, node.network) ?? node.network)
    : await pickNetwork(prompter, snapshot, vscode.l10n.t('Inspect Network'));
  if (!network) return undefined;
  const uri = inspectUri(network);
  const doc = await vscode.workspace.openTextDocument(uri);
  p.refresh(uri);
  const jsonDoc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  return vscode.window.showTextDocument(jsonDoc, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    preserveFocus: false,
  });
}

/** The editor-title Refresh of an open inspect document: reads the engine's JSON again. */
function refreshInspectDocument(services: CommandServices, args: readonly unknown[]): void {
  const given = args[0];
  const uri = given instanceof vscode.Uri ? given : vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme === INSPECT_SCHEME) ensureProvider(services).refresh(uri);
}

export const inspectCommands: CommandEntry[] = [
  { id: 'dockerNetworks.inspectNetwork', run: (services, ...args) => inspectNetwork(services, args) },
  { id: 'dockerNetworks.refreshInspectDocument', run: (services, ...args) => refreshInspectDocument(services, args) },
];
