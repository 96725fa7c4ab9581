/**
 * The one command table: every `dockerNetworks.*` command is registered here, from per-file exports.
 * To add commands: add the id to commandIds.ts (one line), export a `CommandEntry[]` from your file, import it
 * below and spread it into `commandTable` (one line each). Menus and palette visibility live in package.json;
 * test/unit/commands/commandIds.test.ts checks that the three agree.
 */
import * as vscode from 'vscode';
import { describeFailure } from '../common/failure';
import type { CommandEntry, CommandServices } from './services';
import { connectionCommands, refreshCommands } from './refresh';
import { createNetworkCommands } from './createNetwork/createNetworkCommand';
import { endpointCommands } from './endpointCommands';
import { engineCommands } from './engineCommands';
import { inspectCommands } from './inspectDocument';
import { networkCommands } from './networkCommands';
import { securityCommands } from './securityCommands';
import { connectivityCommands } from './connectivityCommands';
import { topologyCommands } from '../topology/commands';
import { walkthroughCommands } from './walkthroughCommands';
import { driverCommands } from './driverCommands';

export const commandTable: readonly CommandEntry[] = [
  ...refreshCommands,
  ...connectionCommands,
  ...engineCommands,
  ...createNetworkCommands,
  ...networkCommands,
  ...endpointCommands,
  ...inspectCommands,
  ...securityCommands,
  ...topologyCommands,
  ...walkthroughCommands,
  ...connectivityCommands,
  ...driverCommands,
  // Other command files: one spread per file, e.g. ...networkCommands,
];

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  return commandTable.map((entry) =>
    vscode.commands.registerCommand(entry.id, (...args: unknown[]) => runReportingFailures(entry, services, args)),
  );
}

/** Runs a handler; a failure reaches the user as one message (never an unhandled rejection). */
async function runReportingFailures(entry: CommandEntry, services: CommandServices, args: unknown[]): Promise<unknown> {
  try {
    return await entry.run(services, ...args);
  } catch (error) {
    const message = describeFailure(error);
    services.log.error(`${entry.id} failed: ${message}`);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}
