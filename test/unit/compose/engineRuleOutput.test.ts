/**
 * The engine-aware rules (engine-subnet-overlap, engine-ip-in-use) and malformed-port, unused-network as the user
 * sees them (ruleOutput.ts): every finding's line and whole message, every fix with the file it leaves, written
 * out here. The engine is the rule table's (ruleCases.ts) plus networks with two subnets, an IPv6 holder and this
 * project's own network.
 */
import * as assert from 'node:assert/strict';
import type { EngineView } from '../../../src/compose/rules/types';
import { endpoint, ENGINE, net } from './ruleCases';
import { shown } from './ruleOutput';

const RULES = ['engine-subnet-overlap', 'engine-ip-in-use', 'malformed-port', 'unused-network'];
const ENGINE2: EngineView = {
  networks: [
    ...ENGINE.networks,
    net('gateway-only', undefined, { ipam: [{ gateway: '10.80.0.1', auxAddresses: {} }] }),
    net('dual', '10.70.0.0/24', {
      ipam: [
        { subnet: '10.70.0.0/24', auxAddresses: {} },
        { subnet: 'fd00:70::/64', auxAddresses: {} },
      ],
    }),
    net('shared6', 'fd00:50::/64'),
    net('split', '10.90.0.0/24', {
      ipam: [
        { subnet: '10.90.0.0/24', auxAddresses: {} },
        { gateway: '10.91.0.1', auxAddresses: {} },
      ],
    }),
  ],
  endpointsByNetwork: new Map([
    ...ENGINE.endpointsByNetwork,
    ['id-demo_back', [endpoint('demo_back', 'demo-a-1', '10.60.0.5')]],
    ['id-shared6', [{ ...endpoint('shared6', 'v6-app', ''), ipv4: undefined, ipv6: 'fd00:50::10' }]],
  ]),
};
const svc = (body: string) => `services:\n  a:\n    image: x\n${body}`;
const subnet = (name: string, cidr: string, extra = '') =>
  `  ${name}:\n${extra}    ipam:\n      config:\n        - subnet: ${cidr}\n`;

const ROWS: Array<{ name: string; text: string; lines: string[] }> = [
  {
    name: "an external network is the engine's own business",
    text: svc('    networks: [shared]\n') + 'networks:\n' + subnet('shared', '172.17.5.0/24', '    external: true\n'),
    lines: [],
  },
  {
    name: 'a network named after the engine network it is',
    text: svc('    networks: [mine]\n') + 'networks:\n' + subnet('mine', '10.50.0.0/24', '    name: shared\n'),
    lines: [],
  },
  {
    name: 'another network of this project already on the engine',
    text: svc('    networks: [front]\n') + 'networks:\n' + subnet('front', '10.60.0.0/24'),
    lines: [],
  },
  {
    name: 'a subnet overlapping one of two subnets of an engine network (one network has no subnet)',
    text: svc('    networks: [mine]\n') + 'networks:\n' + subnet('mine', '10.70.0.0/25'),
    lines: [
      '9 engine-subnet-overlap: The subnet 10.70.0.0/25 of network "mine" overlaps the engine\'s network "dual" (10.70.0.0/24, fd00:70::/64); the engine would refuse to create it. Pick a free range.',
    ],
  },
  {
    name: 'an address held on the external network, next to a service without networks',
    text:
      'services:\n  b:\n    image: x\n' +
      svc('    networks:\n      shared:\n        ipv4_address: 10.50.0.10\n').slice('services:\n'.length) +
      'networks:\n  shared:\n    external: true\n',
    lines: [
      '8 engine-ip-in-use: The address 10.50.0.10 on external network "shared" is already used by container "other-app"; "compose up" would fail (Address already in use).',
    ],
  },
  {
    name: "an address on this project's own network is its own container's",
    text: svc('    networks:\n      back:\n        ipv4_address: 10.60.0.5\n') + 'networks:\n  back: {}\n',
    lines: [],
  },
  {
    name: 'an address on an undeclared network',
    text: svc('    networks:\n      ghost:\n        ipv4_address: 10.50.0.10\n'),
    lines: [],
  },
  {
    name: 'an address on an external network the engine lacks',
    text:
      svc('    networks:\n      absent:\n        ipv4_address: 10.50.0.10\n') +
      'networks:\n  absent:\n    external: true\n',
    lines: [],
  },
  {
    name: 'an IPv6 address held on the external network, written another way',
    text:
      svc('    networks:\n      shared6:\n        ipv6_address: "fd00:50:0:0::10"\n') +
      'networks:\n  shared6:\n    external: true\n',
    lines: [
      '6 engine-ip-in-use: The address fd00:50:0:0::10 on external network "shared6" is already used by container "v6-app"; "compose up" would fail (Address already in use).',
    ],
  },
  {
    name: 'a free IPv6 address on the external network where another one is held',
    text:
      svc('    networks:\n      shared6:\n        ipv6_address: "fd00:50::11"\n') +
      'networks:\n  shared6:\n    external: true\n',
    lines: [],
  },
  {
    name: 'an engine network with an IPAM entry without a subnet names only its subnets',
    text: svc('    networks: [mine]\n') + 'networks:\n' + subnet('mine', '10.90.0.0/25'),
    lines: [
      '9 engine-subnet-overlap: The subnet 10.90.0.0/25 of network "mine" overlaps the engine\'s network "split" (10.90.0.0/24); the engine would refuse to create it. Pick a free range.',
    ],
  },
  {
    name: 'a malformed long-form port',
    text: svc('    ports:\n      - target: 80\n        published: "99999"\n'),
    lines: ['5 malformed-port: Service "a": malformed port "mapping": published "99999" is outside 1-65535.'],
  },
  {
    name: 'a malformed short port next to a service without ports',
    text: 'services:\n  b:\n    image: x\n' + svc('    ports: ["80:80:80:80"]\n').slice('services:\n'.length),
    lines: ['6 malformed-port: Service "a": malformed port "80:80:80:80": host address "80:80" is not an IP address.'],
  },
  {
    name: 'an unused external network',
    text: svc('    networks: [front]\n') + 'networks:\n  front: {}\n  proxy:\n    external: true\n',
    lines: [
      '7 unused-network: Network "proxy" is declared but no service uses it.',
      'fix (preferred): Remove network "proxy"',
      'services:\n  a:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n',
    ],
  },
  {
    name: 'an unused network Compose would create',
    text: svc('    networks: [front]\n') + 'networks:\n  front: {}\n  spare:\n    driver: bridge\n',
    lines: [
      '7 unused-network: Network "spare" is declared but no service uses it (Compose creates it anyway).',
      'fix (preferred): Remove network "spare"',
      'services:\n  a:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n',
    ],
  },
];

describe('engine rules, malformed-port, unused-network: findings and fixes as shown', () => {
  for (const row of ROWS) {
    it(row.name, () => assert.deepEqual(shown(row.text, RULES, { engine: ENGINE2 }), row.lines));
  }
});
