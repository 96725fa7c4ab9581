/**
 * address-outside-subnet, engine-overlay-without-swarm and undeclared-network as the user sees them
 * (ruleOutput.ts): every finding's line and whole message, every fix with the file it leaves, written out here.
 * The rows reach what the rule table (ruleCases.ts) and ruleBranches.test.ts do not: addresses that are no
 * address or of the other family, a Swarm manager or worker, a network name with no near match.
 */
import * as assert from 'node:assert/strict';
import type { LintOptions } from '../../../src/compose/lint';
import { ENGINE } from './ruleCases';
import { shown } from './ruleOutput';

const RULES = ['address-outside-subnet', 'engine-overlay-without-swarm', 'undeclared-network'];
const svc = (body: string) => `services:\n  a:\n    image: x\n${body}`;
const ipam = (config: string) => `networks:\n  n:\n    ipam:\n      config:\n        - ${config}\n`;
const OVERLAY = svc('    networks: [back]\n') + 'networks:\n  back:\n    driver: overlay\n';

const ROWS: Array<{ name: string; text: string; options?: Partial<LintOptions>; lines: string[] }> = [
  {
    name: "a gateway under a subnet that is no CIDR is that subnet's problem (invalid-cidr)",
    text: svc('    networks: [n]\n') + ipam('subnet: 10.0.0.0/33\n          gateway: 10.0.0.1'),
    lines: [],
  },
  {
    name: 'an aux address left to a variable is not judged',
    text: svc('    networks: [n]\n') + ipam('subnet: 10.0.0.0/24\n          aux_addresses:\n            host1: ${AUX}'),
    lines: [],
  },
  {
    name: 'a gateway that is no IP address',
    text: svc('    networks: [n]\n') + ipam('subnet: 10.0.0.0/24\n          gateway: 10.0.0.x'),
    lines: ['10 address-outside-subnet: The gateway "10.0.0.x" is not an IP address.'],
  },
  {
    name: 'an IPv4 gateway of an IPv6 subnet',
    text: svc('    networks: [n]\n') + ipam('subnet: fd00:1::/64\n          gateway: 10.0.0.1'),
    lines: [
      '10 address-outside-subnet: The gateway 10.0.0.1 is IPv4 but its subnet fd00:1::/64 of network "n" is not.',
    ],
  },
  {
    name: 'an ip_range of the other family',
    text: svc('    networks: [n]\n') + ipam('subnet: 10.0.0.0/24\n          ip_range: fd00:1::/80'),
    lines: [
      '10 address-outside-subnet: The ip_range fd00:1::/80 is of the other IP family than the subnet 10.0.0.0/24 of network "n".',
    ],
  },
  {
    name: 'an overlay network on a Swarm manager',
    text: OVERLAY,
    options: { engine: { ...ENGINE, swarm: 'manager' } },
    lines: [],
  },
  {
    name: 'an overlay network on a Swarm worker',
    text: OVERLAY,
    options: { engine: { ...ENGINE, swarm: 'worker' } },
    lines: [
      '7 engine-overlay-without-swarm: Network "back" uses the overlay driver, but the engine is a Swarm worker, and only managers create overlay networks: "compose up" would fail. Run it against a Swarm manager (a manager can promote this node with docker node promote), or use the bridge driver for a single host.',
      'fix: Use the bridge driver',
      'services:\n  a:\n    image: x\n    networks: [back]\nnetworks:\n  back:\n    driver: bridge\n',
    ],
  },
  { name: 'the default network needs no declaration', text: svc('    networks: [default]\n'), lines: [] },
  {
    name: 'an undeclared network with no near name: declaring it is the preferred fix',
    text: svc('    networks: [zzz]\n') + 'networks:\n  front: {}\n',
    lines: [
      '4 undeclared-network: Service "a" uses network "zzz", which is not declared under the top-level networks.',
      'fix (preferred): Declare network "zzz"',
      'services:\n  a:\n    image: x\n    networks: [zzz]\nnetworks:\n  front: {}\n  zzz: {}\n',
    ],
  },
];

describe('network rules: findings and fixes as shown', () => {
  for (const row of ROWS) it(row.name, () => assert.deepEqual(shown(row.text, RULES, row.options), row.lines));
});
