/**
 * Create Network inside the real extension host against the real engine: the wizard driven with scripted answers
 * (including Back and rejected values), and what the engine holds afterwards.
 */
import * as assert from 'node:assert/strict';
import { docker, removeResources, uniqueName } from '../support/docker';
import { BACK, ScriptedPrompter } from './scriptedPrompter';
import { explorer, freeSubnet24, inspectNetwork, networkExists, run, until } from './support';

describe('operations: Create Network wizard', () => {
  const networks: string[] = [];
  after(() => removeResources({ networks }));

  it('creates a bridge network with full IPAM, IPv6, flags, driver options and labels, going back once', async () => {
    const occupied = uniqueName('ops');
    const name = uniqueName('ops');
    networks.push(occupied, name);
    const taken = freeSubnet24();
    docker('network', 'create', '--subnet', taken.subnet, occupied);
    await until((s) => [...s.networks.values()].some((n) => n.name === occupied), `network ${occupied}`);
    const mine = freeSubnet24();
    const v6 = `fd00:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}::/64`;
    const v6gw = v6.replace('::/64', '::1');

    const prompter = new ScriptedPrompter([
      { id: 'name', reply: 'bad name' },
      { id: 'name', reply: occupied },
      { id: 'name', reply: `${name}-first` },
      { id: 'driver', reply: BACK },
      { id: 'name', reply: name },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipv4Subnet', reply: `${taken.prefix}.128/25` },
      { id: 'ipv4Subnet', reply: `${mine.prefix}.7/24` },
      { id: 'ipv4Subnet', reply: mine.subnet },
      { id: 'ipv4Gateway', reply: `10.254.254.1` },
      { id: 'ipv4Gateway', reply: `${mine.prefix}.1` },
      { id: 'ipv4Range', reply: `${mine.prefix}.128/25` },
      { id: 'ipv4Aux', reply: `router=${mine.prefix}.1` },
      { id: 'ipv4Aux', reply: `router=${mine.prefix}.2` },
      { id: 'ipv6Subnet', reply: v6 },
      { id: 'ipv6Gateway', reply: v6gw },
      { id: 'ipv6Range', reply: v6.replace('::/64', '::/80') },
      { id: 'ipv6Aux', reply: `dns=${v6.replace('::/64', '::53')}` },
      { id: 'flags', reply: ['Internal', 'Attachable'] },
      { id: 'driverOptions', reply: ['Inter-container communication (ICC)', 'MTU'] },
      { id: 'option:com.docker.network.bridge.enable_icc', reply: 'false' },
      { id: 'option:com.docker.network.driver.mtu', reply: '20' },
      { id: 'option:com.docker.network.driver.mtu', reply: '1400' },
      { id: 'labels', reply: 'com.example.team=net, env=test' },
    ]);
    const id = await run<string | undefined>('createNetwork', prompter);
    assert.deepEqual(prompter.unused, []);
    assert.ok(id, `no network created; notices: ${prompter.noticesText('error')}`);

    // What the user read while typing: each rejection says why, an overlap names the other network.
    const invalid = prompter.seen.invalid.map((i) => `${i.id}: ${i.message}`);
    assert.equal(invalid.length, 7, invalid.join('\n'));
    assert.match(invalid[0], /^name: .*not a valid network name/);
    assert.match(invalid[1], new RegExp(`^name: .*"${occupied}" already exists`));
    assert.match(
      invalid[2],
      new RegExp(`^ipv4Subnet: .*overlaps ${taken.subnet.replace(/\./g, '\\.')} of network "${occupied}"`),
    );
    assert.match(invalid[3], new RegExp(`^ipv4Subnet: .*host bits.*${mine.subnet.replace(/\./g, '\\.')}`));
    assert.match(invalid[4], /^ipv4Gateway: 10\.254\.254\.1 is not inside the subnet/);
    assert.match(invalid[5], /^ipv4Aux: .*already used as the gateway/);
    assert.match(
      invalid[6],
      /^option:com\.docker\.network\.driver\.mtu: "20" is not a whole number between 68 and 65535/,
    );
    // Back was offered from the second step on, not on the first.
    assert.equal(prompter.seen.questions[0].canGoBack, false);
    assert.equal(prompter.seen.questions.find((q) => q.id === 'driver')?.canGoBack, true);

    const net = inspectNetwork(name);
    assert.equal(net.Id, id);
    assert.equal(net.Driver, 'bridge');
    assert.equal(net.Internal, true);
    assert.equal(net.Attachable, true);
    assert.equal(net.EnableIPv6, true);
    const v4 = net.IPAM.Config?.find((c) => c.Subnet === mine.subnet);
    assert.deepEqual(v4, {
      Subnet: mine.subnet,
      Gateway: `${mine.prefix}.1`,
      IPRange: `${mine.prefix}.128/25`,
      AuxiliaryAddresses: { router: `${mine.prefix}.2` },
    });
    const v6cfg = net.IPAM.Config?.find((c) => c.Subnet === v6);
    assert.deepEqual(v6cfg, {
      Subnet: v6,
      Gateway: v6gw,
      IPRange: v6.replace('::/64', '::/80'),
      AuxiliaryAddresses: { dns: v6.replace('::/64', '::53') },
    });
    assert.equal(net.Options?.['com.docker.network.bridge.enable_icc'], 'false');
    assert.equal(net.Options?.['com.docker.network.driver.mtu'], '1400');
    assert.deepEqual(net.Labels, { 'com.example.team': 'net', env: 'test' });
    assert.equal(networkExists(`${name}-first`), false);

    // The new network reached the live model (and was revealed in the tree by the command).
    const api = await explorer();
    assert.ok(api.feed.snapshot.networks.has(id));
  });

  it('offers bridge, macvlan, ipvlan, overlay exactly when Swarm is active, and the installed network plugins', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: uniqueName('ops') },
      { id: 'driver', reply: BACK },
      { id: 'name', reply: BACK },
    ]);
    assert.equal(await run('createNetwork', prompter), undefined);
    const offered = prompter.seen.offered.get('driver') ?? [];
    const swarmActive = docker('info', '-f', '{{.Swarm.LocalNodeState}}') === 'active';
    const plugins = (JSON.parse(docker('info', '-f', '{{json .Plugins.Network}}')) as string[]).filter(
      (p) => !['bridge', 'host', 'null', 'overlay', 'macvlan', 'ipvlan'].includes(p),
    );
    assert.deepEqual(offered, [
      'bridge',
      ...(swarmActive ? ['overlay'] : []),
      'macvlan',
      'ipvlan',
      ...plugins,
      'Other driver...',
    ]);
  });

  it('creates an ipvlan network with its parent interface and mode', async () => {
    const name = uniqueName('ops');
    networks.push(name);
    const mine = freeSubnet24();
    const parent =
      docker('network', 'inspect', 'bridge', '-f', '{{index .Options "com.docker.network.bridge.name"}}') || 'docker0';
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: name },
      { id: 'driver', reply: 'ipvlan' },
      { id: 'ipv4Subnet', reply: mine.subnet },
      { id: 'ipv4Gateway', reply: '' },
      { id: 'ipv4Range', reply: '' },
      { id: 'ipv4Aux', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: ['Parent interface', 'ipvlan mode'] },
      { id: 'option:parent', reply: parent },
      { id: 'option:ipvlan_mode', reply: 'l2' },
      // Back from the last step returns to the last option asked, which is asked again.
      { id: 'labels', reply: BACK },
      { id: 'option:ipvlan_mode', reply: 'l3' },
      { id: 'labels', reply: '' },
    ]);
    const id = await run<string | undefined>('createNetwork', prompter);
    assert.ok(id, `no network created; notices: ${prompter.noticesText('error')}`);
    assert.deepEqual(prompter.unused, []);
    const net = inspectNetwork(name);
    assert.equal(net.Driver, 'ipvlan');
    assert.equal(net.Options?.parent, parent);
    assert.equal(net.Options?.ipvlan_mode, 'l3');
    assert.equal(net.IPAM.Config?.[0]?.Subnet, mine.subnet);
  });

  it('reports the engine refusing when the name was taken meanwhile, and creates nothing else', async () => {
    const name = uniqueName('ops');
    networks.push(name);
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: name },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: [] },
      // Back with no option chosen returns to the option list itself.
      { id: 'labels', reply: BACK },
      { id: 'driverOptions', reply: [] },
      // Someone else takes the name between the name step and the engine call.
      { id: 'labels', reply: 'owner=cli', before: () => void docker('network', 'create', name) },
    ]);
    const id = await run<string | undefined>('createNetwork', prompter);
    assert.equal(id, undefined);
    assert.deepEqual(prompter.unused, []);
    const error = prompter.noticesText('error');
    assert.match(error, new RegExp(`Creating network "${name}".*failed`));
    assert.match(error, /already exists/);
    // The engine still holds only the other network of that name, without our label.
    assert.deepEqual(inspectNetwork(name).Labels, {});
  });
});
