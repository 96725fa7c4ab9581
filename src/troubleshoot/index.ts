/**
 * The troubleshooting part's VS Code side, created by the composition root: the observations (socket activity,
 * host interfaces) with the tree sources that show them, and the security status bar item.
 */
import type * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import type { EngineApi } from '../engine/api';
import type { TopologyFeed } from '../model/feed';
import { HostFactsDetails } from './hostFactsDetails';
import { NetworkObservations } from './networkObservations';
import { ObservedActivityNodes } from './observedActivityNodes';
import { SecurityStatus } from './securityStatus';

export interface Troubleshooting extends vscode.Disposable {
  readonly observations: NetworkObservations;
  readonly activity: ObservedActivityNodes;
  readonly hostFacts: HostFactsDetails;
  readonly securityStatus: SecurityStatus;
}

export function createTroubleshooting(
  engine: () => Promise<EngineApi>,
  feed: TopologyFeed,
  log?: Logger,
): Troubleshooting {
  const observations = new NetworkObservations(engine, feed);
  const activity = new ObservedActivityNodes(observations);
  const hostFacts = new HostFactsDetails(observations, feed);
  const status = new SecurityStatus(feed, engine, log);
  return {
    observations,
    activity,
    hostFacts,
    securityStatus: status,
    dispose() {
      for (const part of [status, hostFacts, activity, observations]) part.dispose();
    },
  };
}
