import * as assert from 'node:assert/strict';
import {
  endpointDescription,
  endpointTooltip,
  networkDescription,
  networkDetailRows,
  networkTooltip,
} from '../../../src/explorer/present/networkText';
import { untranslated as t } from '../../../src/explorer/present/text';
import type { NetworkModel } from '../../../src/model/topology';
import { networkNamed, recordedSnapshot } from './fixtureSnapshot';

describe('explorer: what the Networks view says', () => {
  const snapshot = recordedSnapshot();

  it('describes a network by driver and scope with short badges', () => {
    assert.equal(networkDescription(networkNamed(snapshot, 'bridge'), t), 'bridge · local');
    assert.equal(networkDescription(networkNamed(snapshot, 'dne-model-internal'), t), 'bridge · local · internal');
    assert.match(networkDescription(networkNamed(snapshot, 'dne-model-v6'), t), /^bridge · local · .*IPv6/);
    assert.match(networkDescription(networkNamed(snapshot, 'dne-model-overlay'), t), /^overlay · swarm · attachable/);
    assert.match(networkDescription(networkNamed(snapshot, 'ingress'), t), /ingress/);
  });

  it('lists subnets, gateways, options, labels, flags and created under details', () => {
    const v6 = networkNamed(snapshot, 'dne-model-v6');
    const rows = networkDetailRows(v6, t);
    const byField = (f: string) => rows.filter((r) => r.field === f).map((r) => r.value);
    assert.deepEqual(byField('id'), [v6.id]);
    assert.ok(
      byField('subnet').some((s) => s.includes(':')),
      'an IPv6 subnet',
    );
    assert.ok(byField('subnet').length >= 2, 'IPv4 and IPv6 subnets');
    assert.deepEqual(
      rows.filter((r) => r.field === 'label').map((r) => `${r.name}=${r.value}`),
      ['team=net'],
    );
    assert.match(byField('flags')[0], /IPv6/);
    assert.deepEqual(byField('created'), [v6.created]);
  });

  it("lists an IPAM plugin's options after the IPAM driver, apart from the network driver's options", () => {
    const base = networkNamed(snapshot, 'host');
    const plugged: NetworkModel = {
      ...base,
      ipamDriver: 'dnefixipam',
      ipamOptions: { 'dnefix.prefix-length': '26' },
      options: { mtu: '1400' },
    };
    const rows = networkDetailRows(plugged, t).filter((r) => /ipam|option/i.test(r.field));
    assert.deepEqual(
      rows.map((r) => `${r.field} ${r.name}: ${r.value}`),
      ['ipamDriver IPAM driver: dnefixipam', 'ipamOption IPAM option dnefix.prefix-length: 26', 'option mtu: 1400'],
    );
  });

  it('shows "none" as the flags of a plain network', () => {
    const rows = networkDetailRows(networkNamed(snapshot, 'host'), t);
    assert.deepEqual(
      rows.filter((r) => r.field === 'flags').map((r) => r.value),
      ['none'],
    );
  });

  it('shows an endpoint by its addresses, and says when its container is stopped', () => {
    const withV6 = [...snapshot.endpoints.values()].find((e) => e.ipv4 && e.ipv6);
    assert.ok(withV6, 'fixture has a dual-stack endpoint');
    assert.equal(endpointDescription(withV6, t), `${withV6.ipv4} · ${withV6.ipv6}`);
    const stopped = [...snapshot.endpoints.values()].find((e) => e.containerName === 'dne-model-stopped');
    assert.ok(stopped);
    assert.match(endpointDescription(stopped, t), /stopped$/);
  });

  it('puts MAC, aliases and gateway in the endpoint tooltip', () => {
    const recorded = [...snapshot.endpoints.values()].find((e) => e.mac && e.gateway);
    assert.ok(recorded, 'fixture has an endpoint with a MAC and a gateway');
    // The list form of the engine's containers carries no aliases: add some as an inspect would show them.
    const endpoint = { ...recorded, aliases: ['db', 'primary'] };
    const tooltip = endpointTooltip(endpoint, t);
    assert.ok(tooltip.includes(endpoint.mac!.replace(/:/g, '\\:')), 'MAC');
    assert.ok(tooltip.includes('**Aliases:** db\\, primary'));
    assert.ok(tooltip.includes(`**Gateway:** ${endpoint.gateway!.replace(/\./g, '\\.')}`));
  });

  it('escapes hostile network names, labels and options in tooltips', () => {
    const hostile: NetworkModel = {
      ...networkNamed(snapshot, 'dne-model-v6'),
      name: '<img src=x onerror=alert(1)>',
      composeProject: '**bold**[link](command:workbench.action.quit)',
    };
    const tooltip = networkTooltip(hostile, 0, t);
    assert.ok(tooltip.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'));
    assert.ok(!/(^|[^\\])</.test(tooltip), 'no unescaped <');
    assert.ok(!/(^|[^\\])\[link/.test(tooltip), 'no unescaped link');
    assert.ok(tooltip.includes('\\*\\*bold\\*\\*\\[link\\]\\(command\\:'));
  });
});
