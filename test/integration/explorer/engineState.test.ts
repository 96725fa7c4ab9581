/**
 * The engine's state as the extension shows it: pointing the machine setting dockerNetworks.host at an endpoint
 * where nothing answers re-creates the engine client, the feed turns unreachable with a sentence naming that
 * endpoint, and the trees empty (so the welcome view shows); resetting the setting brings everything back.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { eventually, explorerApi, waitConnected } from './explorerApi';

describe('explorer: engine state when the endpoint setting changes', function () {
  this.timeout(60_000);
  let api: ExplorerApi;
  const missing = `unix:///tmp/dne-explorer-missing-${process.pid}.sock`;

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
    await waitConnected(api);
  });

  it('turns unreachable at an endpoint where nothing answers, naming it, and recovers when the setting is reset', async () => {
    assert.ok(api.networksProvider.getChildren().length > 0, 'networks shown while connected');
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', missing, vscode.ConfigurationTarget.Global);
    const state = await eventually(
      () => (api.feed.state.kind === 'unreachable' ? api.feed.state : undefined),
      'the unreachable state',
      20_000,
    );
    assert.equal(state.problem.kind, 'unreachable');
    assert.equal(state.endpoint, missing);
    assert.ok(state.problem.message.includes(missing), state.problem.message);
    assert.deepEqual(api.networksProvider.getChildren(), [], 'the Networks view is empty so its welcome view shows');
    assert.deepEqual(api.containersProvider.getChildren(), []);
    assert.equal(api.containersView.message, state.problem.message, 'the Containers view says why');
    assert.equal(api.networksView.description, missing, 'the Networks view names the endpoint');

    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
    await waitConnected(api);
    await eventually(() => (api.networksProvider.getChildren().length > 0 ? true : undefined), 'networks shown again');
    assert.equal(api.containersView.message, undefined);
  });
});
