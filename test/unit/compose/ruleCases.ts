/**
 * For each rule: a file that triggers it (with the line and a key phrase of each finding), a near miss that must
 * stay silent, and the fixes it must offer.
 */
import type { EngineView } from '../../../src/compose/rules/types';
import type { NetworkModel, EndpointModel } from '../../../src/model/topology';
import { CONNECTIVITY_CASES } from './connectivityCases';

export interface RuleCase {
  rule: string;
  bad: string;
  /** Every finding of this rule `bad` yields, in order: the line the editor shows (1-based) and a key phrase. */
  findings: [line: number, phrase: string][];
  good: string;
  /** Titles of the fixes offered on the first finding. */
  fixes: string[];
  engine?: EngineView;
}

export function net(name: string, subnet: string | undefined, extra: Partial<NetworkModel> = {}): NetworkModel {
  return {
    id: `id-${name}`,
    name,
    driver: 'bridge',
    scope: 'local',
    ipamDriver: 'default',
    ipamOptions: {},
    ipam: subnet ? [{ subnet, auxAddresses: {} }] : [],
    internal: false,
    attachable: false,
    ipv6: false,
    ingress: false,
    configOnly: false,
    options: {},
    labels: {},
    builtIn: false,
    ...extra,
  };
}

export function endpoint(network: string, container: string, ipv4: string): EndpointModel {
  return {
    key: `id-${network}/${container}`,
    networkId: `id-${network}`,
    networkName: network,
    containerId: container,
    containerName: container,
    ipv4,
    aliases: [],
    running: true,
  };
}

export const ENGINE: EngineView = {
  networks: [
    net('bridge', '172.17.0.0/16', { builtIn: true }),
    net('shared', '10.50.0.0/24'),
    net('demo_back', '10.60.0.0/24', { composeProject: 'demo' }),
  ],
  endpointsByNetwork: new Map([['id-shared', [endpoint('shared', 'other-app', '10.50.0.10')]]]),
};

export const CASES: RuleCase[] = [
  {
    rule: 'undeclared-network',
    bad: 'services:\n  web:\n    image: nginx\n    networks:\n      - frontend\nnetworks:\n  fronted: {}\n',
    findings: [[5, 'network "frontend", which is not declared under the top-level networks. Did you mean "fronted"?']],
    good: 'services:\n  web:\n    image: nginx\n    networks:\n      - frontend\nnetworks:\n  frontend: {}\n',
    fixes: ['Change to "fronted"', 'Declare network "frontend"'],
  },
  {
    rule: 'network-mode-with-networks',
    bad: 'services:\n  web:\n    image: nginx\n    network_mode: bridge\n    networks:\n      - default\n',
    findings: [[4, 'sets both network_mode and networks']],
    good: 'services:\n  web:\n    image: nginx\n    network_mode: bridge\n',
    fixes: ['Remove `networks`', 'Remove `network_mode`'],
  },
  {
    rule: 'unknown-service-reference',
    bad: 'services:\n  web:\n    image: nginx\n    links:\n      - dbb\n  side:\n    image: x\n    network_mode: "service:wbe"\n  db:\n    image: pg\n',
    findings: [
      [5, 'links to "dbb", which is not a service'],
      [8, 'network stack of service "wbe", which does not exist'],
    ],
    good: 'services:\n  web:\n    image: nginx\n    links:\n      - db:database\n  side:\n    image: x\n    network_mode: "service:web"\n  db:\n    image: pg\n',
    fixes: [],
  },
  {
    rule: 'external-network-keys',
    bad: 'services:\n  web:\n    image: nginx\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n    driver: bridge\n',
    findings: [[8, 'rejects "driver"']],
    good: 'services:\n  web:\n    image: nginx\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n    name: traefik_proxy\n',
    fixes: [],
  },
  {
    rule: 'invalid-cidr',
    bad: 'services:\n  web:\n    image: nginx\n    networks: [back]\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: "172.28.5.1/16" # keep me\n        - subnet: 10.0.0.0/33\n',
    findings: [
      [9, '"172.28.5.1/16" of network "back" has host bits set'],
      [10, '"10.0.0.0/33" of network "back" is not a valid CIDR'],
    ],
    good: 'services:\n  web:\n    image: nginx\n    networks: [back]\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: "172.28.0.0/16" # keep me\n        - subnet: 10.0.0.0/32\n',
    fixes: ['Replace with 172.28.0.0/16'],
  },
  {
    rule: 'address-outside-subnet',
    bad: 'services:\n  web:\n    image: nginx\n    networks: [back]\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          ip_range: 172.29.5.0/24\n          gateway: 172.29.0.1\n          aux_addresses:\n            host1: fd00::1\n',
    findings: [
      [10, 'ip_range 172.29.5.0/24 is not inside the subnet 172.28.0.0/16'],
      [11, 'gateway 172.29.0.1 is outside the subnet'],
      [13, '"host1" fd00::1 is IPv6 but its subnet 172.28.0.0/16'],
    ],
    good: 'services:\n  web:\n    image: nginx\n    networks: [back]\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          ip_range: 172.28.5.0/24\n          gateway: 172.28.5.254\n          aux_addresses:\n            host1: 172.28.1.5\n',
    fixes: [],
  },
  {
    rule: 'static-ip-outside-subnet',
    bad: 'services:\n  web:\n    image: nginx\n    networks:\n      back:\n        ipv4_address: 172.29.0.5\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n',
    findings: [[6, 'ipv4_address 172.29.0.5 of service "web" is outside every subnet']],
    good: 'services:\n  web:\n    image: nginx\n    networks:\n      back:\n        ipv4_address: 172.28.0.5\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n',
    fixes: [],
  },
  {
    rule: 'duplicate-static-ip',
    bad: 'services:\n  a:\n    image: x\n    networks:\n      back:\n        ipv4_address: 10.1.0.5\n  b:\n    image: x\n    networks:\n      back:\n        ipv4_address: 10.1.0.5\n  c:\n    image: x\n    networks:\n      back:\n        ipv4_address: 10.1.0.1\n  d:\n    image: x\n    deploy:\n      replicas: 2\n    networks:\n      back:\n        ipv4_address: 10.1.0.9\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n          gateway: 10.1.0.1\n',
    findings: [
      [11, '10.1.0.5 on network "back" is already given to service "a"'],
      [16, '10.1.0.1 of service "c" is the gateway'],
      [23, 'runs 2 replicas but has the static address 10.1.0.9'],
    ],
    good: 'services:\n  a:\n    image: x\n    networks:\n      back:\n        ipv4_address: 10.1.0.5\n  b:\n    image: x\n    networks:\n      back:\n        ipv4_address: 10.1.0.6\n  d:\n    image: x\n    deploy:\n      replicas: 1\n    networks:\n      back:\n        ipv4_address: 10.1.0.9\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n          gateway: 10.1.0.1\n',
    fixes: [],
  },
  {
    rule: 'overlapping-subnets',
    bad: 'services:\n  a:\n    image: x\n    networks: [one, two]\nnetworks:\n  one:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16\n  two:\n    ipam:\n      config:\n        - subnet: 10.10.128.0/24\n',
    findings: [[13, '10.10.128.0/24 of network "two" overlaps 10.10.0.0/16 of network "one"']],
    good: 'services:\n  a:\n    image: x\n    networks: [one, two]\nnetworks:\n  one:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/17\n  two:\n    ipam:\n      config:\n        - subnet: 10.10.128.0/24\n',
    fixes: [],
  },
  {
    rule: 'host-mode-with-links',
    bad: 'services:\n  a:\n    image: x\n    network_mode: host\n    links: [b]\n  b:\n    image: x\n',
    findings: [[5, 'uses the host network and links']],
    good: 'services:\n  a:\n    image: x\n    links: [b]\n  b:\n    image: x\n',
    fixes: ['Remove `links`'],
  },
  {
    rule: 'shared-namespace-conflict',
    bad: 'services:\n  vpn:\n    image: x\n  app:\n    image: x\n    network_mode: service:vpn\n    hostname: app\n    dns: [1.1.1.1]\n',
    findings: [
      [7, 'cannot set "hostname"'],
      [8, 'cannot set "dns"'],
    ],
    good: 'services:\n  vpn:\n    image: x\n    hostname: app\n    dns: [1.1.1.1]\n  app:\n    image: x\n    network_mode: service:vpn\n',
    fixes: ['Remove `hostname`'],
  },
  {
    rule: 'duplicate-published-port',
    bad: 'services:\n  a:\n    image: x\n    ports: ["8080:80", "127.0.0.1:9000-9002:9000-9002"]\n  b:\n    image: x\n    ports:\n      - "0.0.0.0:8080:8080"\n      - target: 53\n        published: "9001"\n        host_ip: 127.0.0.1\n',
    findings: [
      [8, 'Host port 8080/tcp on 0.0.0.0 is published by service "a" and again by service "b"'],
      [9, 'Host port 9001/tcp on 127.0.0.1 is published by service "a"'],
    ],
    good: 'services:\n  a:\n    image: x\n    ports: ["8080:80", "127.0.0.1:9000-9002:9000-9002"]\n  b:\n    image: x\n    ports:\n      - "8080:8080/udp"\n      - target: 53\n        published: "9001"\n        host_ip: 127.0.0.2\n',
    fixes: [],
  },
  {
    rule: 'malformed-port',
    bad: 'services:\n  a:\n    image: x\n    ports:\n      - "80:80/tpc"\n      - "70000:80"\n      - "1.2.3:80:80"\n',
    findings: [
      [5, 'protocol "tpc" is not one of tcp, udp, sctp'],
      [6, 'host port "70000" is outside 1-65535'],
      [7, 'host address "1.2.3" is not an IP address'],
    ],
    good: 'services:\n  a:\n    image: x\n    ports:\n      - "80:80/udp"\n      - "7000:80"\n      - "[::1]:81:80"\n',
    fixes: [],
  },
  {
    rule: 'malformed-extra-host',
    bad: 'services:\n  a:\n    image: x\n    extra_hosts:\n      - "somehost"\n      - "other:999.1.1.1"\n',
    findings: [
      [5, '"somehost": the entry needs the form host:ip or host=ip'],
      [6, '"999.1.1.1" is not an IP address'],
    ],
    good: 'services:\n  a:\n    image: x\n    extra_hosts:\n      - "somehost:162.242.195.82"\n      - "other=::1"\n      - "gw:host-gateway"\n',
    fixes: [],
  },
  {
    rule: 'unused-network',
    bad: 'services:\n  a:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  # legacy network\n  old:\n    driver: bridge\n',
    findings: [[8, 'Network "old" is declared but no service uses it']],
    good: 'services:\n  a:\n    image: x\n    networks: [front, old]\nnetworks:\n  front: {}\n  # legacy network\n  old:\n    driver: bridge\n',
    fixes: ['Remove network "old"'],
  },
  {
    rule: 'static-ip-without-subnet',
    bad: 'services:\n  a:\n    image: x\n    networks:\n      back:\n        ipv4_address: 10.5.0.2\nnetworks:\n  back: {}\n',
    findings: [[6, 'static address 10.5.0.2 on network "back", which declares no IPv4 subnet']],
    good: 'services:\n  a:\n    image: x\n    networks:\n      back:\n        ipv4_address: 10.5.0.2\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n',
    fixes: [],
  },
  {
    rule: 'ipv6-not-enabled',
    bad: 'services:\n  a:\n    image: x\n    networks: [v6]\nnetworks:\n  v6:\n    driver: bridge\n    ipam:\n      config:\n        - subnet: fd00:1::/64\n',
    findings: [[10, '"v6" has the IPv6 subnet fd00:1::/64 but no "enable_ipv6: true"']],
    good: 'services:\n  a:\n    image: x\n    networks: [v6]\nnetworks:\n  v6:\n    driver: bridge\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: fd00:1::/64\n',
    fixes: ['Add `enable_ipv6: true`'],
  },
  {
    rule: 'host-mode-ports',
    bad: 'services:\n  a:\n    image: x\n    network_mode: host\n    ports:\n      - "80:80"\n    restart: always\n',
    findings: [[5, 'engine discards these mappings']],
    good: 'services:\n  a:\n    image: x\n    network_mode: host\n    restart: always\n',
    fixes: ['Remove `ports`'],
  },
  {
    rule: 'deprecated-external-name',
    bad: 'services:\n  a:\n    image: x\n    networks: [proxy]\nnetworks:\n  proxy:\n    external:\n      name: traefik # shared\n',
    findings: [[7, 'use "name: traefik" with "external: true"']],
    good: 'services:\n  a:\n    image: x\n    networks: [proxy]\nnetworks:\n  proxy:\n    name: traefik # shared\n    external: true\n',
    fixes: ['Rewrite as `name:` + `external: true`'],
  },
  {
    rule: 'link-without-shared-network',
    bad: 'services:\n  a:\n    image: x\n    networks:\n      - front\n    links:\n      - b\n  b:\n    image: x\n    networks:\n      - back\nnetworks:\n  front: {}\n  back: {}\n',
    findings: [[7, 'links to "b" but they share no network (front vs back)']],
    good: 'services:\n  a:\n    image: x\n    networks:\n      - front\n      - back\n    links:\n      - b\n  b:\n    image: x\n    networks:\n      - back\nnetworks:\n  front: {}\n  back: {}\n',
    fixes: ['Join network "back" and drop the link to "b"'],
  },
  {
    rule: 'port-all-interfaces',
    bad: 'services:\n  a:\n    image: x\n    ports:\n      - 8080:80\n      - target: 443\n        published: 8443\n',
    findings: [
      [5, 'container port 80/tcp on every host interface'],
      [6, 'container port 443/tcp on every host interface'],
    ],
    good: 'services:\n  a:\n    image: x\n    ports:\n      - 127.0.0.1:8080:80\n      - target: 443\n        published: 8443\n        host_ip: 127.0.0.1\n',
    fixes: ['Bind to 127.0.0.1 only'],
  },
  {
    rule: 'host-network-mode',
    bad: 'services:\n  a:\n    image: x\n    network_mode: host\n',
    findings: [[4, 'uses the host network: every port it opens is open on the host']],
    good: 'services:\n  a:\n    image: x\n    network_mode: bridge\n',
    fixes: [],
  },
  {
    rule: 'engine-network-missing',
    bad: 'services:\n  a:\n    image: x\n    networks: [proxy]\nnetworks:\n  proxy:\n    name: sharedd\n    external: true\n',
    findings: [[6, 'External network "sharedd" does not exist on the engine']],
    good: 'services:\n  a:\n    image: x\n    networks: [proxy]\nnetworks:\n  proxy:\n    name: shared\n    external: true\n',
    fixes: [],
    engine: ENGINE,
  },
  {
    rule: 'engine-subnet-overlap',
    bad: 'services:\n  a:\n    image: x\n    networks: [mine]\nnetworks:\n  mine:\n    ipam:\n      config:\n        - subnet: 10.50.0.128/25\n',
    findings: [[9, '10.50.0.128/25 of network "mine" overlaps the engine\'s network "shared" (10.50.0.0/24)']],
    good: 'services:\n  a:\n    image: x\n    networks: [back]\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.60.0.0/24\n',
    fixes: [],
    engine: ENGINE,
  },
  {
    rule: 'engine-ip-in-use',
    bad: 'services:\n  a:\n    image: x\n    networks:\n      shared:\n        ipv4_address: 10.50.0.10\nnetworks:\n  shared:\n    external: true\n',
    findings: [[6, '10.50.0.10 on external network "shared" is already used by container "other-app"']],
    good: 'services:\n  a:\n    image: x\n    networks:\n      shared:\n        ipv4_address: 10.50.0.11\nnetworks:\n  shared:\n    external: true\n',
    fixes: [],
    engine: ENGINE,
  },
  {
    rule: 'engine-overlay-without-swarm',
    bad: 'services:\n  a:\n    image: x\n    networks: [back]\nnetworks:\n  back:\n    driver: overlay\n',
    findings: [[7, 'Network "back" uses the overlay driver, but the engine is not in a Swarm']],
    good: 'services:\n  a:\n    image: x\n    networks: [back]\nnetworks:\n  back:\n    driver: bridge\n',
    fixes: ['Use the bridge driver'],
    engine: ENGINE,
  },
  ...CONNECTIVITY_CASES,
];
