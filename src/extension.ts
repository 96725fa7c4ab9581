/**
 * The composition root: wires engine, model and UI parts together and does nothing else.
 * Activation stays cheap and connects to nothing: the engine client and the live topology load, through dynamic
 * imports, when a view, the panel, an engine-aware check or a command first needs the engine.
 */
import * as vscode from 'vscode';
import type { CommandServices } from './commands/services';
import { registerCommands } from './commands/index';
import { ContainerDetailsCache } from './explorer/containerDetailsCache';
import { ContainersProvider } from './explorer/containersProvider';
import { DriverDetails } from './explorer/driverDetails';
import { createEngineOpener, engineSettings } from './explorer/engineOpener';
import { EngineStatus } from './explorer/engineStatus';
import { NetworksProvider } from './explorer/networksProvider';
import { parseGroupBy, type NetworkListOptions } from './explorer/present/grouping';
import { SessionFeed } from './model/sessionFeed';
import { composeEngineAccessFrom, registerComposeLint } from './compose/index';
import { registerTopology } from './topology/index';
import { createTroubleshooting } from './troubleshoot/index';
import type { NetworkObservations } from './troubleshoot/networkObservations';
import type { SecurityStatus } from './troubleshoot/securityStatus';

/**
 * What activate() returns: for the integration tests and for other extensions. Stable members only:
 * the live feed (snapshot, state, waitFor), the two tree providers and their views.
 */
export interface ExplorerApi {
  readonly feed: SessionFeed;
  readonly networksProvider: NetworksProvider;
  readonly containersProvider: ContainersProvider;
  readonly networksView: vscode.TreeView<unknown>;
  readonly containersView: vscode.TreeView<unknown>;
  readonly services: CommandServices;
  /** Observed socket activity and host interface facts (troubleshooting). */
  readonly observations: NetworkObservations;
  /** The security status bar item's state (shown with high-severity findings). */
  readonly securityStatus: Pick<SecurityStatus, 'state'>;
}

const REVEAL_TIMEOUT_MS = 10_000;

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('dockerNetworks');
}

function listOptions(): NetworkListOptions {
  const config = configuration();
  return {
    groupBy: parseGroupBy(config.get('groupBy')),
    showBuiltIn: config.get<boolean>('showBuiltInNetworks', true),
  };
}

export function activate(context: vscode.ExtensionContext): ExplorerApi {
  // The one log channel: every part logs here (Output > Docker Networks).
  const log = vscode.window.createOutputChannel('Docker Networks', { log: true });
  const feed = new SessionFeed(
    createEngineOpener(
      () => engineSettings(configuration()),
      log,
      () => ({
        resyncIntervalSeconds: configuration().get<number>('resyncIntervalSeconds', 300),
        eventsCheckSeconds: configuration().get<number>('eventsCheckSeconds', 30),
      }),
    ),
    log,
  );
  const start = (): void => void feed.start();

  const containerDetails = new ContainerDetailsCache(() => feed.engine(), feed);
  const troubleshooting = createTroubleshooting(() => feed.engine(), feed, log);
  const driverDetails = new DriverDetails(() => feed.engine(), feed);
  const networksProvider = new NetworksProvider(
    feed,
    listOptions(),
    start,
    containerDetails,
    troubleshooting.hostFacts,
    driverDetails,
  );
  const containersProvider = new ContainersProvider(feed, start, containerDetails, troubleshooting.activity);
  const networksView = vscode.window.createTreeView('dockerNetworks.networks', {
    treeDataProvider: networksProvider,
    showCollapseAll: true,
    canSelectMany: true,
  });
  const containersView = vscode.window.createTreeView('dockerNetworks.containers', {
    treeDataProvider: containersProvider,
    showCollapseAll: true,
    canSelectMany: true,
  });

  const services: CommandServices = {
    engine: () => feed.engine(),
    feed,
    reconnect: () => feed.reconnect(),
    log,
    async revealNetwork(networkId) {
      await feed.waitFor((snapshot) => snapshot.networks.has(networkId), REVEAL_TIMEOUT_MS);
      const node = networksProvider.nodeForNetwork(networkId);
      if (node) await networksView.reveal(node, { select: true, focus: true });
    },
  };

  context.subscriptions.push(
    feed,
    containerDetails,
    troubleshooting,
    driverDetails,
    networksProvider,
    containersProvider,
    networksView,
    containersView,
    networksProvider.trackExpansion(networksView),
    containersProvider.trackExpansion(containersView),
    new EngineStatus(feed, { networks: networksView, containers: containersView }),
    ...registerCommands(services),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration('dockerNetworks.groupBy') ||
        event.affectsConfiguration('dockerNetworks.showBuiltInNetworks')
      ) {
        networksProvider.setOptions(listOptions());
      }
      // Switch Engine writes host/context; a change re-opens the session, and every view follows the feed.
      if (
        event.affectsConfiguration('dockerNetworks.host') ||
        event.affectsConfiguration('dockerNetworks.context') ||
        event.affectsConfiguration('dockerNetworks.resyncIntervalSeconds') ||
        event.affectsConfiguration('dockerNetworks.eventsCheckSeconds')
      ) {
        // Only a session that something already needed; the first view or command opens it with the new value.
        if (feed.started) void feed.reconnect();
      }
    }),
  );

  // Other parts register here, one line each, e.g. registerComposeLint(context, services).
  registerComposeLint(context, composeEngineAccessFrom(feed, start), log);
  registerTopology(context, services, troubleshooting.observations);
  // Disposed last: the parts above may log while they shut down.
  context.subscriptions.push(log);

  // No connection here: the views, the topology panel, engine-aware compose checks and commands start the feed
  // when they first need it (a compose file opened with nothing else shown never reaches for the engine).

  return {
    feed,
    networksProvider,
    containersProvider,
    networksView,
    containersView,
    services,
    observations: troubleshooting.observations,
    securityStatus: troubleshooting.securityStatus,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
