/**
 * What the create-network and connect forms tell the user, as the validation issue each input gives (the commands
 * layer words every issue kind with its fields, src/commands/validationMessages.ts) or the value it accepts. A
 * table of inputs the main tests (networkValidation.test.ts) do not type: blanks around values, /31 and IPv6
 * subnets, numbers with letters, IPAM entries without a gateway, endpoints without an address.
 */
import * as assert from 'node:assert/strict';
import {
  checkAliases,
  checkAuxAddresses,
  checkHostAddress,
  checkInteger,
  checkInterfaceName,
  checkIpRange,
  checkLabels,
  checkNewSubnet,
  checkStaticAddress,
  parseSubnet,
  type Checked,
} from '../../../src/model/networkValidation';
import type { EndpointModel, IpamConfig, NetworkModel } from '../../../src/model/topology';
import { network as modelNetwork } from '../topology/fakeTopology';

const net = (name: string, ipam: Array<Partial<IpamConfig>>): NetworkModel =>
  modelNetwork(`id-${name}`, name, { builtIn: false, ipam: ipam.map((c) => ({ auxAddresses: {}, ...c })) });
const held = (container: string, ipv4?: string): EndpointModel => ({
  key: `id-app/${container}`,
  networkId: 'id-app',
  networkName: 'app',
  containerId: `cid-${container}`,
  containerName: container,
  ipv4,
  aliases: [],
  running: true,
});
const subnet = (text: string) => {
  const parsed = parseSubnet(text, text.includes(':') ? 'ipv6' : 'ipv4');
  assert.ok(parsed.ok);
  return parsed.value;
};
/** The accepted value (a subnet by its text) or the issue, as the form shows it. */
function shown(c: Checked<unknown>): unknown {
  if (!c.ok) return c.issue;
  const v = c.value as { text?: string };
  return { accepted: typeof v === 'object' && v && 'text' in v && 'prefix' in v ? v.text : c.value };
}

const APP = net('app', [
  { subnet: '10.1.0.0/24', gateway: '10.1.0.1' },
  { subnet: '10.2.0.0/24', gateway: 'not-an-ip' },
  { subnet: 'fd00:1::/64' },
]);
const ROWS: Array<[label: string, result: () => Checked<unknown>, expected: unknown]> = [
  ['a subnet typed with blanks', () => parseSubnet(' 10.9.0.0/24 ', 'ipv4'), { accepted: '10.9.0.0/24' }],
  [
    'a new subnet next to an engine network whose subnet text is garbage',
    () => checkNewSubnet('10.9.0.0/24', 'ipv4', [net('odd', [{ subnet: 'garbage' }, {}])]),
    { accepted: '10.9.0.0/24' },
  ],
  [
    'a gateway that is no address',
    () => checkHostAddress('gw', subnet('10.1.0.0/24')),
    { kind: 'badAddress', value: 'gw', family: 'ipv4' },
  ],
  [
    'a gateway typed with blanks',
    () => checkHostAddress(' 10.1.0.9 ', subnet('10.1.0.0/24')),
    { accepted: '10.1.0.9' },
  ],
  [
    'the first address of a /31 is a host',
    () => checkHostAddress('10.1.0.0', subnet('10.1.0.0/31')),
    { accepted: '10.1.0.0' },
  ],
  [
    'the second address of a /31 is a host',
    () => checkHostAddress('10.1.0.1', subnet('10.1.0.0/31')),
    { accepted: '10.1.0.1' },
  ],
  [
    'the broadcast address of a /30',
    () => checkHostAddress('10.1.0.3', subnet('10.1.0.0/30')),
    { kind: 'reservedAddress', value: '10.1.0.3', subnet: '10.1.0.0/30', reason: 'broadcast' },
  ],
  [
    'the network address of an IPv6 /64',
    () => checkHostAddress('fd00:1::', subnet('fd00:1::/64')),
    { kind: 'reservedAddress', value: 'fd00:1::', subnet: 'fd00:1::/64', reason: 'network' },
  ],
  [
    'the last address of an IPv6 /64 (no broadcast)',
    () => checkHostAddress('fd00:1::ffff:ffff:ffff:ffff', subnet('fd00:1::/64')),
    { accepted: 'fd00:1::ffff:ffff:ffff:ffff' },
  ],
  [
    'both addresses of an IPv6 /127',
    () => checkHostAddress('fd00:1::', subnet('fd00:1::/127')),
    { accepted: 'fd00:1::' },
  ],
  [
    'an IP range that is no CIDR',
    () => checkIpRange('half', subnet('10.1.0.0/24')),
    { kind: 'badCidr', value: 'half', family: 'ipv4' },
  ],
  [
    'an IP range as wide as its subnet',
    () => checkIpRange('10.1.0.0/24', subnet('10.1.0.0/24')),
    { accepted: '10.1.0.0/24' },
  ],
  [
    'an aux address without a name',
    () => checkAuxAddresses('=10.1.0.5', subnet('10.1.0.0/24')),
    { kind: 'badPair', value: '=10.1.0.5', example: 'router=10.1.0.5' },
  ],
  [
    'an IPv6 aux address without a name',
    () => checkAuxAddresses('router', subnet('fd00:1::/64')),
    { kind: 'badPair', value: 'router', example: 'router=fd00::5' },
  ],
  [
    'an aux address on the gateway',
    () => checkAuxAddresses('router = 10.1.0.1', subnet('10.1.0.0/24'), '10.1.0.1'),
    { kind: 'reservedAddress', value: '10.1.0.1', subnet: '10.1.0.0/24', reason: 'gateway' },
  ],
  [
    'aux addresses with blanks',
    () => checkAuxAddresses(' a = 10.1.0.5 ,b=10.1.0.6', subnet('10.1.0.0/24')),
    { accepted: { a: '10.1.0.5', b: '10.1.0.6' } },
  ],
  [
    'a gateway outside the subnet, typed with blanks',
    () => checkHostAddress(' 10.9.0.1 ', subnet('10.1.0.0/24')),
    { kind: 'outsideSubnet', value: '10.9.0.1', subnet: '10.1.0.0/24' },
  ],
  [
    'a label without a key after a blank',
    () => checkLabels('a=1, =x'),
    { kind: 'badPair', value: '=x', example: 'com.example.team=net' },
  ],
  [
    'a bare word as a label',
    () => checkLabels('team'),
    { kind: 'badPair', value: 'team', example: 'com.example.team=net' },
  ],
  ['an MTU with blanks', () => checkInteger(' 1500 ', 68, 65535), { accepted: 1500 }],
  [
    'an MTU followed by letters',
    () => checkInteger('1500b', 68, 65535),
    { kind: 'badInteger', value: '1500b', min: 68, max: 65535 },
  ],
  [
    'an MTU after letters',
    () => checkInteger('b1500', 68, 65535),
    { kind: 'badInteger', value: 'b1500', min: 68, max: 65535 },
  ],
  ['the smallest MTU', () => checkInteger('68', 68, 65535), { accepted: 68 }],
  ['the largest MTU', () => checkInteger('65535', 68, 65535), { accepted: 65535 }],
  [
    'an MTU above the largest',
    () => checkInteger('65536', 68, 65535),
    { kind: 'badInteger', value: '65536', min: 68, max: 65535 },
  ],
  ['an interface named .', () => checkInterfaceName('.'), { kind: 'badInterface', value: '.' }],
  ['an interface named ..', () => checkInterfaceName(' .. '), { kind: 'badInterface', value: '..' }],
  ['an interface name with blanks', () => checkInterfaceName(' eth0 '), { accepted: 'eth0' }],
  ['aliases after a blank', () => checkAliases(' web,  www '), { accepted: ['web', 'www'] }],
  ['an alias with a bad last character', () => checkAliases('web www!'), { kind: 'badAlias', value: 'www!' }],
  ['an alias of 253 characters', () => checkAliases('a'.repeat(253)), { accepted: ['a'.repeat(253)] }],
  ['an alias of 254 characters', () => checkAliases('a'.repeat(254)), { kind: 'badAlias', value: 'a'.repeat(254) }],
  [
    'a static address that is none',
    () => checkStaticAddress('ten', 'ipv4', APP, []),
    { kind: 'badAddress', value: 'ten', family: 'ipv4' },
  ],
  [
    'a static address outside both IPv4 subnets, typed with blanks',
    () => checkStaticAddress(' 10.3.0.5 ', 'ipv4', APP, []),
    { kind: 'outsideSubnet', value: '10.3.0.5', subnet: '10.1.0.0/24, 10.2.0.0/24' },
  ],
  [
    'the network address as a static address',
    () => checkStaticAddress('10.2.0.0', 'ipv4', APP, []),
    { kind: 'reservedAddress', value: '10.2.0.0', subnet: '10.2.0.0/24', reason: 'network' },
  ],
  [
    'the gateway as a static address',
    () => checkStaticAddress('10.1.0.1', 'ipv4', APP, []),
    { kind: 'reservedAddress', value: '10.1.0.1', subnet: '10.1.0.0/24', reason: 'gateway' },
  ],
  [
    'a free address beside endpoints without (valid) addresses',
    () => checkStaticAddress('10.2.0.7', 'ipv4', APP, [held('no-ip'), held('odd', 'garbage')]),
    { accepted: '10.2.0.7' },
  ],
  [
    'a free IPv6 address (its IPAM entry has no gateway)',
    () => checkStaticAddress('fd00:1::7', 'ipv6', APP, []),
    { accepted: 'fd00:1::7' },
  ],
];

describe('network form validation: the issue or value each input gives', () => {
  for (const [label, result, expected] of ROWS) it(label, () => assert.deepEqual(shown(result()), expected));
});
