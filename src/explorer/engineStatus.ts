/**
 * Shows the engine's state: context keys for the welcome views and menus, the status bar item, and the views'
 * title descriptions and messages.
 *
 * VS Code hides a view's welcome content while its TreeView.message is set, so the Networks view keeps its
 * welcome (the reason's static sentence, Retry, the setting) with the endpoint in its title description, and the
 * Containers view carries the full dynamic sentence (with the endpoint tried) as its message.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../commands/commandIds';
import type { FeedState, TopologyFeed } from '../model/feed';

export const ENGINE_STATE_KEY = 'dockerNetworks.engineState';
export const ENGINE_PROBLEM_KEY = 'dockerNetworks.engineProblem';

export interface StatusViews {
  networks: vscode.TreeView<unknown>;
  containers: vscode.TreeView<unknown>;
}

export class EngineStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly feed: TopologyFeed & { readonly started: boolean },
    private readonly views: StatusViews,
  ) {
    this.item = vscode.window.createStatusBarItem('dockerNetworks.engine', vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('Docker Engine');
    this.subscription = feed.onDidChangeState((state) => this.show(state));
    this.show(feed.state);
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  /** A click on the item lists the engines (Docker contexts, DOCKER_HOST, the setting) to switch to. */
  private switchCommand(): vscode.Command {
    return { command: 'dockerNetworks.switchEngine' satisfies CommandId, title: vscode.l10n.t('Switch Docker Engine') };
  }

  private show(state: FeedState): void {
    void vscode.commands.executeCommand('setContext', ENGINE_STATE_KEY, state.kind);
    void vscode.commands.executeCommand(
      'setContext',
      ENGINE_PROBLEM_KEY,
      state.kind === 'unreachable' ? state.problem.kind : '',
    );
    const endpoint = state.endpoint || vscode.l10n.t('Docker engine');
    if (!this.feed.started) {
      this.item.text = `$(plug) ${vscode.l10n.t('Docker: not connected yet')}`;
      this.item.tooltip = vscode.l10n.t(
        'Not connected to the Docker engine yet: it connects when you open the Docker Networks view, the topology or a compose file with engine checks. Click to connect now.',
      );
      this.item.backgroundColor = undefined;
      this.item.command = { command: 'dockerNetworks.refresh', title: vscode.l10n.t('Connect') };
      return;
    }
    switch (state.kind) {
      case 'connecting':
        this.item.text = `$(sync~spin) ${endpoint}`;
        this.item.tooltip = vscode.l10n.t('Connecting to the Docker engine at {0}...', endpoint);
        this.item.backgroundColor = undefined;
        this.item.command = this.switchCommand();
        this.views.networks.description = undefined;
        this.views.containers.message = undefined;
        break;
      case 'connected':
        this.item.text = state.engineVersion ? `$(plug) ${endpoint} · ${state.engineVersion}` : `$(plug) ${endpoint}`;
        this.item.tooltip = state.engineVersion
          ? vscode.l10n.t(
              'Connected to Docker Engine {0} at {1}. Click to switch engines.',
              state.engineVersion,
              endpoint,
            )
          : vscode.l10n.t('Connected to the Docker engine at {0}. Click to switch engines.', endpoint);
        this.item.backgroundColor = undefined;
        this.item.command = this.switchCommand();
        this.views.networks.description = undefined;
        this.views.containers.message = undefined;
        break;
      case 'unreachable':
        this.item.text = `$(plug) ${endpoint}`;
        // Plain text: the problem quotes the engine's own message, never rendered as Markdown.
        this.item.tooltip = `${state.problem.message}\n\n${vscode.l10n.t('Click to retry.')}`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        this.item.command = {
          command: 'dockerNetworks.retryConnection' satisfies CommandId,
          title: vscode.l10n.t('Retry'),
        };
        this.views.networks.description = state.endpoint || undefined;
        this.views.containers.message = state.problem.message;
        break;
    }
  }
}
