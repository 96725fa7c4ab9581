/**
 * Endpoint verbs: Connect Container... (network), Connect to Network... (container), and the table entry of Disconnect
 * (endpoints, disconnectCommand.ts).
 */
import * as vscode from 'vscode';
import type { ConnectRequest } from '../engine/api';
import { acceptsConnections } from '../diagnose/reachability/context';
import { isContainerNode, isNetworkNode } from '../explorer/nodeTypes';
import { checkAliases, checkStaticAddress, networkSubnets, type IpFamily } from '../model/networkValidation';
import type { ContainerModel, NetworkModel, TopologySnapshot } from '../model/topology';
import { DONE, runSteps, type Step } from './createNetwork/stepRunner';
import { currentNetwork, nodesFrom, prompterFrom, reportFailure, tell } from './operationSupport';
import { pickContainer, pickNetwork } from './pickers';
import { disconnectEndpoints } from './disconnectCommand';
import { pluginsAnswer } from './pluginCheck';
import { BACK, type Prompter } from './prompter';
import type { CommandEntry, CommandServices } from './services';
import { messageOf } from './validationMessages';

/** A container sharing another's namespace (or host's, or none) cannot connect. */
function canConnectElsewhere(c: ContainerModel): boolean {
  return !(c.networkMode === 'host' || c.networkMode === 'none' || c.networkMode.startsWith('container:'));
}

function attachedContainerIds(snapshot: TopologySnapshot, networkId: string): Set<string> {
  return new Set((snapshot.endpointsByNetwork.get(networkId) ?? []).map((e) => e.containerId));
}

/** Asks aliases, then a static IPv4 and IPv6 for each family the network has subnets of (with Back). */
async function askConnectOptions(
  prompter: Prompter,
  snapshot: TopologySnapshot,
  network: NetworkModel,
  container: ContainerModel,
): Promise<ConnectRequest | undefined> {
  // The default bridge takes neither aliases nor static addresses: the engine refuses both there.
  if (network.builtIn) return {};
  const endpoints = snapshot.endpointsByNetwork.get(network.id) ?? [];
  const families: IpFamily[] = (['ipv4', 'ipv6'] as const).filter((f) => networkSubnets(network, f).length > 0);
  const title = vscode.l10n.t('Connect {0} to {1}', container.name, network.name);
  const total = 1 + families.length;
  const answers = { aliases: '', ipv4: '', ipv6: '' };

  const addressStep =
    (index: number): Step =>
    async () => {
      if (index >= families.length) return DONE;
      const family = families[index];
      const label = family === 'ipv4' ? 'IPv4' : 'IPv6';
      const subnets = networkSubnets(network, family)
        .map((s) => s.text)
        .join(', ');
      const answer = await prompter.input({
        id: family,
        title,
        step: 2 + index,
        totalSteps: total,
        canGoBack: true,
        prompt: vscode.l10n.t(
          'Static {0} address inside {1} (optional; empty: the engine assigns one; the engine accepts one only on networks created with an explicit subnet)',
          label,
          subnets,
        ),
        value: answers[family],
        validate: (v) => (v.trim() ? messageOf(checkStaticAddress(v, family, network, endpoints)) : undefined),
      });
      if (answer === undefined || answer === BACK) return answer;
      answers[family] = answer.trim();
      return addressStep(index + 1);
    };
  const aliasStep: Step = async () => {
    const answer = await prompter.input({
      id: 'aliases',
      title,
      step: 1,
      totalSteps: total,
      canGoBack: false,
      prompt: vscode.l10n.t(
        'Network aliases (optional): extra DNS names of {0} on {1}, separated by commas',
        container.name,
        network.name,
      ),
      placeholder: 'db, primary',
      value: answers.aliases,
      validate: (v) => messageOf(checkAliases(v)),
    });
    if (answer === undefined || answer === BACK) return answer;
    answers.aliases = answer;
    return addressStep(0);
  };
  if (!(await runSteps(aliasStep))) return undefined;
  const aliases = checkAliases(answers.aliases);
  const request: ConnectRequest = {};
  if (aliases.ok && aliases.value.length > 0) request.aliases = aliases.value;
  if (answers.ipv4) request.ipv4 = answers.ipv4;
  if (answers.ipv6) request.ipv6 = answers.ipv6;
  return request;
}

/**
 * The Connect flow for one network and one container (aliases, static addresses, a legacy plugin driver asked
 * whether it answers, progress, failure report).
 */
export async function connect(
  services: CommandServices,
  prompter: Prompter,
  network: NetworkModel,
  container: ContainerModel,
): Promise<boolean> {
  const request = await askConnectOptions(prompter, services.feed.snapshot, network, container);
  if (!request) return false;
  const engine = await services.engine();
  const mayGo = await pluginsAnswer(services, prompter, engine, {
    drivers: [network.driver, network.ipamDriver],
    refusal: (sentences) =>
      vscode.l10n.t(
        'Container "{0}" was not connected to "{1}": the engine waits for a legacy plugin without a limit, so it would hang. {2} Then connect it again.',
        container.name,
        network.name,
        sentences,
      ),
  });
  if (!mayGo) return false;
  try {
    await prompter.withProgress(vscode.l10n.t('Connecting {0} to {1}...', container.name, network.name), () =>
      engine.connect(network.id, container.id, request),
    );
  } catch (error) {
    await reportFailure(
      prompter,
      services,
      vscode.l10n.t('Connecting container "{0}" to network "{1}"', container.name, network.name),
      error,
      {
        advice: vscode.l10n.t(
          'The views are refreshed: check that the container and network still exist and that the address is free, then try again.',
        ),
      },
    );
    return false;
  }
  tell(prompter, vscode.l10n.t('Connected {0} to {1}.', container.name, network.name));
  return true;
}

/** Why Connect does not offer this network, and what to do instead. */
function refusalOf(network: NetworkModel): string {
  if (network.scope === 'swarm' && !network.attachable && !network.ingress) {
    return vscode.l10n.t(
      '"{0}" is a Swarm network created without the attachable option: only Swarm services can join it. Create an attachable overlay network (Create Network offers it) or run the container as a service.',
      network.name,
    );
  }
  return vscode.l10n.t(
    'Containers cannot be connected to "{0}" ({1}): use a bridge or another user-defined network.',
    network.name,
    network.driver,
  );
}

export async function connectContainer(services: CommandServices, args: readonly unknown[]): Promise<boolean> {
  const prompter = prompterFrom(args);
  const snapshot = services.feed.snapshot;
  const title = vscode.l10n.t('Connect Container');
  const node = nodesFrom(args, isNetworkNode)[0];
  const network = node
    ? (currentNetwork(snapshot, node.network) ?? node.network)
    : await pickNetwork(prompter, snapshot, title, acceptsConnections);
  if (!network) return false;
  if (!acceptsConnections(network)) {
    tell(prompter, refusalOf(network));
    return false;
  }
  const attached = attachedContainerIds(snapshot, network.id);
  const candidates = [...snapshot.containers.values()].filter((c) => !attached.has(c.id) && canConnectElsewhere(c));
  const container = await pickContainer(
    prompter,
    candidates,
    title,
    vscode.l10n.t('Every container that can connect is already attached to "{0}".', network.name),
  );
  if (!container) return false;
  return connect(services, prompter, network, container);
}

export async function connectToNetwork(services: CommandServices, args: readonly unknown[]): Promise<boolean> {
  const prompter = prompterFrom(args);
  const snapshot = services.feed.snapshot;
  const title = vscode.l10n.t('Connect to Network');
  const node = nodesFrom(args, isContainerNode)[0];
  const candidates = [...snapshot.containers.values()].filter(canConnectElsewhere);
  const container = node
    ? (snapshot.containers.get(node.container.id) ?? node.container)
    : await pickContainer(
        prompter,
        candidates,
        title,
        vscode.l10n.t('There is no container that can connect to another network.'),
      );
  if (!container) return false;
  if (!canConnectElsewhere(container)) {
    tell(
      prompter,
      vscode.l10n.t(
        '"{0}" uses the network mode "{1}" and cannot be connected to other networks.',
        container.name,
        container.networkMode,
      ),
    );
    return false;
  }
  const joined = new Set((snapshot.endpointsByContainer.get(container.id) ?? []).map((e) => e.networkId));
  const network = await pickNetwork(prompter, snapshot, title, (n) => acceptsConnections(n) && !joined.has(n.id));
  if (!network) return false;
  return connect(services, prompter, network, container);
}

export const endpointCommands: CommandEntry[] = [
  { id: 'dockerNetworks.connectContainer', run: (services, ...args) => connectContainer(services, args) },
  { id: 'dockerNetworks.connectToNetwork', run: (services, ...args) => connectToNetwork(services, args) },
  { id: 'dockerNetworks.disconnectContainer', run: (services, ...args) => disconnectEndpoints(services, args) },
];
