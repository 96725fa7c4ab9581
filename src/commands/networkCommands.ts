/**
 * Network verbs: remove (multi-select, disconnect first on request), prune, copy name/ID/subnet/IP. Remove and prune
 * first ask the networks' legacy plugin drivers whether they answer (pluginCheck.ts): the engine would wait for one
 * that hangs without a limit.
 */
import * as vscode from 'vscode';
import type { EngineApi } from '../engine/api';
import { isContainerNode, isEndpointNode, isNetworkNode, type NetworkNodeData } from '../explorer/nodeTypes';
import type { EndpointModel, NetworkModel } from '../model/topology';
import {
  currentNetwork,
  nodesFrom,
  problemOf,
  prompterFrom,
  reasonOf,
  reportFailure,
  resync,
  tell,
} from './operationSupport';
import { pickNetwork, pickNetworks, pickText } from './pickers';
import { driversOfNetwork, silentPluginsOf, tellRefused } from './pluginCheck';
import type { Prompter } from './prompter';
import type { CommandEntry, CommandServices } from './services';

const MAX_LISTED = 25;

function listed(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED).map((n) => `• ${n}`);
  if (names.length > MAX_LISTED) shown.push(vscode.l10n.t('... and {0} more', String(names.length - MAX_LISTED)));
  return shown.join('\n');
}

/** What a remove changed, and what failed: reported exactly, also when it stops midway. */
interface RemoveOutcome {
  /** Networks not asked for: a legacy plugin of theirs does not answer (the user was told which and why). */
  refused: string[];
  disconnected: string[];
  removed: string[];
  failures: string[];
}

async function removeOne(
  engine: EngineApi,
  network: NetworkModel,
  endpoints: readonly EndpointModel[],
  outcome: RemoveOutcome,
): Promise<void> {
  for (const ep of endpoints) {
    try {
      await engine.disconnect(network.id, ep.containerId, false);
      outcome.disconnected.push(vscode.l10n.t('{0} from {1}', ep.containerName, network.name));
    } catch (error) {
      // The container went away meanwhile: its endpoint went with it, so the network may still be removed.
      if (problemOf(error)?.kind === 'notFound') continue;
      outcome.failures.push(
        vscode.l10n.t(
          'Disconnecting {0} from {1}: {2}',
          ep.containerName,
          network.name,
          reasonOf(error, vscode.l10n.t('The network was left in place.')),
        ),
      );
      // The network cannot go while this container stays attached: skip its removal, keep going with the others.
      return;
    }
  }
  try {
    await engine.removeNetwork(network.id);
    outcome.removed.push(network.name);
  } catch (error) {
    outcome.failures.push(
      vscode.l10n.t(
        'Removing {0}: {1}',
        network.name,
        reasonOf(error, vscode.l10n.t('Disconnect what still uses it (Remove offers to) and try again.')),
      ),
    );
  }
}

export async function removeNetworks(
  services: CommandServices,
  args: readonly unknown[],
): Promise<RemoveOutcome | undefined> {
  const prompter = prompterFrom(args);
  // The confirmation names every container Remove will disconnect: read them from a fresh snapshot, not one that
  // a just-made connect's event may not have reached yet. If the engine cannot answer, the removal below reports
  // the classified failure, so a failed refresh here only means the current snapshot is used.
  await services.feed.refresh().catch(() => undefined);
  const snapshot = services.feed.snapshot;
  const title = vscode.l10n.t('Remove Network');
  const given = nodesFrom(args, isNetworkNode).map(
    (n: NetworkNodeData) => currentNetwork(snapshot, n.network) ?? n.network,
  );
  let networks = given.length > 0 ? given : await pickNetworks(prompter, snapshot, title, (n) => !n.builtIn);
  const builtIns = networks.filter((n) => n.builtIn);
  networks = networks.filter((n) => !n.builtIn);
  if (builtIns.length > 0)
    tell(
      prompter,
      vscode.l10n.t(
        'Built-in networks cannot be removed and were left out: {0}.',
        builtIns.map((n) => n.name).join(', '),
      ),
    );
  if (networks.length === 0) return undefined;

  const attached = networks.map((n) => ({ network: n, endpoints: snapshot.endpointsByNetwork.get(n.id) ?? [] }));
  const inUse = attached.filter((a) => a.endpoints.length > 0);
  const names = networks.map((n) => n.name);
  const removeLabel = vscode.l10n.t('Remove');
  const disconnectLabel = vscode.l10n.t('Disconnect and Remove');
  const message =
    networks.length === 1
      ? vscode.l10n.t('Remove the network "{0}"?', names[0])
      : vscode.l10n.t('Remove these {0} networks?', String(networks.length));
  const detailParts = [listed(names)];
  if (inUse.length > 0) {
    detailParts.push(
      vscode.l10n.t('These containers are connected and will be disconnected first:'),
      listed(inUse.flatMap((a) => a.endpoints.map((e) => `${e.containerName} (${a.network.name})`))),
    );
  }
  const choice = await prompter.confirm({
    message,
    detail: detailParts.join('\n\n'),
    actions: [inUse.length > 0 ? disconnectLabel : removeLabel],
  });
  if (!choice) return undefined;

  const engine = await services.engine();
  const silent = await silentPluginsOf(services, prompter, engine, networks, { driversOf: driversOfNetwork });
  tellRefused(prompter, silent, (n, sentences) =>
    vscode.l10n.t(
      'Network "{0}" was not removed: the engine waits for a legacy plugin without a limit, so it would hang. {1} Then remove it again.',
      n.name,
      sentences,
    ),
  );
  const refused = [...silent.keys()].map((n) => n.name);
  const outcome: RemoveOutcome = { refused, disconnected: [], removed: [], failures: [] };
  const going = attached.filter((a) => !silent.has(a.network));
  if (going.length === 0) return outcome;
  await prompter.withProgress(vscode.l10n.t('Removing networks...'), async () => {
    for (const a of going) await removeOne(engine, a.network, a.endpoints, outcome);
  });
  reportRemoveOutcome(prompter, services, outcome);
  return outcome;
}

function reportRemoveOutcome(prompter: Prompter, services: CommandServices, o: RemoveOutcome): void {
  const done: string[] = [];
  if (o.removed.length > 0) done.push(vscode.l10n.t('Removed: {0}.', o.removed.join(', ')));
  if (o.disconnected.length > 0) done.push(vscode.l10n.t('Disconnected: {0}.', o.disconnected.join(', ')));
  if (o.failures.length === 0) {
    tell(prompter, done.join(' '));
    return;
  }
  resync(services);
  const changed = done.length > 0 ? done.join(' ') : vscode.l10n.t('Nothing was changed.');
  void prompter.notify({
    level: 'error',
    message: vscode.l10n.t('Removing networks did not fully succeed. {0} Failed: {1}', changed, o.failures.join(' ')),
  });
}

/** What the engine's prune would take: user-defined networks no running container uses. */
export function pruneCandidates(services: CommandServices): NetworkModel[] {
  const snapshot = services.feed.snapshot;
  return [...snapshot.networks.values()]
    .filter((n) => !n.builtIn && !n.ingress && !(snapshot.endpointsByNetwork.get(n.id) ?? []).some((e) => e.running))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function pruneNetworks(
  services: CommandServices,
  args: readonly unknown[],
): Promise<string[] | undefined> {
  const prompter = prompterFrom(args);
  await services.feed.refresh();
  const candidates = pruneCandidates(services);
  if (candidates.length === 0) {
    tell(prompter, vscode.l10n.t('There are no unused networks to prune.'));
    return [];
  }
  const choice = await prompter.confirm({
    message: vscode.l10n.t('Prune {0} unused networks?', String(candidates.length)),
    detail:
      vscode.l10n.t('The engine removes every user-defined network no running container uses:') +
      '\n' +
      listed(candidates.map((n) => n.name)),
    actions: [vscode.l10n.t('Prune')],
  });
  if (!choice) return undefined;
  const engine = await services.engine();
  const silent = await silentPluginsOf(services, prompter, engine, candidates, { driversOf: driversOfNetwork });
  if (silent.size > 0) {
    void prompter.notify({
      level: 'error',
      message: vscode.l10n.t(
        'Nothing was pruned: the engine waits for a legacy plugin without a limit, so it would hang on {0}. {1} Then prune again, or remove the other networks with Remove Network.',
        [...silent.keys()].map((n) => `"${n.name}"`).join(', '),
        [...new Set(silent.values())].join(' '),
      ),
    });
    return undefined;
  }
  try {
    const removed = await prompter.withProgress(vscode.l10n.t('Pruning networks...'), () => engine.pruneNetworks());
    tell(
      prompter,
      removed.length > 0
        ? vscode.l10n.t('Pruned {0} networks: {1}.', String(removed.length), removed.join(', '))
        : vscode.l10n.t('The engine pruned no network (they came into use meanwhile).'),
    );
    return removed;
  } catch (error) {
    await reportFailure(prompter, services, vscode.l10n.t('Pruning networks'), error, {
      advice: vscode.l10n.t('Try again; nothing was removed by this attempt unless the views show otherwise.'),
    });
    return undefined;
  }
}

type CopyWhat = 'name' | 'id' | 'subnet' | 'ip';

/** The values of a node (or of a picked network) for one copy command. */
function copyValues(what: CopyWhat, node: unknown): Array<{ label: string; value: string }> {
  if (isNetworkNode(node)) {
    const n = node.network;
    if (what === 'name') return [{ label: vscode.l10n.t('name'), value: n.name }];
    if (what === 'id') return [{ label: vscode.l10n.t('ID'), value: n.id }];
    if (what === 'subnet')
      return n.ipam.filter((c) => c.subnet).map((c) => ({ label: vscode.l10n.t('subnet'), value: c.subnet as string }));
    return n.ipam
      .filter((c) => c.gateway)
      .map((c) => ({ label: vscode.l10n.t('gateway'), value: c.gateway as string }));
  }
  if (isEndpointNode(node)) {
    const e = node.endpoint;
    if (what === 'name') return [{ label: vscode.l10n.t('container name'), value: e.containerName }];
    if (what === 'id') return [{ label: vscode.l10n.t('container ID'), value: e.containerId }];
    if (what === 'subnet') {
      const v4 =
        e.ipv4 && e.ipv4PrefixLen !== undefined ? [{ label: 'IPv4', value: `${e.ipv4}/${e.ipv4PrefixLen}` }] : [];
      const v6 =
        e.ipv6 && e.ipv6PrefixLen !== undefined ? [{ label: 'IPv6', value: `${e.ipv6}/${e.ipv6PrefixLen}` }] : [];
      return [...v4, ...v6];
    }
    return [
      ...(e.ipv4 ? [{ label: 'IPv4', value: e.ipv4 }] : []),
      ...(e.ipv6 ? [{ label: 'IPv6', value: e.ipv6 }] : []),
    ];
  }
  if (isContainerNode(node)) {
    const c = node.container;
    if (what === 'name') return [{ label: vscode.l10n.t('container name'), value: c.name }];
    if (what === 'id') return [{ label: vscode.l10n.t('container ID'), value: c.id }];
  }
  return [];
}

export async function copyValue(
  services: CommandServices,
  what: CopyWhat,
  args: readonly unknown[],
): Promise<string | undefined> {
  const prompter = prompterFrom(args);
  let node: unknown = args[0];
  if (!isNetworkNode(node) && !isEndpointNode(node) && !isContainerNode(node)) {
    const network = await pickNetwork(prompter, services.feed.snapshot, vscode.l10n.t('Copy'));
    if (!network) return undefined;
    node = { kind: 'network', network };
  }
  const values = copyValues(what, node);
  if (values.length === 0) {
    tell(
      prompter,
      vscode.l10n.t(
        'There is no {0} to copy here.',
        what === 'ip' ? vscode.l10n.t('IP address') : what === 'subnet' ? vscode.l10n.t('subnet') : what,
      ),
    );
    return undefined;
  }
  const value = values.length === 1 ? values[0].value : await pickText(prompter, vscode.l10n.t('Copy'), values);
  if (value === undefined) return undefined;
  await prompter.copy(value);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', value), 3000);
  return value;
}

export const networkCommands: CommandEntry[] = [
  { id: 'dockerNetworks.removeNetwork', run: (services, ...args) => removeNetworks(services, args) },
  { id: 'dockerNetworks.pruneNetworks', run: (services, ...args) => pruneNetworks(services, args) },
  { id: 'dockerNetworks.copyName', run: (services, ...args) => copyValue(services, 'name', args) },
  { id: 'dockerNetworks.copyId', run: (services, ...args) => copyValue(services, 'id', args) },
  { id: 'dockerNetworks.copySubnet', run: (services, ...args) => copyValue(services, 'subnet', args) },
  { id: 'dockerNetworks.copyIpAddress', run: (services, ...args) => copyValue(services, 'ip', args) },
];
