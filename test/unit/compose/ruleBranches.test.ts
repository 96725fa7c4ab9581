/**
 * The rule branches the one-case-per-rule table (ruleCases.ts) does not reach: each file below triggers (or must
 * not trigger) one branch, and the test checks every finding of that rule by its line (1-based, as the editor
 * shows it) and a key phrase of its message, or that there is none.
 */
import * as assert from 'node:assert/strict';
import { applyFix, assertFindings, lint } from './lintHelpers';

interface BranchCase {
  name: string;
  rule: string;
  text: string;
  findings: [line: number, phrase: string][];
}

const svc = (body: string, networks = '') => `services:\n  a:\n    image: x\n${body}${networks}`;

const BRANCHES: BranchCase[] = [
  {
    name: 'a port on 0.0.0.0 collides with the same port on a specific IPv4 address',
    rule: 'duplicate-published-port',
    text: 'services:\n  a:\n    image: x\n    ports: ["0.0.0.0:8080:80"]\n  b:\n    image: x\n    ports: ["127.0.0.1:8080:80"]\n',
    findings: [[7, 'Host port 8080/tcp on 127.0.0.1 is published by service "a" and again by service "b"']],
  },
  {
    name: 'a port on a specific IPv4 address collides with a later 0.0.0.0 one',
    rule: 'duplicate-published-port',
    text: 'services:\n  a:\n    image: x\n    ports: ["10.0.0.5:8080:80"]\n  b:\n    image: x\n    ports: ["0.0.0.0:8080:80"]\n',
    findings: [[7, 'Host port 8080/tcp on 0.0.0.0 is published by service "a" and again by service "b"']],
  },
  {
    name: ':: collides with a specific IPv6 address; the same port on IPv4 does not',
    rule: 'duplicate-published-port',
    text: 'services:\n  a:\n    image: x\n    ports: ["[::]:53:53/udp", "10.0.0.5:53:53/udp"]\n' +
      '  b:\n    image: x\n    ports:\n      - "[::1]:53:53/udp"\n',
    findings: [[8, 'Host port 53/udp on ::1 is published by service "a" and again by service "b"']],
  },
  {
    name: 'a service publishing one port twice is named as the same service',
    rule: 'duplicate-published-port',
    text: svc('    ports:\n      - "9000:80"\n      - "9000:81"\n'),
    findings: [[6, 'Host port 9000/tcp is published by service "a" and again by the same service']],
  },
  {
    name: 'a service\'s ipv6_address on a network without enable_ipv6',
    rule: 'ipv6-not-enabled',
    text: svc('    networks:\n      v6:\n        ipv6_address: fd00:1::5\n', 'networks:\n  v6:\n    driver: bridge\n'),
    findings: [[6, 'asks for the IPv6 address fd00:1::5 on network "v6", which does not set "enable_ipv6: true"']],
  },
  {
    name: 'a service\'s ipv6_address on an external network is the owner\'s business',
    rule: 'ipv6-not-enabled',
    text: svc('    networks:\n      v6:\n        ipv6_address: fd00:1::5\n', 'networks:\n  v6:\n    external: true\n'),
    findings: [],
  },
  {
    name: 'an ipv6_address outside every IPv6 subnet (the IPv4 one is no excuse)',
    rule: 'static-ip-outside-subnet',
    text: svc('    networks:\n      back:\n        ipv6_address: fd00:2::5\n',
      'networks:\n  back:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: 10.9.0.0/24\n' +
      '        - subnet: fd00:1::/64\n'),
    findings: [[6, 'The ipv6_address fd00:2::5 of service "a" is outside every subnet of network "back" (fd00:1::/64)']],
  },
  {
    name: 'an ipv6_address inside its subnet is fine',
    rule: 'static-ip-outside-subnet',
    text: svc('    networks:\n      back:\n        ipv6_address: fd00:1::5\n',
      'networks:\n  back:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: fd00:1::/64\n'),
    findings: [],
  },
  {
    name: 'an IPv6 address given as ipv4_address',
    rule: 'static-ip-outside-subnet',
    text: svc('    networks:\n      back:\n        ipv4_address: fd00:1::5\n',
      'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.9.0.0/24\n'),
    findings: [[6, 'The ipv4_address "fd00:1::5" of service "a" is not an IPv4 address']],
  },
  {
    name: 'an explicit 0.0.0.0: and [::]: bind every interface; 127.0.0.1 does not',
    rule: 'port-all-interfaces',
    text: svc('    ports:\n      - "0.0.0.0:8080:80"\n      - "[::]:8443:443"\n      - "127.0.0.1:9000:9000"\n'),
    findings: [[5, 'container port 80/tcp on every host interface'], [6, 'container port 443/tcp on every host interface']],
  },
  {
    name: 'an ip_range wider than its subnet (same start address) is not inside it',
    rule: 'address-outside-subnet',
    text: svc('    networks: [back]\n',
      'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          ip_range: 172.28.0.0/15\n'),
    findings: [[10, 'The ip_range 172.28.0.0/15 is not inside the subnet 172.28.0.0/16 of network "back"']],
  },
];

describe('compose rules: branches beyond the one case per rule', () => {
  for (const c of BRANCHES) {
    it(`${c.rule}: ${c.name}`, () => {
      assertFindings(lint(c.text), c.rule, c.findings);
    });
  }

  it('port-all-interfaces: the fix rewrites an explicit 0.0.0.0 to 127.0.0.1', () => {
    const text = svc('    ports:\n      - "0.0.0.0:8080:80"\n');
    const finding = lint(text).find((f) => f.rule === 'port-all-interfaces');
    assert.ok(finding?.fixes[0], 'a fix is offered');
    assert.match(applyFix(text, finding.fixes[0]), /- "127\.0\.0\.1:8080:80"\n/);
  });
});
