import * as assert from 'node:assert/strict';
import { interpolate, parseDotEnv } from '../../../src/compose/model/interpolate';
import { parseLongPort, parseShortPort } from '../../../src/compose/model/ports';
import { parseCompose } from '../../../src/compose/model/parseCompose';
import { lint } from './lintHelpers';

const env = new Map([
  ['SET', 'v'],
  ['EMPTY', ''],
]);

describe('compose interpolation', () => {
  const cases: [string, string, boolean][] = [
    ['plain', 'plain', false],
    ['${SET}', 'v', false],
    ['$SET-x', 'v-x', false],
    ['${MISSING}', '', true],
    ['${MISSING:-10.0.0.0/8}', '10.0.0.0/8', false],
    ['${EMPTY:-d}', 'd', false],
    ['${EMPTY-d}', '', false],
    ['${MISSING:?need it}', '', true],
    ['${SET:+alt}', 'alt', false],
    ['$${SET}', '${SET}', false],
    ['${MISSING:-${SET}}', 'v', false],
    ['${unclosed', '${unclosed', true],
    // Every operator against a set, an empty and an unset variable (Compose's interpolation rules).
    ['${SET:-d}', 'v', false],
    ['${MISSING-d}', 'd', false],
    ['${SET-d}', 'v', false],
    ['${EMPTY:?e}', '', true],
    ['${SET:?e}', 'v', false],
    ['${EMPTY?e}', '', false],
    ['${MISSING?e}', '', true],
    ['${SET?e}', 'v', false],
    ['${EMPTY:+alt}', '', false],
    ['${MISSING:+alt}', '', false],
    ['${SET+alt}', 'alt', false],
    ['${EMPTY+alt}', 'alt', false],
    ['${MISSING+alt}', '', false],
    ['${SET:-${MISSING}}', 'v', false],
    ['${MISSING:-${EMPTY:-d}x}', 'dx', false],
    ['a${SET}b$SET.c', 'avbv.c', false],
    ['$MISSING/x', '/x', true],
    ['cost $5 and $', 'cost $5 and $', false],
    ['${SET%x}', '', true],
    ['${1x}', '', true],
    ['${SET}${MISSING}', 'v', true],
  ];
  for (const [input, value, unresolved] of cases) {
    it(`${input} -> "${value}"${unresolved ? ' (unresolved)' : ''}`, () =>
      assert.deepEqual(interpolate(input, env), { value, unresolved }));
  }

  it('reads .env files with quotes, comments and export', () => {
    const e = parseDotEnv('# c\nA=1\nexport B="two words"\nC=3 # trailing\nD=\'x#y\'\nbad line\n');
    assert.deepEqual(
      [...e],
      [
        ['A', '1'],
        ['B', 'two words'],
        ['C', '3'],
        ['D', 'x#y'],
      ],
    );
  });

  it('never reports a value that stays unresolved, and judges a resolved one', () => {
    const text =
      'services:\n  a:\n    image: x\n    networks: [n]\n    ports: ["${P}:80"]\nnetworks:\n  n:\n    ipam:\n      config:\n        - subnet: ${SUBNET}\n';
    assert.deepEqual(lint(text, { rules: {} }), []);
    const bad = lint(text, {
      env: new Map([
        ['SUBNET', '10.0.0.1/8'],
        ['P', '99999'],
      ]),
      rules: {},
    })
      .map((f) => f.rule)
      .sort();
    assert.deepEqual(bad, ['invalid-cidr', 'malformed-port']);
  });
});

describe('compose ports', () => {
  it('parses the engine short syntax', () => {
    assert.deepEqual(parseShortPort('127.0.0.1:8000-8001:80-81/udp'), {
      spec: {
        hostIp: '127.0.0.1',
        hostStart: 8000,
        hostEnd: 8001,
        containerStart: 80,
        containerEnd: 81,
        protocol: 'udp',
      },
    });
    assert.deepEqual(parseShortPort('[::1]:80:80'), {
      spec: { hostIp: '::1', hostStart: 80, hostEnd: 80, containerStart: 80, containerEnd: 80, protocol: 'tcp' },
    });
    assert.deepEqual(parseShortPort('::1:80:80'), {
      spec: { hostIp: '::1', hostStart: 80, hostEnd: 80, containerStart: 80, containerEnd: 80, protocol: 'tcp' },
    });
    assert.deepEqual(parseShortPort('3000'), {
      spec: {
        hostIp: undefined,
        hostStart: undefined,
        hostEnd: undefined,
        containerStart: 3000,
        containerEnd: 3000,
        protocol: 'tcp',
      },
    });
    assert.ok('error' in parseShortPort('80-79:80'));
    assert.ok('error' in parseShortPort('8000-8002:80-81'));
    assert.ok('error' in parseShortPort('0:80'));
  });

  it('explains each malformed port the way the finding shows it, and reads the long syntax', () => {
    const error = (text: string) =>
      'error' in parseShortPort(text) ? (parseShortPort(text) as { error: string }).error : '';
    assert.equal(error('80/tpc'), 'protocol "tpc" is not one of tcp, udp, sctp');
    assert.equal(error('/udp'), 'the entry has no container port');
    assert.equal(error('1.2.3:80:80'), 'host address "1.2.3" is not an IP address');
    assert.equal(error('8080:http'), 'container port "http" is not a port number or range');
    assert.equal(error('70000:80'), 'host port "70000" is outside 1-65535');
    assert.equal(error('80:0'), 'container port "0" is outside 1-65535');
    assert.equal(error('80:65536'), 'container port "65536" is outside 1-65535');
    assert.equal(error('90-80:80'), 'host port range "90-80" ends before it starts');
    assert.equal(error('8000-8002:80-81'), 'host range "8000-8002" and container range "80-81" differ in size');
    assert.equal(error('65535:1'), '');
    assert.deepEqual(parseShortPort(' 8000-8010:80/UDP '), {
      spec: {
        hostIp: undefined,
        hostStart: 8000,
        hostEnd: 8010,
        containerStart: 80,
        containerEnd: 80,
        protocol: 'udp',
      },
    });
    assert.deepEqual(parseShortPort(':80:80'), {
      spec: { hostIp: undefined, hostStart: 80, hostEnd: 80, containerStart: 80, containerEnd: 80, protocol: 'tcp' },
    });
    assert.deepEqual(parseLongPort({ target: '80', published: '8000-8001', hostIp: '::1', protocol: 'UDP' }), {
      spec: { hostIp: '::1', hostStart: 8000, hostEnd: 8001, containerStart: 80, containerEnd: 80, protocol: 'udp' },
    });
    assert.deepEqual(parseLongPort({ target: '80', published: '', hostIp: '' }), {
      spec: {
        hostIp: undefined,
        hostStart: undefined,
        hostEnd: undefined,
        containerStart: 80,
        containerEnd: 80,
        protocol: 'tcp',
      },
    });
    assert.deepEqual(parseLongPort({}), { error: 'the long syntax needs a `target` port' });
    assert.deepEqual(parseLongPort({ target: '80-81' }), { error: '`target` must be a single port' });
    assert.deepEqual(parseLongPort({ target: 'x' }), { error: 'target "x" is not a port number or range' });
    assert.deepEqual(parseLongPort({ target: '80', protocol: 'icmp' }), {
      error: 'protocol "icmp" is not one of tcp, udp, sctp',
    });
    assert.deepEqual(parseLongPort({ target: '80', hostIp: 'lan' }), { error: 'host_ip "lan" is not an IP address' });
    assert.deepEqual(parseLongPort({ target: '80', published: '0' }), { error: 'published "0" is outside 1-65535' });
  });
});

describe('compose model', () => {
  it('follows merge keys and anchors, explicit keys winning', () => {
    const m = parseCompose(
      'x: &n\n  networks: [a]\n  network_mode: host\nservices:\n  s:\n    <<: *n\n    network_mode: bridge\n',
      new Map(),
    );
    assert.deepEqual(
      m.services[0].networks?.refs.map((r) => r.name),
      ['a'],
    );
    assert.equal(m.services[0].networkMode?.value.value, 'bridge');
    assert.equal(m.services[0].networks?.entry.local, false);
  });

  it('reports malformed YAML as the parser error, and nothing else', () => {
    const found = lint('services:\n  a:\n    networks: [x\n  b: {\n');
    assert.ok(found.length >= 1);
    assert.ok(found.every((f) => f.rule === 'yaml-syntax'));
  });
});
