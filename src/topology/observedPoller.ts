/**
 * Feeds the topology panel's "Observed connections" layer: reads the socket activity when the layer is turned
 * on, when the user asks (the layer's Refresh), when the panel becomes visible again, and every
 * `dockerNetworks.observedConnections.refreshSeconds` (0: on demand only), but ONLY while the layer is on and the
 * panel is visible. Hidden, toggled off or disposed: no timer runs and nothing is read.
 */
import * as vscode from 'vscode';
import { describeFailure } from '../common/failure';
import type { Logger } from '../common/logger';
import type { ActivityObservation } from '../troubleshoot/networkObservations';
import { observedLayer } from './graph/observedLayer';
import type { ObservedLayer } from './protocol';

/** What the poller reads from: the shared observations (NetworkObservations), which batch concurrent reads. */
export interface ObservedActivitySource {
  observeActivity(maxAgeMs?: number): Promise<ActivityObservation>;
}

export const REFRESH_SETTING = 'observedConnections.refreshSeconds';
const DEFAULT_REFRESH_SECONDS = 5;

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

export function refreshSeconds(): number {
  const value = vscode.workspace.getConfiguration('dockerNetworks').get<number>(REFRESH_SETTING);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_REFRESH_SECONDS;
}

export class ObservedPoller implements vscode.Disposable {
  private on = false;
  private disposed = false;
  private latest: ObservedLayer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly panel: Pick<vscode.WebviewPanel, 'visible' | 'onDidChangeViewState'>,
    private readonly source: ObservedActivitySource | undefined,
    private readonly post: (layer: ObservedLayer) => void,
    private readonly log: Logger,
  ) {
    this.subscriptions = [
      // Visible again: the layer is stale, read now; hidden: the timer stops.
      panel.onDidChangeViewState(() => (this.active ? this.refresh(1_000) : this.stop())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`dockerNetworks.${REFRESH_SETTING}`)) this.schedule();
      }),
    ];
  }

  get layerOn(): boolean {
    return this.on;
  }

  /** The layer as the panel shows it now (for Copy as Mermaid), or undefined while it is off. */
  get shown(): ObservedLayer | undefined {
    return this.on ? this.latest : undefined;
  }

  private get active(): boolean {
    return this.on && this.panel.visible && !this.disposed;
  }

  setOn(on: boolean): void {
    this.on = on;
    if (!on) this.latest = undefined;
    if (on) this.refresh(1_000);
    else this.stop();
  }

  /** Reads now (a reading at most `maxAgeMs` old is reused: the Containers view may just have read). */
  refresh(maxAgeMs = 0): void {
    if (!this.active) return;
    this.stop();
    void this.read(maxAgeMs);
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.stop();
    const seconds = refreshSeconds();
    if (!this.active || seconds <= 0) return;
    this.timer = setTimeout(() => void this.read(Math.min(1_000, seconds * 500)), seconds * 1_000);
  }

  private async read(maxAgeMs: number): Promise<void> {
    try {
      if (!this.source) throw new Error(t('socket observations are not available in this window'));
      const observation = await this.source.observeActivity(maxAgeMs);
      if (this.on && !this.disposed)
        this.show(observedLayer(observation.activity, observation.snapshot, observation.at, t));
    } catch (error) {
      const why = describeFailure(error);
      this.log.warn(`Topology panel: observed connections could not be read: ${why}`);
      if (this.on && !this.disposed)
        this.show({
          at: Date.now(),
          peers: [],
          edges: [],
          notes: [t('The connections could not be read: {0}. Check that the engine answers, then refresh.', why)],
        });
    } finally {
      this.schedule();
    }
  }

  private show(layer: ObservedLayer): void {
    this.latest = layer;
    this.post(layer);
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
