/**
 * Refresh and engine-connection commands: refresh, retryConnection, openHostSetting.
 */
import * as vscode from 'vscode';
import type { CommandEntry, CommandServices } from './services';

export const NETWORKS_VIEW_ID = 'dockerNetworks.networks';
export const CONTAINERS_VIEW_ID = 'dockerNetworks.containers';

/** Shows progress in both views while `work` runs. */
function withViewProgress<T>(work: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: NETWORKS_VIEW_ID } }, () =>
    vscode.window.withProgress({ location: { viewId: CONTAINERS_VIEW_ID } }, work),
  );
}

/** Fetches a fresh snapshot; when the engine is unreachable, refresh means trying to connect again. */
async function refresh(services: CommandServices): Promise<void> {
  if (services.feed.state.kind === 'unreachable') {
    await withViewProgress(() => services.reconnect());
    return;
  }
  await withViewProgress(() => services.feed.refresh());
}

export const refreshCommands: CommandEntry[] = [{ id: 'dockerNetworks.refresh', run: (services) => refresh(services) }];

export const connectionCommands: CommandEntry[] = [
  { id: 'dockerNetworks.retryConnection', run: (services) => withViewProgress(() => services.reconnect()) },
  {
    id: 'dockerNetworks.openHostSetting',
    run: () => vscode.commands.executeCommand('workbench.action.openSettings', '@id:dockerNetworks.host'),
  },
];
