/**
 * The driver facts behind the Networks view (a network's driver rows in Details, the "driver unavailable" badge)
 * and Show Network Drivers: the last reading of hostFacts/driverGathering.ts, answered synchronously; a reading
 * older than a few seconds is renewed in the background (a driver that stops sends no event) and the view fires
 * when it arrives. A change of engine drops the reading.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../common/failure';
import type { EngineApi } from '../engine/api';
import { gatherDriverFacts, type DriverFacts } from '../hostFacts/driverGathering';
import { DEFAULT_PLUGIN_DIRECTORIES } from '../hostFacts/pluginFiles';
import type { TopologyFeed } from '../model/feed';
import type { NetworkModel } from '../model/topology';
import { driverDetailRows, driverProblemBadge, namesIpamDriver } from './present/driverText';
import type { DetailRow } from './present/networkText';
import type { Translate } from './present/text';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
const MAX_AGE_MS = 5_000;

/** What the Networks view asks of the driver facts. */
export interface NetworkDriverSource {
  detailRows(network: NetworkModel): DetailRow[];
  /** A few words for the network's description when a driver of it is unavailable, else ''. */
  badge(network: NetworkModel): string;
  /** Whether detailRows names the network's IPAM driver (its plain Details row would repeat it). */
  namesIpamDriver(network: NetworkModel): boolean;
  readonly onDidChange: vscode.Event<void>;
}

export function pluginDirectories(): readonly string[] {
  const configured = vscode.workspace.getConfiguration('dockerNetworks').get<string[]>('pluginDirectories');
  return configured && configured.length > 0 ? configured : DEFAULT_PLUGIN_DIRECTORIES;
}

export class DriverDetails implements NetworkDriverSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private latest: { at: number; facts: DriverFacts } | undefined;
  private failure: string | undefined;
  /** When the last reading failed: a failed reading ages like a good one, so a failing engine is not asked again
   * on every render (the views fire after a failure, which would otherwise ask at once, in a loop). */
  private failedAt = 0;
  private reading: Promise<DriverFacts> | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly engine: () => Promise<EngineApi>,
    feed: TopologyFeed,
    private readonly directories: () => readonly string[] = pluginDirectories,
  ) {
    this.subscription = feed.onDidChangeState(() => {
      this.latest = undefined;
      this.failure = undefined;
      this.failedAt = 0;
    });
  }

  /** A reading no older than maxAgeMs (one at a time); the views fire when a new one arrives. */
  read(maxAgeMs = MAX_AGE_MS): Promise<DriverFacts> {
    if (this.latest && Date.now() - this.latest.at <= maxAgeMs) return Promise.resolve(this.latest.facts);
    this.reading ??= (async () => {
      try {
        const facts = await gatherDriverFacts(await this.engine(), this.directories());
        const differs = this.failure !== undefined || JSON.stringify(facts) !== JSON.stringify(this.latest?.facts);
        this.latest = { at: Date.now(), facts };
        this.failure = undefined;
        if (differs) this.changed.fire();
        return facts;
      } catch (error) {
        const message = errorMessage(error);
        const differs = message !== this.failure;
        this.failure = message;
        this.failedAt = Date.now();
        if (differs) this.changed.fire();
        throw error;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  private current(): DriverFacts | undefined {
    const now = Date.now();
    if ((!this.latest || now - this.latest.at > MAX_AGE_MS) && now - this.failedAt > MAX_AGE_MS) {
      // The failure is kept and shown in Details; the log is not needed for a background renewal.
      void this.read().catch(() => undefined);
    }
    return this.latest?.facts;
  }

  detailRows(network: NetworkModel): DetailRow[] {
    const facts = this.current();
    if (!facts && this.failure !== undefined)
      return [
        {
          field: 'driver',
          name: t('Driver'),
          value: t('{0} (could not be checked: {1})', network.driver, this.failure),
        },
      ];
    return driverDetailRows(network, facts, this.directories(), t);
  }

  namesIpamDriver(network: NetworkModel): boolean {
    return namesIpamDriver(network, this.latest?.facts);
  }

  badge(network: NetworkModel): string {
    return driverProblemBadge(network, this.current(), t);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
