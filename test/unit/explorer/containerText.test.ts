import * as assert from 'node:assert/strict';
import { containerTooltip, portBinding, portDescription, portLabel } from '../../../src/explorer/present/containerText';
import { untranslated as t } from '../../../src/explorer/present/text';
import { containerNamed, recordedSnapshot } from './fixtureSnapshot';

describe('explorer: what the Containers view says', () => {
  const snapshot = recordedSnapshot();
  const web = containerNamed(snapshot, 'dne-model-web');

  it('labels published ports host side first, all-interfaces bindings visible', () => {
    const labels = web.ports.map((p) => `${portLabel(p)} (${portDescription(p, t)})`);
    assert.ok(labels.includes('127.0.0.1:8443 → 443/tcp (loopback only)'), labels.join('\n'));
    assert.ok(labels.includes('0.0.0.0:8080 → 80/tcp (all interfaces)'), labels.join('\n'));
    assert.ok(
      labels.some((l) => l.startsWith('[::]:') && l.endsWith('(all interfaces)')),
      labels.join('\n'),
    );
  });

  it('says when a port is exposed but not published', () => {
    const exposed = { containerPort: 80, protocol: 'tcp' };
    assert.equal(portLabel(exposed), '80/tcp');
    assert.equal(portBinding(exposed), 'notPublished');
  });

  it('lists the networks with IPs and the compose project in the container tooltip', () => {
    const endpoints = snapshot.endpointsByContainer.get(web.id) ?? [];
    assert.ok(endpoints.length > 0);
    const tooltip = containerTooltip(web, endpoints, t);
    assert.ok(tooltip.includes('**Compose project:** dne\\-model'));
    for (const e of endpoints)
      assert.ok(tooltip.includes(e.networkName.replace(/[-_.]/g, (c) => `\\${c}`)), e.networkName);
  });
});
