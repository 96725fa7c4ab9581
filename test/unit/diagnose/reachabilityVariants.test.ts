/**
 * The reachability report as the user reads it (reachWording.ts) for engine states the recording does not hold:
 * the recorded JSON edited as the engine would show it (reachVariants.ts): a container restarting or stopped after
 * the listing, container:X modes naming X by name or id prefix, a second host-mode container, a container with no
 * network. The expected lines are written here.
 */
import { type EngineJson, id, inspected, listed, networkJson } from './reachFixture';
import { connect, networkMode, state } from './reachVariants';
import { createFix, describeWording, running, type WordingCase } from './reachWording';

/** The report for sidecar (container:api) to db, however the mode names api. */
const SIDECAR_TO_DB = [
  'verdict: reachable',
  ...running('sidecar', 'db'),
  'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
  ...running('api'),
  'ok: Both are attached to dne-reach-back (bridge): source 172.30.61.2, target 172.30.61.3. [NetworkSettings.Networks.dne-reach-back (dne-reach-back)]',
  'info: On dne-reach-back the embedded DNS answers for the target as: dne-reach-db, database, a3c008a1cf45. [NetworkSettings.Networks.dne-reach-back.Aliases (dne-reach-db)]',
  'ok: "dne-reach-db" resolves on dne-reach-back. [NetworkSettings.Networks.dne-reach-back.Aliases (dne-reach-db)]',
  'probe: tcp dne-reach-db at 172.30.61.3 port -',
  'path: dne-reach-back',
];

const CASES: WordingCase[] = [
  {
    title: 'a target the engine reports as restarting',
    edits: [state('db', 'restarting', { Restarting: true })],
    ask: { from: 'api', to: 'db' },
    lines: [
      'verdict: notReachable',
      ...running('api'),
      'problem: Target dne-reach-db is restarting: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-db)]',
      'fix: Start dne-reach-db (docker start dne-reach-db)',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'a target that stopped after the listing: the inspect state wins',
    edits: [(json) => (inspected(json, 'db').State = { Status: 'exited', Running: false })],
    ask: { from: 'api', to: 'db' },
    lines: [
      'verdict: notReachable',
      ...running('api'),
      'problem: Target dne-reach-db is exited: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-db)]',
      'fix: Start dne-reach-db (docker start dne-reach-db)',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'a sidecar whose namespace owner is stopped, asked from the sidecar',
    edits: [state('api', 'exited')],
    ask: { from: 'sidecar', to: 'db' },
    lines: [
      'verdict: notReachable',
      ...running('sidecar', 'db'),
      'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      'problem: Source dne-reach-api is exited: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-api)]',
      'fix: Start dne-reach-api (docker start dne-reach-api)',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'a sidecar whose namespace owner is stopped, asked towards the sidecar',
    edits: [state('api', 'exited')],
    ask: { from: 'web', to: 'sidecar' },
    lines: [
      'verdict: notReachable',
      ...running('web', 'sidecar'),
      'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      'problem: Target dne-reach-api is exited: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-api)]',
      'fix: Start dne-reach-api (docker start dne-reach-api)',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'a stopped owner asked from its own sidecar: one start fix',
    edits: [state('api', 'exited')],
    ask: { from: 'sidecar', to: 'api' },
    lines: [
      'verdict: notReachable',
      ...running('sidecar'),
      'problem: Target dne-reach-api is exited: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-api)]',
      'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      'problem: Source dne-reach-api is exited: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-api)]',
      'fix: Start dne-reach-api (docker start dne-reach-api)',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  ...[
    { how: 'by full id (as recorded)', edits: [] },
    { how: 'by name', edits: [networkMode('sidecar', 'container:dne-reach-api')] },
    {
      how: 'by a 4-character id prefix',
      edits: [(json: EngineJson) => networkMode('sidecar', `container:${id('api').slice(0, 4)}`)(json)],
    },
  ].map(({ how, edits }) => ({
    title: `container:<api ${how}> is followed to api's networks`,
    edits,
    ask: { from: 'sidecar', to: 'db' },
    lines: SIDECAR_TO_DB,
  })),
  {
    title: 'container:<3-character prefix> names no container',
    edits: [(json) => networkMode('sidecar', `container:${id('api').slice(0, 3)}`)(json)],
    ask: { from: 'sidecar', to: 'db' },
    lines: [
      'verdict: notReachable',
      ...running('sidecar', 'db'),
      'problem: dne-reach-sidecar shares the network namespace of 27c, which no longer exists: dne-reach-sidecar has no network until it is recreated. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'two containers sharing each other: the loop ends with the owner missing',
    edits: [networkMode('api', 'container:dne-reach-sidecar')],
    ask: { from: 'sidecar', to: 'db' },
    lines: [
      'verdict: notReachable',
      ...running('sidecar', 'db'),
      'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      'problem: dne-reach-api shares the network namespace of dne-reach-sidecar, which no longer exists: dne-reach-api has no network until it is recreated. [HostConfig.NetworkMode (dne-reach-api)]',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'two host-mode containers share the host namespace',
    edits: [
      networkMode('nonet', 'host'),
      (json) => {
        const host = networkJson(json, 'host');
        listed(json, 'nonet').NetworkSettings = { Networks: { host: { NetworkID: host.Id } } };
      },
    ],
    ask: { from: 'hosty', to: 'nonet', port: 80 },
    lines: [
      'verdict: reachable',
      ...running('hosty', 'nonet'),
      'ok: dne-reach-hosty and dne-reach-nonet share one network namespace: they reach each other on localhost (127.0.0.1). [HostConfig.NetworkMode (dne-reach-nonet)]',
      "info: Whether dne-reach-nonet listens on port 80/tcp is not in the engine's data; the probe checks it. [/proc/net/tcp, /proc/net/tcp6 (dne-reach-nonet)]",
      'probe: tcp - at 127.0.0.1 port 80',
      'path: -',
    ],
  },
  {
    title: 'a container with no network left',
    edits: [(json) => (listed(json, 'lonely').NetworkSettings = { Networks: {} })],
    ask: { from: 'lonely', to: 'web' },
    lines: [
      'verdict: notReachable',
      ...running('lonely', 'web'),
      'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on -, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
      'fix: Connect dne-reach-lonely to dne-reach-front',
      createFix('lonely', 'web'),
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: -',
    ],
  },
  {
    title: 'towards a container with no network left: nothing to connect to, nothing to probe',
    edits: [(json) => (listed(json, 'lonely').NetworkSettings = { Networks: {} })],
    ask: { from: 'web', to: 'lonely' },
    lines: [
      'verdict: notReachable',
      ...running('web', 'lonely'),
      'problem: dne-reach-web and dne-reach-lonely share no network: dne-reach-web is on dne-reach-front, dne-reach-lonely on -. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-web)]',
      'fix: Connect dne-reach-lonely to dne-reach-front',
      createFix('web', 'lonely'),
      'probe: tcp dne-reach-lonely at - port -',
      'path: -',
    ],
  },
  {
    title: 'blocked by enable_icc=false: the probe tries the address on that bridge, not the first network',
    edits: [connect('icc2', 'back', '172.30.61.12', '172.30.61.1')],
    ask: { from: 'icc1', to: 'icc2' },
    lines: [
      'verdict: notReachable',
      ...running('icc1', 'icc2'),
      'ok: Both are attached to dne-reach-noicc (bridge): source 172.30.63.2, target 172.30.63.3. [NetworkSettings.Networks.dne-reach-noicc (dne-reach-noicc)]',
      'problem: dne-reach-noicc is created with com.docker.network.bridge.enable_icc=false: the bridge drops traffic between its containers. [Options[com.docker.network.bridge.enable_icc] (dne-reach-noicc)]',
      'fix: Connect dne-reach-icc1 to dne-reach-back',
      createFix('icc1', 'icc2'),
      'probe: tcp dne-reach-icc2 at 172.30.63.3 port -',
      'path: dne-reach-noicc',
    ],
  },
  {
    title: 'both on the default bridge and on a user network, by a name neither gives',
    edits: [connect('b1', 'other', '172.30.62.11'), connect('b2', 'other', '172.30.62.12')],
    ask: { from: 'b1', to: 'b2', as: 'nonsense' },
    lines: [
      'verdict: notReachable',
      ...running('b1', 'b2'),
      'ok: Both are attached to bridge (bridge): source 172.17.0.2, target 172.17.0.3. [NetworkSettings.Networks.bridge (bridge)]',
      'ok: Both are attached to dne-reach-other (bridge): source 172.30.62.11, target 172.30.62.12. [NetworkSettings.Networks.dne-reach-other (dne-reach-other)]',
      'problem: On the default bridge network (bridge) container names do not resolve: Docker\'s embedded DNS serves only user-defined networks, so "nonsense" resolves only through a link or an extra host. [Name (bridge)]',
      'info: On dne-reach-other the embedded DNS answers for the target as: dne-reach-b2, 3962f1f58466. [NetworkSettings.Networks.dne-reach-other.Aliases (dne-reach-b2)]',
      'problem: "nonsense" does not resolve to dne-reach-b2 from the source. [NetworkSettings.Networks (dne-reach-b1)]',
      "fix: Re-check with the name dne-reach-b2 (This name resolves on dne-reach-other; use it in the source's configuration.)",
      'fix: Re-check with the address 172.17.0.3 (No name resolves here; the address works but may change when the container is recreated.)',
      'probe: tcp nonsense at 172.17.0.3 port -',
      'path: bridge, dne-reach-other',
    ],
  },
  {
    title: 'a target also on the default bridge, by name: the bridge is no fix',
    edits: [connect('db', 'bridge', '172.17.0.9', '172.17.0.1')],
    ask: { from: 'web', to: 'db' },
    lines: [
      'verdict: notReachable',
      ...running('web', 'db'),
      'problem: dne-reach-web and dne-reach-db share no network: dne-reach-web is on dne-reach-front, dne-reach-db on bridge, dne-reach-back. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-web)]',
      'fix: Connect dne-reach-web to dne-reach-back',
      'fix: Connect dne-reach-db to dne-reach-front',
      createFix('web', 'db'),
      'probe: tcp dne-reach-db at 172.17.0.9 port -',
      'path: -',
    ],
  },
  {
    title: 'a target also on the default bridge, by address: the bridge comes after user networks',
    edits: [connect('db', 'bridge', '172.17.0.9', '172.17.0.1')],
    ask: { from: 'web', to: 'db', as: '172.30.61.3' },
    lines: [
      'verdict: notReachable',
      ...running('web', 'db'),
      'problem: dne-reach-web and dne-reach-db share no network: dne-reach-web is on dne-reach-front, dne-reach-db on bridge, dne-reach-back. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-web)]',
      'fix: Connect dne-reach-web to dne-reach-back',
      'fix: Connect dne-reach-web to bridge',
      'fix: Connect dne-reach-db to dne-reach-front',
      createFix('web', 'db'),
      'probe: tcp - at 172.30.61.3 port -',
      'path: -',
    ],
  },
];

describeWording('reachability report wording (recorded engine JSON, edited)', CASES);
