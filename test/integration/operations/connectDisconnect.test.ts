/** Connect Container..., Connect to Network... and Disconnect against the real engine, with their races. */
import * as assert from 'node:assert/strict';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { CANCEL, ScriptedPrompter } from './scriptedPrompter';
import {
  containerEndpoint,
  containerNode,
  endpointNode,
  endpointOf,
  freeSubnet24,
  inspectNetwork,
  networkNode,
  run,
  until,
} from './support';

describe('operations: connect and disconnect', () => {
  const networks: string[] = [];
  const containers: string[] = [];
  after(() => removeResources({ containers, networks }));

  function net(subnet?: string): string {
    const n = uniqueName('ops');
    networks.push(n);
    docker('network', 'create', ...(subnet ? ['--subnet', subnet] : []), n);
    return n;
  }
  function box(network: string, ip?: string): string {
    const c = uniqueName('ops');
    containers.push(c);
    docker('run', '-d', '--name', c, '--network', network, ...(ip ? ['--ip', ip] : []), testImage, 'sleep', '600');
    return c;
  }

  it('connects a picked container with aliases and a static IPv4, rejecting an address in use or outside first', async () => {
    const { subnet, prefix } = freeSubnet24();
    const target = net(subnet);
    const other = net();
    const resident = box(target, `${prefix}.10`);
    const guest = box(other);
    await endpointNode(target, resident);
    await endpointNode(other, guest);
    const prompter = new ScriptedPrompter([
      { id: 'container', reply: guest },
      { id: 'aliases', reply: 'db, primary' },
      { id: 'ipv4', reply: `${prefix}.10` },
      { id: 'ipv4', reply: '10.255.255.20' },
      { id: 'ipv4', reply: `${prefix}.20` },
    ]);
    assert.equal(await run('connectContainer', prompter, await networkNode(target)), true);
    assert.deepEqual(prompter.unused, []);

    const offered = prompter.seen.offered.get('container') ?? [];
    assert.ok(offered.includes(guest), 'the unattached container is offered');
    assert.ok(!offered.includes(resident), 'a container already attached is not offered');
    assert.match(
      prompter.seen.invalid[0].message,
      new RegExp(`${prefix}\\.10 is already used by container "${resident}"`),
    );
    assert.match(
      prompter.seen.invalid[1].message,
      new RegExp(`10\\.255\\.255\\.20 is not inside the subnet ${subnet}`),
    );

    const ep = containerEndpoint(guest, target);
    assert.ok(ep, 'the engine has no endpoint for the container on the network');
    assert.equal(ep.IPAddress, `${prefix}.20`);
    assert.ok(ep.Aliases?.includes('db') && ep.Aliases.includes('primary'), `aliases: ${JSON.stringify(ep.Aliases)}`);
  });

  it('reports the engine refusing an address taken meanwhile, and leaves the container unattached', async () => {
    const { subnet, prefix } = freeSubnet24();
    const target = net(subnet);
    const other = net();
    const guest = box(other);
    const racer = box(other);
    await endpointNode(other, guest);
    const prompter = new ScriptedPrompter([
      { id: 'container', reply: guest },
      { id: 'aliases', reply: '' },
      // The address is free when asked, then another container takes it before the engine call.
      {
        id: 'ipv4',
        reply: `${prefix}.30`,
        before: () => void docker('network', 'connect', '--ip', `${prefix}.30`, target, racer),
      },
    ]);
    assert.equal(await run('connectContainer', prompter, await networkNode(target)), false);
    const error = prompter.noticesText('error');
    assert.match(error, new RegExp(`Connecting container "${guest}" to network "${target}"`));
    assert.match(error, /failed: Address already in use\. The views are refreshed/);
    // The engine holds no endpoint of the container on the network (engine 20.10 may keep an address-less entry in
    // the container's settings after this failure; it has no endpoint and no address).
    assert.ok(
      !JSON.stringify(inspectNetwork(target).Containers ?? {}).includes(guest),
      'the engine attached the container',
    );
    assert.equal(containerEndpoint(guest, target)?.IPAddress ?? '', '');
  });

  it('reports a container removed while the user was answering', async () => {
    const target = net();
    const other = net();
    const guest = box(other);
    await endpointNode(other, guest);
    const prompter = new ScriptedPrompter([
      { id: 'container', reply: guest },
      { id: 'aliases', reply: '' },
      { id: 'ipv4', reply: '', before: () => void docker('rm', '-f', guest) },
    ]);
    assert.equal(await run('connectContainer', prompter, await networkNode(target)), false);
    assert.match(prompter.noticesText('error'), /No such container/i);
    // The views resync: the model drops the removed container.
    await until((s) => ![...s.containers.values()].some((c) => c.name === guest), `${guest} gone from the model`);
  });

  it('connects a container to a picked network from the Containers view', async () => {
    const home = net();
    const target = net();
    const c = box(home);
    await networkNode(target);
    const prompter = new ScriptedPrompter([
      { id: 'network', reply: target },
      { id: 'aliases', reply: 'web' },
      { id: 'ipv4', reply: '' },
    ]);
    assert.equal(await run('connectToNetwork', prompter, await containerNode(c)), true);
    const offered = prompter.seen.offered.get('network') ?? [];
    assert.ok(!offered.includes(home), 'a network the container is on is not offered');
    assert.ok(!offered.includes('host') && !offered.includes('none'), 'host/none offered');
    assert.ok(containerEndpoint(c, target)?.Aliases?.includes('web'));
  });

  it('connects to the default bridge without asking for aliases or addresses, which the engine refuses there', async () => {
    const home = net();
    const c = box(home);
    await endpointNode(home, c);
    const prompter = new ScriptedPrompter([{ id: 'network', reply: 'bridge' }]);
    assert.equal(await run('connectToNetwork', prompter, await containerNode(c)), true);
    assert.deepEqual(prompter.unused, []);
    assert.ok(containerEndpoint(c, 'bridge')?.IPAddress, 'the engine gave the container no address on bridge');
  });

  it('disconnects several selected endpoints at once', async () => {
    const n = net();
    const a = box(n);
    const b = box(n);
    const ea = await endpointNode(n, a);
    const eb = await endpointNode(n, b);
    const prompter = new ScriptedPrompter([]);
    await run('disconnectContainer', prompter, ea, [ea, eb]);
    assert.equal(containerEndpoint(a, n), undefined);
    assert.equal(containerEndpoint(b, n), undefined);
    assert.match(prompter.noticesText('info'), new RegExp(`Disconnected .*${a} from ${n}.*${b} from ${n}`));
    await until((s) => !endpointOf(s, n, a) && !endpointOf(s, n, b), 'both endpoints gone from the model');
  });

  it('offers Force when the engine refuses, and reports the engine reason when declined', async () => {
    const n = net();
    const c = box(n);
    const node = await endpointNode(n, c);
    docker('rm', '-f', c);
    const prompter = new ScriptedPrompter([{ id: 'notify', reply: CANCEL }]);
    const result = await run<{ disconnected: string[]; failed: string[] }>('disconnectContainer', prompter, node);
    assert.deepEqual(result.disconnected, []);
    assert.deepEqual(result.failed, [`${c} from ${n}`]);
    const notice = prompter.seen.notices.find((x) => x.level === 'error');
    assert.deepEqual(notice?.actions, ['Force Disconnect']);
    assert.match(notice?.message ?? '', /No such container/i);
  });

  it('leaves a host-mode container alone and says why, instead of asking the engine', async () => {
    const c = uniqueName('ops');
    containers.push(c);
    docker('run', '-d', '--name', c, '--network', 'host', testImage, 'sleep', '600');
    const node = await endpointNode('host', c);
    const prompter = new ScriptedPrompter([]);
    const result = await run<{ disconnected: string[]; failed: string[] }>('disconnectContainer', prompter, node);
    assert.deepEqual(result, { disconnected: [], failed: [] });
    assert.match(prompter.noticesText('info'), new RegExp(`Left as they are: ${c} \\(host\\)`));
    assert.equal(docker('inspect', '-f', '{{.HostConfig.NetworkMode}}', c), 'host');
  });

  it('from the palette, picks the endpoints to disconnect', async () => {
    const n = net();
    const c = box(n);
    await endpointNode(n, c);
    const prompter = new ScriptedPrompter([{ id: 'endpoints', reply: [`${c} ↔ ${n}`] }]);
    await run('disconnectContainer', prompter);
    assert.equal(containerEndpoint(c, n), undefined);
  });
});
