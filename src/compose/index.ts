/**
 * Compose network linting in the editor: one call from the composition root. Registration is cheap (listeners
 * and providers only); the worker starts and files are parsed when the first compose document shows up.
 */
import * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import type { TopologySnapshot } from '../model/topology';
import type { FeedState, TopologyFeed } from '../model/feed';
import type { EngineView } from './rules/types';
import { engineViewOf } from './engineView';
import { COMPOSE_SELECTOR, isComposeDocument } from './providers/composeDocuments';
import { ComposeCodeActions } from './providers/codeActions';
import { ComposeDiagnostics } from './providers/diagnostics';
import { LintClient } from './providers/lintClient';
import { NetworkNameFeatures } from './providers/networkNames';

/** What engine-aware rules and hovers need: the model, never the engine itself. */
export interface ComposeEngineAccess {
  /** The current snapshot when the engine answers; undefined otherwise (engine-aware checks stay quiet). */
  getSnapshot(): TopologySnapshot | undefined;
  onDidChange(listener: () => void): vscode.Disposable;
}

/**
 * Adapts the session's topology feed: a snapshot only while connected. Asking for it is what an engine-aware check
 * does, so it starts the feed (once); the snapshot's arrival then re-lints through onDidChange.
 */
export function composeEngineAccessFrom(
  feed: Pick<TopologyFeed, 'snapshot' | 'state' | 'onDidChange' | 'onDidChangeState'>,
  start: () => void,
): ComposeEngineAccess {
  const connected = (s: FeedState) => s.kind === 'connected';
  return {
    getSnapshot: () => {
      start();
      return connected(feed.state) ? feed.snapshot : undefined;
    },
    onDidChange(listener) {
      const a = feed.onDidChange(() => listener());
      const b = feed.onDidChangeState(() => listener());
      return new vscode.Disposable(() => {
        a.dispose();
        b.dispose();
      });
    },
  };
}

export function registerComposeLint(
  context: vscode.ExtensionContext,
  engine: ComposeEngineAccess,
  logger: Logger,
): void {
  const log = (message: string) => logger.warn(message);
  // Snapshot -> view is cached per snapshot object: the rules see a plain, clone-friendly structure.
  let lastSnapshot: TopologySnapshot | undefined;
  let lastView: EngineView | undefined;
  const engineView = (): EngineView | undefined => {
    const s = engine.getSnapshot();
    if (s !== lastSnapshot) {
      lastSnapshot = s;
      lastView = s && engineViewOf(s);
    }
    return lastView;
  };

  const client = new LintClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lintWorker.js').fsPath, log);
  const diagnostics = new ComposeDiagnostics(
    client,
    vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'),
    engineView,
    log,
  );
  const features = new NetworkNameFeatures(diagnostics, engineView);
  let engineTimer: NodeJS.Timeout | undefined;

  context.subscriptions.push(
    client,
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.schedule(d, true)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) diagnostics.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (isComposeDocument(d) || /\.env$/.test(d.fileName)) diagnostics.relintDependents(d.fileName);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.forget(d)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dockerNetworks.compose')) diagnostics.relintAll();
    }),
    engine.onDidChange(() => {
      // Engine events come in bursts (compose up): re-lint once they settle.
      clearTimeout(engineTimer);
      engineTimer = setTimeout(() => diagnostics.relintAll(), 500);
    }),
    new vscode.Disposable(() => clearTimeout(engineTimer)),
    vscode.languages.registerCodeActionsProvider(COMPOSE_SELECTOR, new ComposeCodeActions(diagnostics), {
      providedCodeActionKinds: ComposeCodeActions.kinds,
    }),
    vscode.languages.registerCompletionItemProvider(COMPOSE_SELECTOR, features),
    vscode.languages.registerDefinitionProvider(COMPOSE_SELECTOR, features),
    vscode.languages.registerReferenceProvider(COMPOSE_SELECTOR, features),
    vscode.languages.registerRenameProvider(COMPOSE_SELECTOR, features),
    vscode.languages.registerHoverProvider(COMPOSE_SELECTOR, features),
  );
  // Documents already open when the extension activates.
  for (const d of vscode.workspace.textDocuments) diagnostics.schedule(d, true);
}
