/**
 * The Linux constructs behind a network against the real engine: the bridge row of a network's Details and the
 * host veth line of an endpoint's tooltip say what `ip link` says on this host (name, MTU, MAC, state, master).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { unescapeMarkdown } from './markdownText';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { eventually, explorerApi, randomSubnet, waitConnected, waitForSnapshot } from '../explorer/explorerApi';

interface IpLink {
  ifindex: number;
  ifname: string;
  mtu: number;
  address: string;
  operstate: string;
  master?: string;
}

function ipLink(name: string): IpLink {
  const [link] = JSON.parse(execFileSync('ip', ['-j', 'link', 'show', 'dev', name], { encoding: 'utf8' })) as IpLink[];
  assert.ok(link, `ip link knows ${name}`);
  return link;
}

function ipLinkByIndex(ifindex: number): IpLink {
  const links = JSON.parse(execFileSync('ip', ['-j', 'link', 'show'], { encoding: 'utf8' })) as IpLink[];
  const link = links.find((l) => l.ifindex === ifindex);
  assert.ok(link, `ip link has ifindex ${ifindex}`);
  return link;
}

describe('troubleshoot: host interfaces behind networks', function () {
  this.timeout(60_000);
  let api: ExplorerApi;
  const net = uniqueName('hostnet');
  const container = uniqueName('hostnet');
  let netId = '';
  let containerId = '';

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    netId = docker('network', 'create', '--subnet', randomSubnet(238).subnet, net);
    containerId = docker('run', '-d', '--name', container, '--network', net, testImage, 'sleep', '100000');
    await waitForSnapshot(
      api,
      (s) => s.endpoints.has(`${netId}/${containerId}`) && s.containers.get(containerId)?.running === true,
    );
  });

  after(() => removeResources({ containers: [container], networks: [net] }));

  function networkNode() {
    const node = api.networksProvider.getChildren().find((n) => n.kind === 'network' && n.network.id === netId);
    assert.ok(node, 'the network is in the view');
    return node;
  }

  it("shows the network's Linux bridge in Details as ip link does", async () => {
    const details = api.networksProvider.getChildren(networkNode()).find((n) => n.kind === 'details');
    assert.ok(details);
    const bridge = ipLink(`br-${netId.slice(0, 12)}`);
    const row = await eventually(() => {
      const rows = api.networksProvider.getChildren(details).map((n) => api.networksProvider.getTreeItem(n));
      return rows.find((r) => r.label === 'Linux bridge');
    }, 'the Linux bridge row');
    assert.equal(
      row.description,
      `${bridge.ifname} · MTU ${bridge.mtu} · ${bridge.operstate.toLowerCase()} · ${bridge.address}`,
    );
  });

  it("shows the endpoint's host veth in its tooltip: the interface whose ifindex is the container eth0's iflink", async () => {
    const iflink = Number(docker('exec', container, 'cat', '/sys/class/net/eth0/iflink'));
    const veth = ipLinkByIndex(iflink);
    const endpoint = api.networksProvider
      .getChildren(networkNode())
      .find((n) => n.kind === 'endpoint' && n.endpoint.containerId === containerId);
    assert.ok(endpoint);
    const item = await api.networksProvider.resolveTreeItem(api.networksProvider.getTreeItem(endpoint), endpoint);
    const text = unescapeMarkdown((item.tooltip as vscode.MarkdownString).value);
    const line = text.split('\n').find((l) => l.startsWith('**Host veth:**'));
    assert.ok(line, text);
    assert.equal(
      line.trim(),
      `**Host veth:** ${veth.ifname} (ifindex ${veth.ifindex}) · MTU ${veth.mtu} · ${veth.operstate.toLowerCase()} · ${veth.address} · on ${veth.master}`,
    );
    assert.equal(veth.master, `br-${netId.slice(0, 12)}`);
  });

  it("warns in Details exactly when the container MTU is above the default-route interface's", async () => {
    const route = execFileSync('ip', ['-j', 'route', 'show', 'default'], { encoding: 'utf8' });
    const [defaultRoute] = JSON.parse(route) as Array<{ dev: string }>;
    assert.ok(defaultRoute, 'this host has a default route');
    const uplink = ipLink(defaultRoute.dev);
    const containerMtu = Number(docker('exec', container, 'cat', '/sys/class/net/eth0/mtu'));
    const details = api.networksProvider.getChildren(networkNode()).find((n) => n.kind === 'details');
    assert.ok(details);
    const rows = await eventually(() => {
      const items = api.networksProvider.getChildren(details).map((n) => api.networksProvider.getTreeItem(n));
      return items.some((r) => r.label === 'Linux bridge') ? items : undefined;
    }, 'the host rows');
    const warnings = rows.filter((r) => r.label === 'Warning').map((r) => String(r.description));
    const mtuWarning = warnings.find((w) => w.startsWith('container MTU'));
    if (containerMtu > uplink.mtu) {
      assert.ok(
        mtuWarning?.includes(`MTU ${containerMtu} is larger than the MTU ${uplink.mtu} of ${uplink.ifname}`),
        warnings.join('\n'),
      );
    } else {
      assert.equal(mtuWarning, undefined);
    }
  });
});
