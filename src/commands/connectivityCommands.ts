/**
 * dockerNetworks.checkConnectivity: from a container (either view), an endpoint, or the palette. Asks what the
 * node did not give: the source container, the target (a container, or a typed name / IP / host:port / URL), an
 * optional port and protocol; then opens the connectivity report. Tests and other commands pass
 * `{ connectivity: { source, target, port, protocol } }` (plus a scripted prompter) to skip the questions.
 */
import * as vscode from 'vscode';
import { findContainer } from '../diagnose/reachability/namespaces';
import { findTargetContainer, parseTargetText, type ParsedTarget } from '../diagnose/reachability/target';
import type { Protocol, TargetSpec } from '../diagnose/reachability/types';
import { isContainerNode, isEndpointNode } from '../explorer/nodeTypes';
import { buildSnapshot } from '../model/snapshot';
import type { ContainerModel, TopologySnapshot } from '../model/topology';
import { ipFamily } from '../model/address';
import { findContainerByAlias } from '../troubleshoot/aliasLookup';
import { ConnectivityReport } from '../troubleshoot/reportPanel';
import { containerItem } from './pickers';
import { prompterFrom } from './operationSupport';
import { BACK, type PickItem, type Prompter } from './prompter';
import type { CommandEntry, CommandServices } from './services';

export interface ConnectivityArgs {
  /** Source container: id, unique id prefix or name. */
  source?: string;
  /** Target as a user would type it: container name, alias, IP, host:port, URL. */
  target?: string;
  port?: number;
  protocol?: Protocol;
}

function connectivityArgs(args: readonly unknown[]): ConnectivityArgs {
  for (const arg of args) {
    const value = (arg as { connectivity?: unknown } | null)?.connectivity;
    if (typeof value === 'object' && value !== null) return value as ConnectivityArgs;
  }
  return {};
}

const TYPE_IT = Symbol('type a target');

function byRunningThenName(a: ContainerModel, b: ContainerModel): number {
  return Number(b.running) - Number(a.running) || a.name.localeCompare(b.name);
}

async function pickSource(
  prompter: Prompter,
  snapshot: TopologySnapshot,
  title: string,
): Promise<ContainerModel | undefined> {
  const items = [...snapshot.containers.values()].sort(byRunningThenName).map(containerItem);
  if (items.length === 0) {
    void prompter.notify({ level: 'info', message: vscode.l10n.t('There is no container to check from.') });
    return undefined;
  }
  const answer = await prompter.pick({
    id: 'source',
    title,
    step: 1,
    totalSteps: 3,
    canGoBack: false,
    placeholder: vscode.l10n.t('Source: the container that should reach the target'),
    items,
  });
  return answer === BACK ? undefined : answer;
}

function validateTarget(value: string): string | undefined {
  return parseTargetText(value)
    ? undefined
    : vscode.l10n.t(
        'Type a container name, an IP address, host:port, [IPv6]:port or a URL such as postgres://db:5432.',
      );
}

async function askTarget(
  prompter: Prompter,
  snapshot: TopologySnapshot,
  source: ContainerModel,
  title: string,
): Promise<ParsedTarget | undefined> {
  const typeIt: PickItem<ContainerModel | typeof TYPE_IT> = {
    label: vscode.l10n.t('Type a name, address or host:port...'),
    value: TYPE_IT,
  };
  const others = [...snapshot.containers.values()]
    .filter((c) => c.id !== source.id)
    .sort(byRunningThenName)
    .map(containerItem);
  const picked = await prompter.pick<ContainerModel | typeof TYPE_IT>({
    id: 'target',
    title,
    step: 2,
    totalSteps: 3,
    canGoBack: false,
    placeholder: vscode.l10n.t('Target: a container, or type a name or address'),
    items: [typeIt, ...others],
  });
  if (picked === undefined || picked === BACK) return undefined;
  if (picked !== TYPE_IT) return { host: picked.name };
  const text = await prompter.input({
    id: 'targetText',
    title,
    step: 2,
    totalSteps: 3,
    canGoBack: false,
    prompt: vscode.l10n.t(
      'Target as the source would name it: db, db:5432, 172.18.0.3, [fd00::3]:80, postgres://db:5432',
    ),
    validate: validateTarget,
  });
  return text === undefined || text === BACK ? undefined : parseTargetText(text);
}

/** "5432", "5432/tcp", "53/udp", or empty. */
export function parsePortText(text: string): { port?: number; protocol?: Protocol } | undefined {
  const m = /^\s*(?:(\d{1,5})(?:\/(tcp|udp))?)?\s*$/i.exec(text);
  if (!m) return undefined;
  if (!m[1]) return {};
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return undefined;
  return { port, protocol: (m[2]?.toLowerCase() as Protocol | undefined) ?? 'tcp' };
}

async function askPort(prompter: Prompter, title: string): Promise<{ port?: number; protocol?: Protocol } | undefined> {
  const text = await prompter.input({
    id: 'port',
    title,
    step: 3,
    totalSteps: 3,
    canGoBack: false,
    prompt: vscode.l10n.t('Port (optional): 5432, or 53/udp. Empty: check the path only (ping).'),
    validate: (v) =>
      parsePortText(v) ? undefined : vscode.l10n.t('A port from 1 to 65535, optionally followed by /tcp or /udp.'),
  });
  return text === undefined || text === BACK ? undefined : parsePortText(text);
}

/** The target spec for a typed host: the container it names (keeping the typed name when it is not the container name). */
function targetSpec(snapshot: TopologySnapshot, host: string): TargetSpec {
  const match = findTargetContainer(snapshot, host);
  if (!match) return { kind: 'host', host };
  return {
    kind: 'container',
    containerId: match.container.id,
    ...(match.container.name === host ? {} : { name: host }),
  };
}

export async function checkConnectivity(
  services: CommandServices,
  args: readonly unknown[],
): Promise<ConnectivityReport | undefined> {
  const prompter = prompterFrom(args);
  const given = connectivityArgs(args);
  const title = vscode.l10n.t('Check Connectivity');
  const engine = await services.engine();
  const snapshot = buildSnapshot(await engine.listing());
  const node = args[0];
  const fromNode = isContainerNode(node)
    ? node.container.id
    : isEndpointNode(node)
      ? node.endpoint.containerId
      : undefined;
  const source = given.source
    ? findContainer(snapshot, given.source)
    : fromNode
      ? snapshot.containers.get(fromNode)
      : await pickSource(prompter, snapshot, title);
  if (!source) {
    if (given.source || fromNode)
      void prompter.notify({
        level: 'error',
        message: vscode.l10n.t('The source container no longer exists on the engine. Refresh and pick another one.'),
      });
    return undefined;
  }
  const parsed =
    given.target !== undefined ? parseTargetText(given.target) : await askTarget(prompter, snapshot, source, title);
  if (!parsed) {
    if (given.target !== undefined)
      void prompter.notify({ level: 'error', message: validateTarget(given.target) ?? '' });
    return undefined;
  }
  let port = given.port ?? parsed.port;
  let protocol = given.protocol;
  if (port === undefined && given.target === undefined) {
    const answer = await askPort(prompter, title);
    if (!answer) return undefined;
    ({ port, protocol } = answer);
  }
  let target = targetSpec(snapshot, parsed.host);
  if (target.kind === 'host' && !ipFamily(parsed.host)) {
    const byAlias = await findContainerByAlias(engine, snapshot, source, parsed.host);
    if (byAlias) target = { kind: 'container', containerId: byAlias.id, name: parsed.host };
  }
  const request = { sourceId: source.id, target, port, protocol: protocol ?? 'tcp' };
  return ConnectivityReport.show(services, request, { sourceName: source.name, targetName: parsed.host }, prompter);
}

export const connectivityCommands: CommandEntry[] = [
  { id: 'dockerNetworks.checkConnectivity', run: (services, ...args) => checkConnectivity(services, args) },
];
