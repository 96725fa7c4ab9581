/**
 * Smoke test of the integration harness: the extension is loaded into the real extension host and activates,
 * its view contributions reached the workbench, and the host can drive the real engine.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { docker, removeResources, testImage, uniqueName } from './support/docker';

const extensionId = 'docker-network-explorer.docker-network-explorer';

describe('integration harness smoke', () => {
  it('loads and activates the extension in the extension host', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is not loaded in this extension host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers the Docker Networks views with the workbench', async () => {
    const commands = await vscode.commands.getCommands(true);
    // VS Code creates these focus/open commands only for view containers and views it registered.
    for (const id of [
      'workbench.view.extension.dockerNetworks',
      'dockerNetworks.networks.focus',
      'dockerNetworks.containers.focus',
    ]) {
      assert.ok(commands.includes(id), `command ${id} missing: the view contribution did not reach the workbench`);
    }
    await vscode.commands.executeCommand('dockerNetworks.networks.focus');
  });

  describe('with a real engine', () => {
    const network = uniqueName('infra');
    const container = uniqueName('infra');
    // A random /24 in 10.231.0.0/16 keeps parallel runs from asking for the same subnet.
    const octet = 1 + Math.floor(Math.random() * 250);
    after(() => removeResources({ containers: [container], networks: [network] }));

    it('creates a network and a container on it that the engine reports with an IP', () => {
      docker('network', 'create', '--subnet', `10.231.${octet}.0/24`, network);
      docker(
        'run',
        '-d',
        '--name',
        container,
        '--network',
        network,
        '--ip',
        `10.231.${octet}.9`,
        testImage,
        'sleep',
        '600',
      );
      const ip = docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`, container);
      assert.equal(ip, `10.231.${octet}.9`);
    });
  });
});
