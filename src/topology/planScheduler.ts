/**
 * Keeps the panel's plan overlay in step with the active editor: 300 ms after the active editor or its text
 * changes, compares the compose file there with the engine and hands the overlay (or null for a file that is not
 * a compose file) to the panel. Focus in the panel itself keeps the last overlay.
 */
import { describeFailure } from '../common/failure';
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Logger } from '../common/logger';
import type { TopologySnapshot } from '../model/topology';
import type { PlanOverlay } from './protocol';

const DEBOUNCE_MS = 300;

export class PlanScheduler implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly snapshot: () => TopologySnapshot,
    private readonly show: (overlay: PlanOverlay | null) => void,
    private readonly log: Logger,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
    ];
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.compare().catch((e: unknown) => this.log.warn(`Topology panel: plan overlay failed: ${describeFailure(e)}`));
    }, DEBOUNCE_MS);
  }

  private async compare(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return; // keep the last overlay while focus is in the panel itself
    // Loaded on first use: the plan overlay brings the `yaml` parser, which has no place on the activation path.
    const { comparePlan, isComposeFileName } = await import('./planOverlay');
    if (!isComposeFileName(doc.fileName)) {
      this.show(null);
      return;
    }
    const folder = path.basename(path.dirname(doc.fileName));
    this.show(comparePlan(doc.getText(), path.basename(doc.fileName), folder, this.snapshot()));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
