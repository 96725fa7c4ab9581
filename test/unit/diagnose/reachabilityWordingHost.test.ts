/**
 * The reachability report as the user reads it (reachWording.ts), over the recorded engine JSON: host-mode
 * containers, typed names and addresses outside Docker, macvlan and none mode. The expected lines are written here.
 */
import { describeWording, running, type WordingCase } from './reachWording';

const CASES: WordingCase[] = [
  {
    title: 'int1 to a host-mode container',
    ask: { from: 'int1', to: 'hosty' },
    lines: [
      'verdict: notReachable',
      ...running('int1', 'hosty'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'problem: dne-reach-int1 is only on internal networks (dne-reach-internal): they have no gateway, so there is no way out of them, not even to the host. [Internal (dne-reach-internal)]',
      'probe: tcp dne-reach-hosty at - port -',
      'path: -',
    ],
  },
  {
    title: 'api to the extra host legacy-db',
    ask: { from: 'api', to: { host: 'legacy-db' }, port: 5432 },
    lines: [
      'verdict: unknown',
      ...running('api'),
      'ok: "legacy-db" is an extra host of the source: 10.9.9.9. [HostConfig.ExtraHosts (dne-reach-api)]',
      "info: 10.9.9.9 is outside the networks Docker knows: traffic leaves through the gateway, and whether it arrives depends on the host's routes and firewall. The probe tells. [NetworkSettings.Networks (dne-reach-api)]",
      'probe: tcp legacy-db at 10.9.9.9 port 5432',
      'path: -',
    ],
  },
  {
    title: 'api to host.docker.internal',
    ask: { from: 'api', to: { host: 'host.docker.internal' } },
    lines: [
      'verdict: reachable',
      ...running('api'),
      'ok: "host.docker.internal" is an extra host of the source: host-gateway. [HostConfig.ExtraHosts (dne-reach-api)]',
      'ok: The host (172.30.61.1) is reachable through the gateway of dne-reach-back: 172.30.61.1. [NetworkSettings.Networks.dne-reach-back.Gateway (dne-reach-api)]',
      'probe: tcp host.docker.internal at 172.30.61.1 port -',
      'path: dne-reach-back',
    ],
  },
  {
    title: 'api to an outside address',
    ask: { from: 'api', to: { host: '10.9.9.9' } },
    lines: [
      'verdict: unknown',
      ...running('api'),
      "info: 10.9.9.9 is outside the networks Docker knows: traffic leaves through the gateway, and whether it arrives depends on the host's routes and firewall. The probe tells. [NetworkSettings.Networks (dne-reach-api)]",
      'probe: tcp - at 10.9.9.9 port -',
      'path: -',
    ],
  },
  {
    title: 'web to an unassigned address of its subnet',
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
    title: 'hosty to web by name',
    ask: { from: 'hosty', to: 'web' },
    lines: [
      'verdict: notReachable',
      ...running('hosty', 'web'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      "ok: From the host's namespace, 172.30.60.2 is reachable at its address on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.IPAddress (dne-reach-web)]",
      'problem: "dne-reach-web" does not resolve to dne-reach-web from the source. [HostConfig.NetworkMode (dne-reach-hosty)]',
      'fix: Re-check with the address 172.30.60.2 (No name resolves here; the address works but may change when the container is recreated.)',
      'probe: tcp dne-reach-web at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'hosty to web by address',
    ask: { from: 'hosty', to: 'web', as: '172.30.60.2', port: 80 },
    lines: [
      'verdict: reachable',
      ...running('hosty', 'web'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      "ok: From the host's namespace, 172.30.60.2 is reachable at its address on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.IPAddress (dne-reach-web)]",
      "info: Whether dne-reach-web listens on port 80/tcp is not in the engine's data; the probe checks it. [/proc/net/tcp, /proc/net/tcp6 (dne-reach-web)]",
      'info: The image declares port 80/tcp (EXPOSE); that documents it, it does not open it. [Config.ExposedPorts (dne-reach-web)]',
      'probe: tcp - at 172.30.60.2 port 80',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'web to hosty through the gateway',
    ask: { from: 'web', to: 'hosty', as: '172.30.60.1' },
    lines: [
      'verdict: reachable',
      ...running('web', 'hosty'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'ok: The host (dne-reach-hosty) is reachable through the gateway of dne-reach-front: 172.30.60.1. [NetworkSettings.Networks.dne-reach-front.Gateway (dne-reach-web)]',
      'probe: tcp - at 172.30.60.1 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'hosty to its macvlan container',
    ask: { from: 'hosty', to: 'mac1', as: '172.30.65.2' },
    lines: [
      'verdict: notReachable',
      ...running('hosty', 'mac1'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'problem: dne-reach-macvlan uses the macvlan driver: the host and its own macvlan containers cannot reach each other without a shim interface on the host. [Driver (dne-reach-macvlan)]',
      "fix: Add a dne-reach-macvlan shim interface on the host (ip link add shim link <parent> type macvlan mode bridge; give it an address in the subnet; route the containers' addresses through it.)",
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'mac1 to a host-mode container',
    ask: { from: 'mac1', to: 'hosty' },
    lines: [
      'verdict: notReachable',
      ...running('mac1', 'hosty'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'problem: dne-reach-macvlan uses the macvlan driver: the host and its own macvlan containers cannot reach each other without a shim interface on the host. [Driver (dne-reach-macvlan)]',
      'probe: tcp dne-reach-hosty at - port -',
      'path: -',
    ],
  },
  {
    title: 'mac1 to an outside address',
    ask: { from: 'mac1', to: { host: '10.9.9.9' } },
    lines: [
      'verdict: unknown',
      ...running('mac1'),
      "info: 10.9.9.9 is outside the networks Docker knows: traffic leaves through the gateway, and whether it arrives depends on the host's routes and firewall. The probe tells. [NetworkSettings.Networks (dne-reach-mac1)]",
      'probe: tcp - at 10.9.9.9 port -',
      'path: -',
    ],
  },
  {
    title: 'nonet to web',
    ask: { from: 'nonet', to: 'web' },
    lines: [
      'verdict: notReachable',
      ...running('nonet', 'web'),
      'problem: dne-reach-nonet has network mode none: only its loopback interface exists, nothing outside it can be reached. [HostConfig.NetworkMode (dne-reach-nonet)]',
      'probe: tcp dne-reach-web at - port -',
      'path: -',
    ],
  },
  {
    title: 'nonet to an outside address',
    ask: { from: 'nonet', to: { host: '10.9.9.9' } },
    lines: [
      'verdict: notReachable',
      ...running('nonet'),
      'problem: dne-reach-nonet has network mode none: only its loopback interface exists, nothing outside it can be reached. [HostConfig.NetworkMode (dne-reach-nonet)]',
      'probe: tcp - at 10.9.9.9 port -',
      'path: -',
    ],
  },
  {
    title: 'hosty to an outside name',
    ask: { from: 'hosty', to: { host: 'example.org' } },
    lines: [
      'verdict: unknown',
      ...running('hosty'),
      "info: dne-reach-hosty uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS. [HostConfig.NetworkMode (dne-reach-hosty)]",
      'probe: tcp example.org at - port -',
      'path: -',
    ],
  },
];

describeWording('reachability report wording: the host and outside addresses (recorded engine JSON)', CASES);
