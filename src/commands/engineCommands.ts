/**
 * Switch Engine: pick a Docker context, DOCKER_HOST, the host setting or a typed address. The choice is written to
 * the machine-scoped settings dockerNetworks.context / dockerNetworks.host (so it is remembered per machine and a
 * workspace cannot redirect it); the composition root reconnects on that change, and the views, the topology panel
 * and the engine-aware lint follow the session without a window reload.
 */
import * as vscode from 'vscode';
import type { EngineChoice, EngineSelection } from '../engine/engineChoices';
import type { FeedState } from '../model/feed';
import { prompterFrom, reportFailure, tell } from './operationSupport';
import type { PickItem, Prompter } from './prompter';
import type { CommandEntry, CommandServices } from './services';

/** What the settings can say: a context, an address, or neither (follow DOCKER_HOST and the CLI's context). */
type Selection = EngineSelection | { kind: 'environment' };
type Choice = Selection | { kind: 'typed' };

const SETTLE_TIMEOUT_MS = 20_000;

async function switchEngine(services: CommandServices, args: readonly unknown[]): Promise<void> {
  const prompter = prompterFrom(args);
  const [{ listEngineChoices }, { nodeEndpointFs }, os] = await Promise.all([
    import('../engine/engineChoices'),
    import('../engine/processEndpoint'),
    import('node:os'),
  ]);
  const config = vscode.workspace.getConfiguration('dockerNetworks');
  const choices = listEngineChoices({
    setting: config.get<string>('host', ''),
    contextSetting: config.get<string>('context', ''),
    env: process.env,
    platform: process.platform,
    homeDir: os.homedir(),
    fs: nodeEndpointFs,
  });
  const picked = await prompter.pick<Choice>({
    id: 'engine',
    title: vscode.l10n.t('Switch Docker Engine'),
    step: 1,
    totalSteps: 1,
    canGoBack: false,
    placeholder: vscode.l10n.t('Pick the engine the views, the topology and the compose checks use'),
    items: pickItems(choices),
  });
  if (!picked || typeof picked === 'symbol') return;
  const selection: Selection | undefined = picked.kind === 'typed' ? await typedAddress(prompter) : picked;
  if (!selection) return;

  const alreadyActive = isActive(selection, choices, config);
  const settled = nextSettledState(services);
  try {
    await writeSelection(config, selection);
    // Nothing reconnects by itself when the settings did not change (the user asked for this engine again) or when
    // no session is open yet (it opens on first need): open it now.
    if (alreadyActive || !sessionStarted(services)) void services.reconnect();
  } catch (error) {
    settled.cancel();
    await reportFailure(prompter, services, vscode.l10n.t('Switching the Docker engine'), error);
    return;
  }
  const state = await prompter.withProgress(vscode.l10n.t('Connecting to the Docker engine...'), () => settled.state);
  if (state?.kind === 'connected') {
    tell(prompter, vscode.l10n.t('Docker Networks now shows the engine at {0}.', state.endpoint));
  } else if (state?.kind === 'unreachable') {
    void prompter.notify({ level: 'error', message: state.problem.message });
  }
}

/** SessionFeed says whether anything opened the engine yet; a feed without that notion is always open. */
function sessionStarted(services: CommandServices): boolean {
  return (services.feed as Partial<{ readonly started: boolean }>).started !== false;
}

function pickItems(choices: readonly EngineChoice[]): PickItem<Choice>[] {
  const items: PickItem<Choice>[] = choices.map((c) => ({
    label: c.active ? `$(check) ${c.label}` : c.label,
    description: [
      c.address,
      c.selection.kind === 'context' ? vscode.l10n.t('context') : vscode.l10n.t('address'),
      c.cliCurrent ? vscode.l10n.t('current in the Docker CLI') : '',
    ]
      .filter(Boolean)
      .join(' · '),
    ...(c.description ? { detail: c.description } : {}),
    value: c.selection,
  }));
  items.push(
    {
      label: vscode.l10n.t('Follow the environment'),
      description: vscode.l10n.t("DOCKER_HOST, else the Docker CLI's current context"),
      value: { kind: 'environment' },
    },
    {
      label: vscode.l10n.t('Enter an address...'),
      description: 'unix://, tcp://, ssh://, npipe://',
      value: { kind: 'typed' },
    },
  );
  return items;
}

async function typedAddress(prompter: Prompter): Promise<EngineSelection | undefined> {
  const { parseHost } = await import('../engine/endpoint');
  const answer = await prompter.input({
    id: 'address',
    title: vscode.l10n.t('Switch Docker Engine'),
    step: 1,
    totalSteps: 1,
    canGoBack: false,
    prompt: vscode.l10n.t('The engine address, as DOCKER_HOST takes it'),
    placeholder: 'ssh://user@host, tcp://host:2376, unix:///var/run/docker.sock',
    validate(value) {
      if (!value.trim()) return vscode.l10n.t('Enter an address.');
      try {
        parseHost(value.trim(), 'setting', { tls: () => undefined });
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return typeof answer === 'string' ? { kind: 'host', host: answer.trim() } : undefined;
}

function isActive(
  selection: Selection,
  choices: readonly EngineChoice[],
  config: vscode.WorkspaceConfiguration,
): boolean {
  if (selection.kind === 'context' || selection.kind === 'host') {
    return choices.some((c) => c.active && JSON.stringify(c.selection) === JSON.stringify(selection));
  }
  return !config.get<string>('host') && !config.get<string>('context');
}

/** Both settings in the user (machine) scope: the one chosen set, the other cleared. */
async function writeSelection(config: vscode.WorkspaceConfiguration, selection: Selection): Promise<void> {
  const target = vscode.ConfigurationTarget.Global;
  await config.update('host', selection.kind === 'host' ? selection.host : undefined, target);
  await config.update('context', selection.kind === 'context' ? selection.name : undefined, target);
}

/** The first connected or unreachable state after a connecting one (the reconnect the settings change starts). */
function nextSettledState(services: CommandServices): { state: Promise<FeedState | undefined>; cancel(): void } {
  let finish: (state: FeedState | undefined) => void = () => undefined;
  let sawConnecting = false;
  const state = new Promise<FeedState | undefined>((resolve) => {
    const timer = setTimeout(() => finish(undefined), SETTLE_TIMEOUT_MS);
    const subscription = services.feed.onDidChangeState((s) => {
      if (s.kind === 'connecting') sawConnecting = true;
      else if (sawConnecting) finish(s);
    });
    finish = (s) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(s);
    };
  });
  return { state, cancel: () => finish(undefined) };
}

export const engineCommands: CommandEntry[] = [
  { id: 'dockerNetworks.switchEngine', run: (services, ...args) => switchEngine(services, args) },
];
