/**
 * The one command table: every `dockerNetworks.*` command is registered here, from per-file exports.
 * To add commands: export a `CommandEntry[]` from your file, import it below and spread it into `commandTable`
 * (one line each). Menus and palette visibility live in package.json.
 */
import * as vscode from 'vscode';
import type { CommandEntry, CommandServices } from './services';
import { connectionCommands, refreshCommands } from './refresh';
import { createNetworkCommands } from './createNetwork/createNetworkCommand';
import { endpointCommands } from './endpointCommands';
import { inspectCommands } from './inspectDocument';
import { networkCommands } from './networkCommands';
import { connectivityCommands } from './connectivityCommands';

export const commandTable: readonly CommandEntry[] = [
  ...refreshCommands,
  ...connectionCommands,
  ...createNetworkCommands,
  ...networkCommands,
  ...endpointCommands,
  ...inspectCommands,
  ...connectivityCommands,
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
    void vscode.window.showErrorMessage(describeFailure(error));
    return undefined;
  }
}

/** The classified sentence of an EngineError (what happened, why, what to do), else the error's own message. */
export function describeFailure(error: unknown): string {
  const problem = (error as { problem?: { message?: unknown } } | undefined)?.problem;
  if (problem && typeof problem.message === 'string') return problem.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
