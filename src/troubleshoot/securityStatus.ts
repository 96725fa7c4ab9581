/**
 * The security status bar item: shown while the live engine holds a high-severity finding (a privileged
 * container, or one with NET_ADMIN/NET_RAW, on a shared network or in host mode; the engine over plain tcp://);
 * clicking it opens the security review. Checked debounced and off the tree's event path, over the snapshot the
 * views hold plus each running container's privileges, inspected once per container (they cannot change while it
 * exists): a refresh with no new container makes no engine request.
 */
import * as vscode from 'vscode';
import { describeFailure } from '../common/failure';
import type { Logger } from '../common/logger';
import type { ContainerPrivileges } from '../diagnose/security';
import type { EngineApi, EngineEndpoint } from '../engine/api';
import type { TopologyFeed } from '../model/feed';
import { inspectPrivileges, quickSecurityFindings } from './securityReview';

/** What the item shows while it is visible (for the integration tests: the item's own state is write-only). */
export interface SecurityStatusState {
  text: string;
  tooltip: string;
  command: string;
}

/** The status bar item: shown while the snapshot holds a high-severity finding. */
export class SecurityStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'dockerNetworks.security',
    vscode.StatusBarAlignment.Left,
    9,
  );
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private readonly privileges = new Map<string, ContainerPrivileges>();
  private updating: Promise<void> | undefined;
  private again = false;
  private shown: SecurityStatusState | undefined;

  constructor(
    private readonly feed: TopologyFeed,
    private readonly engine: () => Promise<EngineApi>,
    private readonly log?: Logger,
  ) {
    this.item.name = vscode.l10n.t('Docker network security');
    this.item.command = { command: 'dockerNetworks.reviewSecurity', title: vscode.l10n.t('Review Network Security') };
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    this.subscriptions = [
      feed.onDidChange(() => this.schedule()),
      feed.onDidChangeState(() => {
        this.privileges.clear(); // another engine, or the same one back: its containers are other ones
        this.schedule();
      }),
    ];
    this.schedule();
  }

  /** What the item shows, or undefined while it is hidden. */
  get state(): SecurityStatusState | undefined {
    return this.shown;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), 500);
  }

  /** One update at a time; a change meanwhile runs one more after it. */
  private run(): void {
    if (this.updating) {
      this.again = true;
      return;
    }
    this.updating = this.update()
      .catch((error: unknown) => {
        this.log?.warn(`Security status: the check failed: ${describeFailure(error)}`);
        this.hide();
      })
      .finally(() => {
        this.updating = undefined;
        if (this.again) {
          this.again = false;
          this.run();
        }
      });
  }

  private hide(): void {
    this.shown = undefined;
    this.item.hide();
  }

  private async update(): Promise<void> {
    if (this.feed.state.kind !== 'connected') return this.hide();
    let engine: EngineApi;
    let endpoint: EngineEndpoint;
    try {
      engine = await this.engine();
      endpoint = engine.endpoint;
    } catch {
      // The engine's state (and its sentence) is the engine status item's business; nothing to review here.
      return this.hide();
    }
    const snapshot = this.feed.snapshot;
    for (const id of this.privileges.keys()) if (!snapshot.containers.has(id)) this.privileges.delete(id);
    const unknown = [...snapshot.containers.values()].filter((c) => c.running && !this.privileges.has(c.id));
    // A container not inspected (gone meanwhile, or refused) is judged without privileges and tried again on the
    // next change; the review itself names such containers with the engine's reason.
    const inspected = await inspectPrivileges(engine, unknown, 4);
    for (const [id, p] of inspected.privileges) this.privileges.set(id, p);
    const severe = quickSecurityFindings(endpoint, snapshot, this.privileges).filter((f) => f.severity === 'high');
    if (severe.length === 0) return this.hide();
    const tooltip = vscode.l10n.t(
      '{0} high-severity network security findings. Click to open the security review.',
      severe.length,
    );
    this.shown = { text: `$(shield) ${severe.length}`, tooltip, command: 'dockerNetworks.reviewSecurity' };
    this.item.text = this.shown.text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
