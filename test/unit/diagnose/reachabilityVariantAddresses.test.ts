/**
 * The reachability report as the user reads it (reachWording.ts) for addresses the recording does not hold, the
 * recorded JSON edited as `-p`, `--ipv6`, `docker network connect` or `--add-host` would leave it
 * (reachVariants.ts): ports published on one host address, dual-stack networks, an address held on one of two
 * shared networks, extra hosts naming the target. The expected lines are written here.
 */
import { listed, networkJson } from './reachFixture';
import { connect, type Edit, extraHosts } from './reachVariants';
import { createFix, describeWording, running, type WordingCase } from './reachWording';

const webPort80 =
  (IP: string): Edit =>
  (json) => {
    const web = listed(json, 'web');
    web.Ports = [
      ...web.Ports!.filter((p) => p.PrivatePort !== 80),
      { IP, PrivatePort: 80, PublicPort: 18080, Type: 'tcp' },
    ];
  };
const dualStackFront: Edit = (json) => {
  networkJson(json, 'front').EnableIPv6 = true;
  networkJson(json, 'front').IPAM!.Config!.push({ Subnet: 'fd00:60::/64' });
  for (const [short, ip] of [
    ['web', 'fd00:60::2'],
    ['api', 'fd00:60::3'],
  ]) {
    const endpoint = listed(json, short).NetworkSettings!.Networks!['dne-reach-front'];
    Object.assign(endpoint, { GlobalIPv6Address: ip, GlobalIPv6PrefixLen: 64 });
  }
};
const CASES: WordingCase[] = [
  {
    title: 'a port published on [::] only is reached through the IPv4 gateway',
    edits: [webPort80('::')],
    ask: { from: 'lonely', to: 'web', port: 80 },
    lines: [
      'verdict: onlyViaPublishedPort',
      ...running('lonely', 'web'),
      'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
      'ok: Port 80 is published on the host ([::]:18080): the source can reach it through the host at 172.30.62.1:18080. [Ports (dne-reach-web)]',
      'fix: Connect dne-reach-lonely to dne-reach-front',
      'fix: Connect dne-reach-web to dne-reach-other',
      createFix('lonely', 'web'),
      'probe: tcp - at 172.30.62.1 port 18080',
      'path: dne-reach-other',
    ],
  },
  {
    title: 'a port published on one host address is reached at that address',
    edits: [webPort80('192.168.7.2')],
    ask: { from: 'lonely', to: 'web', port: 80 },
    lines: [
      'verdict: onlyViaPublishedPort',
      ...running('lonely', 'web'),
      'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
      'ok: Port 80 is published on the host (192.168.7.2:18080): the source can reach it through the host at 192.168.7.2:18080. [Ports (dne-reach-web)]',
      'fix: Connect dne-reach-lonely to dne-reach-front',
      'fix: Connect dne-reach-web to dne-reach-other',
      createFix('lonely', 'web'),
      'probe: tcp - at 192.168.7.2 port 18080',
      'path: dne-reach-other',
    ],
  },
  {
    title: 'a port published on one IPv6 host address',
    edits: [webPort80('fd00:1::5')],
    ask: { from: 'lonely', to: 'web', port: 80 },
    lines: [
      'verdict: onlyViaPublishedPort',
      ...running('lonely', 'web'),
      'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
      'ok: Port 80 is published on the host ([fd00:1::5]:18080): the source can reach it through the host at [fd00:1::5]:18080. [Ports (dne-reach-web)]',
      'fix: Connect dne-reach-lonely to dne-reach-front',
      'fix: Connect dne-reach-web to dne-reach-other',
      createFix('lonely', 'web'),
      'probe: tcp - at fd00:1::5 port 18080',
      'path: dne-reach-other',
    ],
  },
  {
    title: 'a port published on both loopbacks',
    edits: [(json) => listed(json, 'web').Ports!.push({ IP: '::1', PrivatePort: 443, PublicPort: 18443, Type: 'tcp' })],
    ask: { from: 'lonely', to: 'web', port: 443 },
    lines: [
      'verdict: notReachable',
      ...running('lonely', 'web'),
      'problem: dne-reach-lonely and dne-reach-web share no network: dne-reach-lonely is on dne-reach-other, dne-reach-web on dne-reach-front. Docker isolates networks from each other, so there is no direct path. [NetworkSettings.Networks (dne-reach-lonely)]',
      "problem: Port 443 is published on the host's loopback only (127.0.0.1:18443, [::1]:18443): other containers cannot use it. [Ports (dne-reach-web)]",
      'fix: Connect dne-reach-lonely to dne-reach-front',
      'fix: Connect dne-reach-web to dne-reach-other',
      createFix('lonely', 'web'),
      'probe: tcp dne-reach-web at 172.30.60.2 port 443',
      'path: -',
    ],
  },
  {
    title: 'a dual-stack network: both addresses of each side',
    edits: [dualStackFront],
    ask: { from: 'api', to: 'web' },
    lines: [
      'verdict: reachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, fd00:60::3, target 172.30.60.2, fd00:60::2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'info: On dne-reach-front the embedded DNS answers for the target as: dne-reach-web, frontend, www, 413f9e9ad86b. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'ok: "dne-reach-web" resolves on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'a dual-stack network by the IPv6 address',
    edits: [dualStackFront],
    ask: { from: 'api', to: 'web', as: 'fd00:60::2' },
    lines: [
      'verdict: reachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, fd00:60::3, target 172.30.60.2, fd00:60::2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      "ok: fd00:60::2 is the target's address on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.GlobalIPv6Address (dne-reach-web)]",
      'probe: tcp - at fd00:60::2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'an unassigned IPv4 address on a dual-stack network',
    edits: [dualStackFront],
    ask: { from: 'web', to: { host: '172.30.60.99' } },
    lines: [
      'verdict: notReachable',
      ...running('web'),
      'problem: No container holds 172.30.60.99 on a network the source shares (dne-reach-front). [IPAM.Config.Subnet (dne-reach-front)]',
      'probe: tcp - at 172.30.60.99 port -',
      'path: -',
    ],
  },
  {
    title: 'an address held on one of two shared networks: that one is the path',
    edits: [connect('web', 'back', '172.30.61.9', '172.30.61.1')],
    ask: { from: 'api', to: 'web', as: '172.30.60.2' },
    lines: [
      'verdict: reachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-back (bridge): source 172.30.61.2, target 172.30.61.9. [NetworkSettings.Networks.dne-reach-back (dne-reach-back)]',
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      "ok: 172.30.60.2 is the target's address on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.IPAddress (dne-reach-web)]",
      'probe: tcp - at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: "an extra host pointing to the target's address",
    edits: [extraHosts('api', 'webby:172.30.60.2')],
    ask: { from: 'api', to: 'web', as: 'webby' },
    lines: [
      'verdict: reachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'ok: "webby" is an extra host of the source: 172.30.60.2. [HostConfig.ExtraHosts (dne-reach-api)]',
      'probe: tcp webby at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'an extra host pointing elsewhere',
    edits: [extraHosts('api', 'oldweb:10.1.1.1')],
    ask: { from: 'api', to: 'web', as: 'oldweb' },
    lines: [
      'verdict: notReachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'warning: "oldweb" is an extra host of the source pointing to 10.1.1.1, which is not the target\'s address on a shared network. [HostConfig.ExtraHosts (dne-reach-api)]',
      "fix: Re-check with the name dne-reach-web (This name resolves on dne-reach-front; use it in the source's configuration.)",
      'fix: Re-check with the address 172.30.60.2 (No name resolves here; the address works but may change when the container is recreated.)',
      'probe: tcp oldweb at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
];

describeWording('reachability report wording (recorded engine JSON, edited addresses)', CASES);
