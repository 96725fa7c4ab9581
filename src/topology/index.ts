/**
 * The topology panel's entry: gives the panel its environment (the extension's folder) and registers the serializer that restores the panel after a reload. Its commands are rows of the one
 * command table (./commands.ts); the panel's code runs only when a command or a restore needs it.
 */
import * as vscode from 'vscode';
import type { CommandServices } from '../commands/services';
import { registerPanelSerializer } from '../webviewHost/webviewHost';
import { setPanelEnvironment } from './commands';
import type { ObservedActivitySource } from './observedPoller';
import { TOPOLOGY_VIEW_TYPE, TopologyPanel, type PanelEnvironment } from './panel';

export function registerTopology(
  context: vscode.ExtensionContext,
  services: CommandServices,
  observations?: ObservedActivitySource,
): void {
  const env: PanelEnvironment = { extensionUri: context.extensionUri, observations };
  setPanelEnvironment(env);
  context.subscriptions.push(
    registerPanelSerializer(TOPOLOGY_VIEW_TYPE, (panel) => TopologyPanel.attach(panel, env, services)),
    { dispose: () => TopologyPanel.instance?.dispose() },
  );
}
