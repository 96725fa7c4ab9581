/**
 * The third-party IPAM suite's (thirdPartyIpam.test.ts) check of Remove Network, Disconnect and Prune with its IPAM
 * plugin frozen (SIGSTOP: the kernel still accepts connections on its socket, nobody answers). dockerd 20.10 waits
 * for such a plugin without a limit on `network rm`, `network disconnect` and `network prune` (and meanwhile hides the
 * network it is removing, and holds the container it is disconnecting), so each command asks the plugin first and
 * says which plugin does not answer and what to do, without sending the request: the engine still holds the network
 * and the endpoint. Once the plugin wakes (SIGCONT), Disconnect and Remove Network go through.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { ScriptedPrompter } from '../operations/scriptedPrompter';
import { endpointNode, networkNamed, networkNode, run, until } from '../operations/support';
import type { PluginEngine } from './pluginEngine';

export interface HungPluginCase {
  engine: PluginEngine;
  /** The running IPAM plugin, frozen and woken here. */
  ipam: ChildProcess;
  ipamName: string;
  ipamSocket: string;
  /** A network of that IPAM driver with `container` attached at `address`. */
  network: string;
  container: string;
  address: string;
  /** A name for a network of that IPAM driver, made here, with no container: what Remove and Prune would take. */
  spare: string;
}

interface RemoveOutcome {
  refused: string[];
  removed: string[];
}
interface DisconnectResult {
  disconnected: string[];
  failed: string[];
}

export async function removeDisconnectPruneWhileHung(c: HungPluginCase): Promise<void> {
  const { engine } = c;
  engine.docker('network', 'create', '--ipam-driver', c.ipamName, c.spare);
  const spareNode = await networkNode(c.spare);
  const endpoint = await endpointNode(c.network, c.container);
  const held = (): string => engine.docker('network', 'ls', '-q', '--filter', `name=^${c.spare}$`);
  const attachedAt = (): string =>
    engine.docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${c.network}").IPAddress}}`, c.container);
  const silent =
    `The legacy plugin ${c.ipamName} does not answer on ${c.ipamSocket} (no answer to Plugin.Activate within ` +
    '2000 ms): its process is not running or hangs. Start the driver again (its service or container).';
  const hangs = 'the engine waits for a legacy plugin without a limit, so it would hang.';

  c.ipam.kill('SIGSTOP');
  try {
    const remove = new ScriptedPrompter([{ id: 'confirm', reply: 'Remove' }]);
    const outcome = await run<RemoveOutcome>('removeNetwork', remove, spareNode);
    assert.deepEqual(remove.unused, []);
    assert.equal(
      remove.noticesText('error'),
      `Network "${c.spare}" was not removed: ${hangs} ${silent} Then remove it again.`,
    );
    assert.deepEqual([outcome.refused, outcome.removed], [[c.spare], []]);
    // A hung `network rm` would already hide the network from the engine's list.
    assert.notEqual(held(), '', `the engine no longer lists ${c.spare}`);

    const disconnect = new ScriptedPrompter([]);
    const result = await run<DisconnectResult>('disconnectContainer', disconnect, endpoint);
    assert.equal(
      disconnect.noticesText('error'),
      `Container "${c.container}" was not disconnected from "${c.network}": ${hangs} ${silent} Then disconnect it again.`,
    );
    assert.deepEqual(result, { disconnected: [], failed: [`${c.container} from ${c.network}`] });
    // A hung disconnect would hold the container: inspecting it would hang too.
    assert.equal(attachedAt(), c.address);

    // Prune goes to the engine only: make sure it is this suite's own engine before asking it to prune anything.
    assert.equal(engine.api.feed.state.endpoint, engine.socket);
    const prune = new ScriptedPrompter([{ id: 'confirm', reply: 'Prune' }]);
    assert.equal(await run('pruneNetworks', prune), undefined);
    assert.equal(
      prune.noticesText('error'),
      `Nothing was pruned: ${hangs.slice(0, -1)} on "${c.spare}". ${silent} Then prune again, or remove the other ` +
        'networks with Remove Network.',
    );
    assert.notEqual(held(), '', `the engine no longer lists ${c.spare}`);
  } finally {
    c.ipam.kill('SIGCONT');
  }

  const woken = new ScriptedPrompter([]);
  const disconnected = await run<DisconnectResult>('disconnectContainer', woken, endpoint);
  assert.deepEqual(disconnected, { disconnected: [`${c.container} from ${c.network}`], failed: [] });
  assert.equal(woken.noticesText('error'), '');
  const networks = engine.docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', c.container);
  assert.ok(!networks.includes(`"${c.network}"`), networks);

  await until((s) => !!networkNamed(s, c.spare), `${c.spare} in the model`);
  const removeAgain = new ScriptedPrompter([{ id: 'confirm', reply: 'Remove' }]);
  const removed = await run<RemoveOutcome>('removeNetwork', removeAgain, await networkNode(c.spare));
  assert.deepEqual([removed.refused, removed.removed], [[], [c.spare]], removeAgain.noticesText('error'));
  assert.equal(held(), '');
}
