/**
 * The reachability report as the user reads it (reachWording.ts) for paths the recording does not hold, the
 * recorded JSON edited as `docker network connect`, `--add-host` or another network's settings would leave it
 * (reachVariants.ts): internal and macvlan networks side by side, an overlay or swarm network, gateways read from
 * IPAM, a link on a user-defined network. The expected lines are written here.
 */
import { inspected, listed, networkJson } from './reachFixture';
import { connect, extraHosts } from './reachVariants';
import { createFix, describeWording, running, type WordingCase } from './reachWording';

const CASES: WordingCase[] = [
  {
    title: 'a source on an internal and a routed network is not stuck inside',
    edits: [connect('int1', 'other', '172.30.62.9', '172.30.62.1')],
    ask: { from: 'int1', to: 'web' },
    lines: [
      'verdict: notReachable',
      ...running('int1', 'web'),
      'problem: dne-reach-int1 and dne-reach-web share no network: dne-reach-int1 is on dne-reach-internal, dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-int1)]',
      'fix: Connect dne-reach-int1 to dne-reach-front',
      'fix: Connect dne-reach-web to dne-reach-internal',
      'fix: Connect dne-reach-web to dne-reach-other',
      createFix('int1', 'web'),
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: -',
    ],
  },
  {
    title: 'a source on two internal networks names both',
    edits: [(json) => (networkJson(json, 'noicc').Internal = true), connect('int1', 'noicc', '172.30.63.9')],
    ask: { from: 'int1', to: 'lonely' },
    lines: [
      'verdict: notReachable',
      ...running('int1', 'lonely'),
      'problem: dne-reach-int1 and dne-reach-lonely share no network: dne-reach-int1 is on dne-reach-internal, dne-reach-noicc, dne-reach-lonely on dne-reach-other. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-int1)]',
      'problem: dne-reach-int1 is only on internal networks (dne-reach-internal, dne-reach-noicc): they have no gateway, so there is no way out of them, not even to the host. [Internal (dne-reach-internal, dne-reach-noicc)]',
      'fix: Connect dne-reach-int1 to dne-reach-other',
      'fix: Connect dne-reach-lonely to dne-reach-internal',
      createFix('int1', 'lonely'),
      'probe: tcp dne-reach-lonely at 172.30.62.2 port -',
      'path: -',
    ],
  },
  {
    title: 'a source on two internal networks cannot reach a host-mode container',
    edits: [(json) => (networkJson(json, 'noicc').Internal = true), connect('int1', 'noicc', '172.30.63.9')],
    ask: { from: 'int1', to: 'hosty' },
    lines: [
      'verdict: notReachable',
      ...running('int1', 'hosty'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'problem: dne-reach-int1 is only on internal networks (dne-reach-internal, dne-reach-noicc): they have no gateway, so there is no way out of them, not even to the host. [Internal (dne-reach-internal, dne-reach-noicc)]',
      'probe: tcp dne-reach-hosty at - port -',
      'path: -',
    ],
  },
  {
    title: 'a source on an internal and a macvlan network towards the host',
    edits: [connect('int1', 'macvlan', '172.30.65.9')],
    ask: { from: 'int1', to: 'hosty' },
    lines: [
      'verdict: notReachable',
      ...running('int1', 'hosty'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'problem: dne-reach-int1 is only on internal networks (dne-reach-internal): they have no gateway, so there is no way out of them, not even to the host. [Internal (dne-reach-internal)]',
      'problem: dne-reach-macvlan uses the macvlan driver: the host and its own macvlan containers cannot reach each other without a shim interface on the host. [Driver (dne-reach-macvlan)]',
      'probe: tcp dne-reach-hosty at - port -',
      'path: -',
    ],
  },
  {
    title: 'a source on an internal and a macvlan network towards an outside address',
    edits: [connect('int1', 'macvlan', '172.30.65.9')],
    ask: { from: 'int1', to: { host: '10.9.9.9' } },
    lines: [
      'verdict: unknown',
      ...running('int1'),
      "info: 10.9.9.9 is outside the networks Docker knows: traffic leaves through the gateway, and whether it arrives depends on the host's routes and firewall. The probe tells. [NetworkSettings.Networks (dne-reach-int1)]",
      'probe: tcp - at 10.9.9.9 port -',
      'path: -',
    ],
  },
  {
    title: 'the host towards a container on an overlay network only',
    edits: [
      (json) => Object.assign(networkJson(json, 'other'), { Driver: 'overlay', Scope: 'swarm', Attachable: true }),
    ],
    ask: { from: 'hosty', to: 'lonely' },
    lines: [
      'verdict: notReachable',
      ...running('hosty', 'lonely'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'probe: tcp dne-reach-lonely at - port -',
      'path: -',
    ],
  },
  {
    title: 'a swarm network that is not attachable is no fix',
    edits: [(json) => Object.assign(networkJson(json, 'other'), { Scope: 'swarm', Attachable: false })],
    ask: { from: 'lonely', to: 'web' },
    lines: [
      'verdict: notReachable',
      ...running('lonely', 'web'),
      'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
      'fix: Connect dne-reach-lonely to dne-reach-front',
      createFix('lonely', 'web'),
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: -',
    ],
  },
  {
    title: 'the gateway read from the network IPAM when the endpoint has none: the host by address',
    edits: [
      (json) => (listed(json, 'lonely').NetworkSettings!.Networks!['dne-reach-other'].Gateway = ''),
      (json) => (networkJson(json, 'other').IPAM!.Config = [{ Subnet: '172.30.62.0/24', Gateway: '172.30.62.1' }]),
    ],
    ask: { from: 'lonely', to: { host: '172.30.62.1' } },
    lines: [
      'verdict: reachable',
      ...running('lonely'),
      'ok: The host (172.30.62.1) is reachable through the gateway of dne-reach-other: 172.30.62.1. [NetworkSettings.Networks.dne-reach-other.Gateway (dne-reach-lonely)]',
      'probe: tcp - at 172.30.62.1 port -',
      'path: dne-reach-other',
    ],
  },
  {
    title: 'a link on a user-defined network gives its alias',
    edits: [
      (json) => (inspected(json, 'api').NetworkSettings!.Networks!['dne-reach-back'].Links = ['dne-reach-db:dbl']),
    ],
    ask: { from: 'api', to: 'db', as: 'dbl' },
    lines: [
      'verdict: reachable',
      ...running('api', 'db'),
      'ok: Both are attached to dne-reach-back (bridge): source 172.30.61.2, target 172.30.61.3. [NetworkSettings.Networks.dne-reach-back (dne-reach-back)]',
      'ok: "dbl" resolves through a legacy link of the source (on dne-reach-back). [HostConfig.Links (dne-reach-api)]',
      'probe: tcp dbl at 172.30.61.3 port -',
      'path: dne-reach-back',
    ],
  },
  {
    title: 'host-gateway from a container with no gateway',
    edits: [extraHosts('int1', 'host.docker.internal:host-gateway')],
    ask: { from: 'int1', to: { host: 'host.docker.internal' } },
    lines: [
      'verdict: notReachable',
      ...running('int1'),
      'ok: "host.docker.internal" is an extra host of the source: host-gateway. [HostConfig.ExtraHosts (dne-reach-int1)]',
      'problem: dne-reach-int1 is only on internal networks (dne-reach-internal): they have no gateway, so there is no way out of them, not even to the host. [Internal (dne-reach-internal)]',
      'probe: tcp host.docker.internal at - port -',
      'path: -',
    ],
  },
];

describeWording('reachability report wording (recorded engine JSON, edited paths)', CASES);
