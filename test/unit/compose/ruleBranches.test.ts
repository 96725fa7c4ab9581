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
    text:
      'services:\n  a:\n    image: x\n    ports: ["[::]:53:53/udp", "10.0.0.5:53:53/udp"]\n' +
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
    name: "a service's ipv6_address on a network without enable_ipv6",
    rule: 'ipv6-not-enabled',
    text: svc('    networks:\n      v6:\n        ipv6_address: fd00:1::5\n', 'networks:\n  v6:\n    driver: bridge\n'),
    findings: [[6, 'asks for the IPv6 address fd00:1::5 on network "v6", which does not set "enable_ipv6: true"']],
  },
  {
    name: "a service's ipv6_address on an external network is the owner's business",
    rule: 'ipv6-not-enabled',
    text: svc('    networks:\n      v6:\n        ipv6_address: fd00:1::5\n', 'networks:\n  v6:\n    external: true\n'),
    findings: [],
  },
  {
    name: 'an ipv6_address outside every IPv6 subnet (the IPv4 one is no excuse)',
    rule: 'static-ip-outside-subnet',
    text: svc(
      '    networks:\n      back:\n        ipv6_address: fd00:2::5\n',
      'networks:\n  back:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: 10.9.0.0/24\n' +
        '        - subnet: fd00:1::/64\n',
    ),
    findings: [
      [6, 'The ipv6_address fd00:2::5 of service "a" is outside every subnet of network "back" (fd00:1::/64)'],
    ],
  },
  {
    name: 'an ipv6_address inside its subnet is fine',
    rule: 'static-ip-outside-subnet',
    text: svc(
      '    networks:\n      back:\n        ipv6_address: fd00:1::5\n',
      'networks:\n  back:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: fd00:1::/64\n',
    ),
    findings: [],
  },
  {
    name: 'an IPv6 address given as ipv4_address',
    rule: 'static-ip-outside-subnet',
    text: svc(
      '    networks:\n      back:\n        ipv4_address: fd00:1::5\n',
      'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.9.0.0/24\n',
    ),
    findings: [[6, 'The ipv4_address "fd00:1::5" of service "a" is not an IPv4 address']],
  },
  {
    name: 'an explicit 0.0.0.0: and [::]: bind every interface; 127.0.0.1 does not',
    rule: 'port-all-interfaces',
    text: svc('    ports:\n      - "0.0.0.0:8080:80"\n      - "[::]:8443:443"\n      - "127.0.0.1:9000:9000"\n'),
    findings: [
      [5, 'container port 80/tcp on every host interface'],
      [6, 'container port 443/tcp on every host interface'],
    ],
  },
  {
    name: 'an ip_range wider than its subnet (same start address) is not inside it',
    rule: 'address-outside-subnet',
    text: svc(
      '    networks: [back]\n',
      'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          ip_range: 172.28.0.0/15\n',
    ),
    findings: [[10, 'The ip_range 172.28.0.0/15 is not inside the subnet 172.28.0.0/16 of network "back"']],
  },
  {
    name: "services in host mode or in another service's namespace claim no published port",
    rule: 'duplicate-published-port',
    text:
      'services:\n  a:\n    image: x\n    ports: ["8080:80"]\n  b:\n    image: x\n    network_mode: host\n' +
      '    ports: ["8080:80"]\n  c:\n    image: x\n    network_mode: "service:a"\n    ports: ["8080:80"]\n' +
      '  d:\n    image: x\n    network_mode: "container:abc"\n    ports: ["8080:80"]\n',
    findings: [],
  },
  {
    name: 'exposed-only ports and a host range for one container port are no fixed claim',
    rule: 'duplicate-published-port',
    text: svc('    ports:\n      - "80"\n      - "80"\n      - "8000-8010:80"\n      - "8000-8010:81"\n'),
    findings: [],
  },
  {
    name: 'a third service on the same port is reported once, against the first',
    rule: 'duplicate-published-port',
    text:
      'services:\n  a:\n    image: x\n    ports: ["7000:80"]\n  b:\n    image: x\n    ports: ["7000:80"]\n' +
      '  c:\n    image: x\n    ports: ["7000:80"]\n',
    findings: [
      [7, 'by service "a" and again by service "b"'],
      [10, 'by service "a" and again by service "c"'],
    ],
  },
  {
    name: 'overlapping host ranges collide on the first shared port',
    rule: 'duplicate-published-port',
    text:
      'services:\n  a:\n    image: x\n    ports: ["9000-9005:9000-9005"]\n  b:\n    image: x\n' +
      '    ports: ["9003-9008:9003-9008"]\n  c:\n    image: x\n    ports: ["9009:80", "9005/udp"]\n',
    findings: [[7, 'Host port 9003/tcp is published by service "a" and again by service "b"']],
  },
  {
    name: 'an enable_ipv6 left to a variable is not judged',
    rule: 'ipv6-not-enabled',
    text: svc(
      '    networks:\n      v6:\n        ipv6_address: fd00:1::5\n',
      'networks:\n  v6:\n    enable_ipv6: ${V6}\n    ipam:\n      config:\n        - subnet: fd00:1::/64\n',
    ),
    findings: [],
  },
  {
    name: 'enable_ipv6: true silences both the subnet and the service address; an IPv4 ipv6_address is not its case',
    rule: 'ipv6-not-enabled',
    text:
      'services:\n  a:\n    image: x\n    networks:\n      v6:\n        ipv6_address: fd00:1::5\n      v4:\n' +
      '        ipv6_address: 10.0.0.5\nnetworks:\n  v6:\n    enable_ipv6: true\n    ipam:\n      config:\n' +
      '        - subnet: fd00:1::/64\n  v4: {}\n',
    findings: [],
  },
  {
    name: 'enable_ipv6: false with an IPv6 subnet',
    rule: 'ipv6-not-enabled',
    text: svc(
      '    networks: [v6]\n',
      'networks:\n  v6:\n    enable_ipv6: false\n    ipam:\n      config:\n' + '        - subnet: fd00:1::/64\n',
    ),
    findings: [[10, 'Network "v6" has the IPv6 subnet fd00:1::/64 but no "enable_ipv6: true"']],
  },
  {
    name: 'an IPv4 address given as ipv6_address, and an ipv6_address that is no address at all',
    rule: 'static-ip-outside-subnet',
    text: svc(
      '    networks:\n      back:\n        ipv6_address: 10.9.0.5\n      other:\n        ipv6_address: nope\n',
      'networks:\n  back:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: fd00:1::/64\n  other: {}\n',
    ),
    findings: [
      [6, 'The ipv6_address "10.9.0.5" of service "a" is not an IPv6 address'],
      [8, 'The ipv6_address "nope" of service "a" is not an IPv6 address'],
    ],
  },
  {
    name: 'outside every subnet lists them all; external networks and unresolved subnets are not judged',
    rule: 'static-ip-outside-subnet',
    text: svc(
      '    networks:\n      back:\n        ipv4_address: 10.7.0.5\n      ext:\n        ipv4_address: 10.7.0.5\n' +
        '      var:\n        ipv4_address: 10.7.0.5\n',
      'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.8.0.0/24\n        - subnet: 10.9.0.0/24\n' +
        '  ext:\n    external: true\n  var:\n    ipam:\n      config:\n        - subnet: 10.8.0.0/24\n' +
        '        - subnet: ${NET}\n',
    ),
    findings: [[6, 'outside every subnet of network "back" (10.8.0.0/24, 10.9.0.0/24)']],
  },
  {
    name: 'host mode and shared namespaces publish nothing of their own',
    rule: 'port-all-interfaces',
    text:
      'services:\n  a:\n    image: x\n    network_mode: host\n    ports: ["80:80"]\n  b:\n    image: x\n' +
      '    network_mode: "service:a"\n    ports: ["81:81"]\n  c:\n    image: x\n    network_mode: "container:x"\n' +
      '    ports: ["82:82"]\n',
    findings: [],
  },
  {
    name: 'a port without an address collides with the same port on 127.0.0.1',
    rule: 'duplicate-published-port',
    text: 'services:\n  a:\n    image: x\n    ports: ["8080:80"]\n  b:\n    image: x\n    ports: ["127.0.0.1:8080:80"]\n',
    findings: [[7, 'Host port 8080/tcp on 127.0.0.1 is published by service "a" and again by service "b"']],
  },
  {
    name: 'the service written first is named first, even when the later one starts lower',
    rule: 'duplicate-published-port',
    text: 'services:\n  a:\n    image: x\n    ports: ["9003:80"]\n  b:\n    image: x\n    ports: ["9000-9005:9000-9005"]\n',
    findings: [[7, 'Host port 9003/tcp is published by service "a" and again by service "b"']],
  },
  {
    name: "a service's ipv6_address on a network with enable_ipv6: false",
    rule: 'ipv6-not-enabled',
    text: svc(
      '    networks:\n      v6:\n        ipv6_address: fd00:1::5\n',
      'networks:\n  v6:\n    enable_ipv6: false\n',
    ),
    findings: [[6, 'asks for the IPv6 address fd00:1::5 on network "v6"']],
  },
  {
    name: 'undeclared and external networks, an address inside the second subnet, no subnet of its family',
    rule: 'static-ip-outside-subnet',
    text: svc(
      '    networks:\n      nowhere:\n        ipv4_address: 10.7.0.5\n      ext:\n        ipv4_address: 10.7.0.5\n' +
        '      two:\n        ipv4_address: 10.9.0.5\n      v6only:\n        ipv4_address: 10.7.0.5\n',
      'networks:\n  ext:\n    external: true\n    ipam:\n      config:\n        - subnet: 10.8.0.0/24\n' +
        '  two:\n    ipam:\n      config:\n        - subnet: 10.8.0.0/24\n        - subnet: 10.9.0.0/24\n' +
        '  v6only:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: fd00:1::/64\n',
    ),
    findings: [],
  },
];

describe('compose rules: branches beyond the one case per rule', () => {
  for (const c of BRANCHES) {
    it(`${c.rule}: ${c.name}`, () => {
      assertFindings(lint(c.text), c.rule, c.findings);
    });
  }

  /** The text after the first fix of the rule's first finding. */
  const fixed = (text: string, rule: string, title: string): string => {
    const fix = lint(text).find((f) => f.rule === rule)?.fixes[0];
    assert.equal(fix?.title, title);
    assert.equal(fix?.preferred, true, 'offered as the preferred quick fix');
    return applyFix(text, fix!);
  };

  it('port-all-interfaces: the fix binds each form of port to 127.0.0.1, keeping quotes and layout', () => {
    const bind = 'Bind to 127.0.0.1 only';
    const port = (entry: string) => fixed(svc(`    ports:\n      - ${entry}\n`), 'port-all-interfaces', bind);
    assert.match(port('"0.0.0.0:8080:80"'), /- "127\.0\.0\.1:8080:80"\n/);
    assert.match(port("'8080:80'"), /- '127\.0\.0\.1:8080:80'\n/);
    assert.match(port('8080:80/udp'), /- "127\.0\.0\.1:8080:80\/udp"\n/);
    assert.match(port('"80"'), /- "127\.0\.0\.1::80"\n/);
    assert.match(
      port('target: 80\n        published: 8080\n        host_ip: 0.0.0.0'),
      /- target: 80\n {8}published: 8080\n {8}host_ip: 127\.0\.0\.1\n/,
    );
    assert.match(port('target: 80\n        published: 8080'), /- host_ip: 127\.0\.0\.1\n {8}target: 80\n/);
  });

  it('ipv6-not-enabled: the fix sets an explicit false to true, or adds the key before the first one', () => {
    const net = (body: string) =>
      svc(
        '    networks: [v6]\n',
        `networks:\n  v6:\n${body}    ipam:\n      config:\n` + '        - subnet: fd00:1::/64\n',
      );
    assert.match(
      fixed(net('    enable_ipv6: false\n'), 'ipv6-not-enabled', 'Set `enable_ipv6: true`'),
      /\n {4}enable_ipv6: true\n {4}ipam:/,
    );
    assert.match(
      fixed(net('    driver: bridge\n'), 'ipv6-not-enabled', 'Add `enable_ipv6: true`'),
      /\n {2}v6:\n {4}enable_ipv6: true\n {4}driver: bridge\n/,
    );
    const onService = svc(
      '    networks:\n      v6:\n        ipv6_address: fd00:1::5\n',
      'networks:\n  v6:\n    driver: bridge\n',
    );
    assert.match(
      fixed(onService, 'ipv6-not-enabled', 'Add `enable_ipv6: true`'),
      /\n {4}enable_ipv6: true\n {4}driver/,
    );
  });
});
