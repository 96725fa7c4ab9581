/**
 * The security status bar item: shown while the live snapshot holds a high-severity finding (checked without any
 * engine request, debounced, off the tree's event path); clicking it opens the security review.
 */
import * as vscode from 'vscode';
import type { EngineApi, EngineEndpoint } from '../engine/api';
import type { TopologyFeed } from '../model/feed';
import { quickSecurityFindings } from './securityReview';

/** The status bar item: shown while the snapshot holds a high-severity finding. */
export class SecurityStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'dockerNetworks.security',
    vscode.StatusBarAlignment.Left,
    9,
  );
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly feed: TopologyFeed,
    private readonly engine: () => Promise<EngineApi>,
  ) {
    this.item.name = vscode.l10n.t('Docker network security');
    this.item.command = { command: 'dockerNetworks.reviewSecurity', title: vscode.l10n.t('Review Network Security') };
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    // Debounced and off the tree's event path: the check is pure over the snapshot the views already hold.
    this.subscriptions = [feed.onDidChange(() => this.schedule()), feed.onDidChangeState(() => this.schedule())];
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 500);
  }

  private async update(): Promise<void> {
    if (this.feed.state.kind !== 'connected') return this.item.hide();
    let endpoint: EngineEndpoint;
    try {
      endpoint = (await this.engine()).endpoint;
    } catch {
      // The engine's state (and its sentence) is the engine status item's business; nothing to review here.
      return this.item.hide();
    }
    const severe = quickSecurityFindings(endpoint, this.feed.snapshot).filter((f) => f.severity === 'high');
    if (severe.length === 0) return this.item.hide();
    this.item.text = `$(shield) ${severe.length}`;
    this.item.tooltip = vscode.l10n.t(
      '{0} high-severity network security findings. Click to open the security review.',
      severe.length,
    );
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
