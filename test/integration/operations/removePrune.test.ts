/** Remove (multi-select, disconnect first, partial failure, palette picker) and Prune against the real engine. */
import * as assert from 'node:assert/strict';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { CANCEL, ScriptedPrompter } from './scriptedPrompter';
import { containerEndpoint, endpointNode, networkExists, networkNode, run, until } from './support';

describe('operations: Remove and Prune', () => {
  const networks: string[] = [];
  const containers: string[] = [];
  after(() => removeResources({ containers, networks }));

  function net(): string {
    const n = uniqueName('ops');
    networks.push(n);
    docker('network', 'create', n);
    return n;
  }
  function box(network: string): string {
    const c = uniqueName('ops');
    containers.push(c);
    docker('run', '-d', '--name', c, '--network', network, testImage, 'sleep', '600');
    return c;
  }

  it('removes several selected networks, disconnecting the containers first when asked, and says what changed', async () => {
    const empty = net();
    const used = net();
    const c = box(used);
    await endpointNode(used, c);
    const a = await networkNode(empty);
    const b = await networkNode(used);
    const prompter = new ScriptedPrompter([{ id: 'confirm', reply: 'Disconnect and Remove' }]);
    await run('removeNetwork', prompter, a, [a, b]);

    const confirm = prompter.seen.confirms[0];
    assert.match(confirm.message, /Remove these 2 networks\?/);
    assert.ok(confirm.detail?.includes(empty) && confirm.detail.includes(used), confirm.detail);
    assert.ok(
      confirm.detail?.includes(`${c} (${used})`),
      `the container to disconnect is not named: ${confirm.detail}`,
    );
    assert.deepEqual(confirm.actions, ['Disconnect and Remove']);

    assert.equal(networkExists(empty), false);
    assert.equal(networkExists(used), false);
    assert.equal(docker('inspect', '-f', '{{.State.Running}}', c), 'true', 'the container itself must stay');
    const info = prompter.noticesText('info');
    assert.match(info, new RegExp(`Removed: .*${empty}`));
    assert.match(info, new RegExp(`Disconnected: ${c} from ${used}`));
    assert.equal(prompter.noticesText('error'), '');
  });

  it('changes nothing when the confirm is cancelled', async () => {
    const n = net();
    const prompter = new ScriptedPrompter([{ id: 'confirm', reply: CANCEL }]);
    await run('removeNetwork', prompter, await networkNode(n));
    assert.equal(networkExists(n), true);
  });

  it('reports exactly what was done when a removal fails midway (a container connected meanwhile)', async () => {
    const first = net();
    const second = net();
    const c = uniqueName('ops');
    containers.push(c);
    docker('run', '-d', '--name', c, testImage, 'sleep', '600');
    const a = await networkNode(first);
    const b = await networkNode(second);
    const prompter = new ScriptedPrompter([
      // While the dialog is open, a container joins the second network behind the extension's back.
      { id: 'confirm', reply: 'Remove', before: () => void docker('network', 'connect', second, c) },
    ]);
    await run('removeNetwork', prompter, a, [a, b]);
    assert.equal(networkExists(first), false);
    assert.equal(networkExists(second), true);
    assert.ok(containerEndpoint(c, second), 'the container must still be attached to the network that stayed');
    const error = prompter.noticesText('error');
    assert.match(error, new RegExp(`Removed: ${first}\\.`));
    assert.match(error, new RegExp(`Failed: Removing ${second}: .*active endpoints`));
  });

  it('still removes the network when its container disappears while the dialog is open', async () => {
    const n = net();
    const c = box(n);
    await endpointNode(n, c);
    const node = await networkNode(n);
    const prompter = new ScriptedPrompter([
      { id: 'confirm', reply: 'Disconnect and Remove', before: () => void docker('rm', '-f', c) },
    ]);
    await run('removeNetwork', prompter, node);
    assert.equal(networkExists(n), false);
    assert.equal(prompter.noticesText('error'), '');
  });

  it('from the palette, offers only user-defined networks', async () => {
    const n = net();
    await networkNode(n);
    const prompter = new ScriptedPrompter([
      { id: 'networks', reply: [n] },
      { id: 'confirm', reply: 'Remove' },
    ]);
    await run('removeNetwork', prompter);
    const offered = prompter.seen.offered.get('networks') ?? [];
    for (const builtIn of ['bridge', 'host', 'none'])
      assert.ok(!offered.includes(builtIn), `built-in ${builtIn} offered`);
    assert.equal(networkExists(n), false);
  });

  it('never removes a built-in network given from a tree node', async () => {
    const prompter = new ScriptedPrompter([]);
    await run('removeNetwork', prompter, await networkNode('bridge'));
    assert.equal(networkExists('bridge'), true);
    assert.match(prompter.noticesText('info'), /Built-in networks cannot be removed/);
  });

  it('prune lists the unused networks and not the used ones; Cancel removes nothing', async () => {
    const unused = net();
    const used = net();
    box(used);
    await until(
      (s) => [...s.endpoints.values()].some((e) => e.networkName === used && e.running),
      `a running endpoint on ${used}`,
    );
    await networkNode(unused);
    const prompter = new ScriptedPrompter([{ id: 'confirm', reply: CANCEL }]);
    assert.equal(await run('pruneNetworks', prompter), undefined);
    const confirm = prompter.seen.confirms[0];
    assert.match(confirm.message, /Prune \d+ unused networks\?/);
    const listed = (confirm.detail ?? '')
      .split('\n')
      .filter((l) => l.startsWith('• '))
      .map((l) => l.slice(2));
    assert.ok(listed.includes(unused), `unused network not listed: ${listed.join(', ')}`);
    assert.ok(!listed.includes(used), 'a network in use is listed');
    for (const builtIn of ['bridge', 'host', 'none'])
      assert.ok(!listed.includes(builtIn), `built-in ${builtIn} listed`);
    assert.equal(networkExists(unused), true);
  });

  it('prune removes what it listed and reports what the engine removed', async () => {
    const unused = net();
    const used = net();
    box(used);
    await until(
      (s) => [...s.endpoints.values()].some((e) => e.networkName === used && e.running),
      `a running endpoint on ${used}`,
    );
    await networkNode(unused);
    let listed = '';
    let foreign: string[] = [];
    const prompter = new ScriptedPrompter([
      {
        id: 'confirm',
        // Only ever prune our own networks: others' unused networks on a shared engine make this test fail, not vanish.
        reply: 'Prune',
        before: () => {
          listed = prompter.seen.confirms[0]?.detail ?? '';
          foreign = listed
            .split('\n')
            .filter((l) => l.startsWith('• '))
            .map((l) => l.slice(2))
            .filter((name) => !name.startsWith('dne-ops-'));
          if (foreign.length > 0)
            throw new Error(`refusing to prune networks this test did not create: ${foreign.join(', ')}`);
        },
      },
    ]);
    const removed = await run<string[] | undefined>('pruneNetworks', prompter);
    assert.deepEqual(foreign, [], 'other unused networks on this engine: this test will not prune them');
    assert.ok(listed.includes(unused), `unused network not listed: ${listed}`);
    assert.ok(!listed.includes(used), `network in use listed: ${listed}`);
    assert.ok(removed?.includes(unused), `engine answer: ${JSON.stringify(removed)}`);
    assert.equal(networkExists(unused), false);
    assert.equal(networkExists(used), true);
    assert.match(prompter.noticesText('info'), new RegExp(`Pruned \\d+ networks: .*${unused}`));
  });
});
