/**
 * The composition root: wires engine, model and UI parts together and does nothing else.
 * Activation stays cheap: the engine client and heavy parts load when first used.
 */
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Parts are wired here as they land (explorer, commands, compose lint, topology panel).
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
