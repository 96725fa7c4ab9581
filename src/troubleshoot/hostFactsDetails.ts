/**
 * The host rows of a network's Details node (its Linux bridge, flags, or why host facts are not shown) and the
 * veth lines of endpoint tooltips, from the last host reading; a stale reading is refreshed in the background
 * and the Details nodes fire when it arrives.
 */
import * as vscode from 'vscode';
import { hostDetailRows, vethTooltipLines } from '../explorer/present/hostNetText';
import type { DetailRow } from '../explorer/present/networkText';
import { escapeMarkdown, type Translate } from '../explorer/present/text';
import type { NetworkHostFactsSource } from '../explorer/observedSources';
import type { TopologyFeed } from '../model/feed';
import type { EndpointModel, NetworkModel } from '../model/topology';
import type { NetworkObservations } from './networkObservations';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
const MAX_AGE_MS = 5_000;

export class HostFactsDetails implements NetworkHostFactsSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private failure: string | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly observations: NetworkObservations,
    private readonly feed: TopologyFeed,
  ) {
    this.subscription = observations.onDidObserveHostNet(() => {
      this.failure = undefined;
      this.changed.fire();
    });
  }

  detailRows(network: NetworkModel): DetailRow[] {
    const latest = this.observations.latestHostNet;
    if (!latest || Date.now() - latest.at > MAX_AGE_MS) {
      void this.observations.observeHostNet(MAX_AGE_MS).catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        this.changed.fire();
      });
    }
    if (this.failure !== undefined)
      return [
        {
          field: 'hostFacts',
          name: vscode.l10n.t('Host interfaces'),
          value: vscode.l10n.t('could not be read: {0}', this.failure),
        },
      ];
    return hostDetailRows(network, latest?.gathering, this.feed.state.endpoint, t);
  }

  async endpointLines(endpoint: EndpointModel): Promise<string[]> {
    try {
      return vethTooltipLines(endpoint, (await this.observations.observeHostNet(MAX_AGE_MS)).gathering, t);
    } catch (error) {
      // The tooltip still shows everything else; the reason replaces the veth lines.
      return [
        escapeMarkdown(
          vscode.l10n.t(
            'Host interfaces could not be read: {0}',
            error instanceof Error ? error.message : String(error),
          ),
        ),
      ];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
