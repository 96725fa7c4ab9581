/**
 * The whole reachability report as the user reads it, over the recorded engine JSON: every fact's sentence, status
 * and engine field, every fix, what the probe tries and the networks highlighted (reachWording.ts). The expected
 * lines are written out here, so a changed word, status, fix or address in the analyzer fails the case. This file:
 * paths over a shared network, or none (the fixes offered); reachabilityWordingHost/States.test.ts: the others.
 */
import { type EngineJson, listed, networkJson } from './reachFixture';
import { createFix, describeWording, running, type WordingCase } from './reachWording';

/** lonely to web:80, published on all interfaces: through the host at lonely's gateway. */
const LONELY_TO_WEB_80 = [
  'verdict: onlyViaPublishedPort',
  ...running('lonely', 'web'),
  'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
  'ok: Port 80 is published on the host (0.0.0.0:18080, [::]:18080): the source can reach it through the host at 172.30.62.1:18080. [Ports (dne-reach-web)]',
  'fix: Connect dne-reach-lonely to dne-reach-front',
  'fix: Connect dne-reach-web to dne-reach-other',
  createFix('lonely', 'web'),
  'probe: tcp - at 172.30.62.1 port 18080',
  'path: dne-reach-other',
];

/** web to db, which share no network: the facts and fixes, with the port's facts and the port probed. */
const webToDb = (portFacts: string[], port: string) => [
  'verdict: notReachable',
  ...running('web', 'db'),
  'problem: dne-reach-web and dne-reach-db share no network: dne-reach-web is on dne-reach-front, dne-reach-db on dne-reach-back. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-web)]',
  ...portFacts,
  'fix: Connect dne-reach-web to dne-reach-back',
  'fix: Connect dne-reach-db to dne-reach-front',
  createFix('web', 'db'),
  `probe: tcp dne-reach-db at 172.30.61.3 port ${port}`,
  'path: -',
];

const CASES: WordingCase[] = [
  {
    title: 'api to web by name',
    ask: { from: 'api', to: 'web' },
    lines: [
      'verdict: reachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'info: On dne-reach-front the embedded DNS answers for the target as: dne-reach-web, frontend, www, 413f9e9ad86b. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'ok: "dne-reach-web" resolves on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'api to web without inspect details',
    ask: { from: 'api', to: 'web', withoutDetails: true },
    lines: [
      'verdict: reachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'info: On dne-reach-front the embedded DNS answers for the target as: dne-reach-web, frontend, 413f9e9ad86b. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'ok: "dne-reach-web" resolves on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'web to db: no shared network',
    ask: { from: 'web', to: 'db' },
    lines: [...webToDb([], '-')],
  },
  {
    title: 'web to db:5432, not published',
    ask: { from: 'web', to: 'db', port: 5432 },
    lines: [...webToDb(['info: Port 5432/tcp is not published on the host. [Ports (dne-reach-db)]'], '5432')],
  },
  ...[
    { how: 'as recorded', edits: undefined },
    {
      how: "the gateway read from the network's IPAM when the endpoint has none",
      edits: [
        (json: EngineJson) => (listed(json, 'lonely').NetworkSettings!.Networks!['dne-reach-other'].Gateway = ''),
        (json: EngineJson) =>
          (networkJson(json, 'other').IPAM!.Config = [{ Subnet: '172.30.62.0/24', Gateway: '172.30.62.1' }]),
      ],
    },
  ].map(({ how, edits }) => ({
    title: `lonely to web:80 through the published port, via the gateway (${how})`,
    edits,
    ask: { from: 'lonely', to: 'web', port: 80 },
    lines: LONELY_TO_WEB_80,
  })),
  {
    title: 'lonely to web:443 published on loopback',
    ask: { from: 'lonely', to: 'web', port: 443 },
    lines: [
      'verdict: notReachable',
      ...running('lonely', 'web'),
      'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
      "problem: Port 443 is published on the host's loopback only (127.0.0.1:18443): other containers cannot use it. [Ports (dne-reach-web)]",
      'fix: Connect dne-reach-lonely to dne-reach-front',
      'fix: Connect dne-reach-web to dne-reach-other',
      createFix('lonely', 'web'),
      'probe: tcp dne-reach-web at 172.30.60.2 port 443',
      'path: -',
    ],
  },
  {
    title: 'api to lonely: two networks against one',
    ask: { from: 'api', to: 'lonely' },
    lines: [
      'verdict: notReachable',
      ...running('api', 'lonely'),
      'problem: dne-reach-api and dne-reach-lonely share no network: dne-reach-api is on dne-reach-back, dne-reach-front, dne-reach-lonely on dne-reach-other. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-api)]',
      'fix: Connect dne-reach-api to dne-reach-other',
      'fix: Connect dne-reach-lonely to dne-reach-back',
      'fix: Connect dne-reach-lonely to dne-reach-front',
      createFix('api', 'lonely'),
      'probe: tcp dne-reach-lonely at 172.30.62.2 port -',
      'path: -',
    ],
  },
  {
    title: 'b1 to b2 on the default bridge',
    ask: { from: 'b1', to: 'b2' },
    lines: [
      'verdict: notReachable',
      ...running('b1', 'b2'),
      'ok: Both are attached to bridge (bridge): source 172.17.0.2, target 172.17.0.3. [NetworkSettings.Networks.bridge (bridge)]',
      'problem: On the default bridge network (bridge) container names do not resolve: Docker\'s embedded DNS serves only user-defined networks, so "dne-reach-b2" resolves only through a link or an extra host. [Name (bridge)]',
      'problem: "dne-reach-b2" does not resolve to dne-reach-b2 from the source. [NetworkSettings.Networks (dne-reach-b1)]',
      'fix: Re-check with the address 172.17.0.3 (No name resolves here; the address works but may change when the container is recreated.)',
      createFix('b1', 'b2'),
      'probe: tcp dne-reach-b2 at 172.17.0.3 port -',
      'path: bridge',
    ],
  },
  {
    title: 'b2 to b1 by its link alias',
    ask: { from: 'b2', to: 'b1', as: 'b1alias' },
    lines: [
      'verdict: reachable',
      ...running('b2', 'b1'),
      'ok: Both are attached to bridge (bridge): source 172.17.0.3, target 172.17.0.2. [NetworkSettings.Networks.bridge (bridge)]',
      'ok: "b1alias" resolves through a legacy link of the source (on bridge). [HostConfig.Links (dne-reach-b2)]',
      'probe: tcp b1alias at 172.17.0.2 port -',
      'path: bridge',
    ],
  },
  {
    title: 'icc1 to icc2:80, icc disabled',
    ask: { from: 'icc1', to: 'icc2', port: 80 },
    lines: [
      'verdict: notReachable',
      ...running('icc1', 'icc2'),
      'ok: Both are attached to dne-reach-noicc (bridge): source 172.30.63.2, target 172.30.63.3. [NetworkSettings.Networks.dne-reach-noicc (dne-reach-noicc)]',
      'problem: dne-reach-noicc is created with com.docker.network.bridge.enable_icc=false: the bridge drops traffic between its containers. [Options[com.docker.network.bridge.enable_icc] (dne-reach-noicc)]',
      'info: Port 80/tcp is not published on the host. [Ports (dne-reach-icc2)]',
      createFix('icc1', 'icc2'),
      'probe: tcp dne-reach-icc2 at 172.30.63.3 port 80',
      'path: dne-reach-noicc',
    ],
  },
  {
    title: 'icc1 to web: never joins the icc-disabled bridge',
    ask: { from: 'icc1', to: 'web' },
    lines: [
      'verdict: notReachable',
      ...running('icc1', 'web'),
      'problem: dne-reach-icc1 and dne-reach-web share no network: dne-reach-icc1 is on dne-reach-noicc, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-icc1)]',
      'fix: Connect dne-reach-icc1 to dne-reach-front',
      createFix('icc1', 'web'),
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: -',
    ],
  },
  {
    title: 'int1 to int2 on the internal network',
    ask: { from: 'int1', to: 'int2' },
    lines: [
      'verdict: reachable',
      ...running('int1', 'int2'),
      'ok: Both are attached to dne-reach-internal (bridge): source 172.30.64.2, target 172.30.64.3. [NetworkSettings.Networks.dne-reach-internal (dne-reach-internal)]',
      'info: dne-reach-internal is internal: its containers reach each other, but nothing outside the network. [Internal (dne-reach-internal)]',
      'info: On dne-reach-internal the embedded DNS answers for the target as: dne-reach-int2, 63dc7e634b2b. [NetworkSettings.Networks.dne-reach-internal.Aliases (dne-reach-int2)]',
      'ok: "dne-reach-int2" resolves on dne-reach-internal. [NetworkSettings.Networks.dne-reach-internal.Aliases (dne-reach-int2)]',
      'probe: tcp dne-reach-int2 at 172.30.64.3 port -',
      'path: dne-reach-internal',
    ],
  },
  {
    title: 'int1 to web:80, no way out (said once)',
    ask: { from: 'int1', to: 'web', port: 80 },
    lines: [
      'verdict: notReachable',
      ...running('int1', 'web'),
      'problem: dne-reach-int1 and dne-reach-web share no network: dne-reach-int1 is on dne-reach-internal, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-int1)]',
      'problem: dne-reach-int1 is only on internal networks (dne-reach-internal): they have no gateway, so there is no way out of them, not even to the host. [Internal (dne-reach-internal)]',
      'fix: Connect dne-reach-int1 to dne-reach-front',
      'fix: Connect dne-reach-web to dne-reach-internal',
      createFix('int1', 'web'),
      'probe: tcp dne-reach-web at 172.30.60.2 port 80',
      'path: -',
    ],
  },
];

describeWording('reachability report wording: shared networks (recorded engine JSON)', CASES);
