/**
 * The whole message of the "share no network" findings, as the Problems panel shows it: every network of both
 * sides listed, comma-separated, and "none" for a side with no network; and the host-network wording.
 */
import * as assert from 'node:assert/strict';
import { applyFix, lint } from './lintHelpers';

const messages = (text: string, rule: string) =>
  lint(text)
    .filter((f) => f.rule === rule)
    .map((f) => f.message);

describe('compose: the "share no network" messages in full', () => {
  it('link-without-shared-network lists both sides’ networks', () =>
    assert.deepEqual(
      messages(
        'services:\n  web:\n    image: x\n    networks: [a, b]\n    links: [db]\n  db:\n    image: x\n    networks: [c, d]\n' +
          'networks:\n  a: {}\n  b: {}\n  c: {}\n  d: {}\n',
        'link-without-shared-network',
      ),
      [
        'Service "web" links to "db" but they share no network (a, b vs c, d), so the link cannot resolve. ' +
          'Put both on a common network; its DNS replaces links.',
      ],
    ));

  it('unreachable-service names both sides and their networks', () => {
    const found = messages(
      'services:\n  web:\n    image: x\n    networks: [a, b]\n    depends_on: [db]\n  db:\n    image: x\n    networks: [c, d]\n' +
        'networks:\n  a: {}\n  b: {}\n  c: {}\n  d: {}\n',
      'unreachable-service',
    );
    assert.equal(found.length, 1);
    assert.match(
      found[0],
      /share no network \(web: a, b; db: c, d\), so "db" does not resolve from "web"\. Put both on a common network\.$/,
    );
  });

  it('a host-network service that names another by its service name is told to use localhost', () => {
    const found = messages(
      'services:\n  web:\n    image: x\n    network_mode: host\n    environment:\n      DB_HOST: db\n  db:\n    image: x\n',
      'unreachable-service',
    );
    assert.equal(found.length, 1);
    assert.match(
      found[0],
      /uses the host's network stack, where service names do not resolve\. Use localhost and a port "db" publishes, or join a network of "db" instead of the host network\.$/,
    );
  });
});

describe('compose: none-mode-referenced in full', () => {
  const text =
    'services:\n  app:\n    image: x\n    depends_on: [job, other, app]\n    links: [job]\n' +
    '  job:\n    image: x\n    network_mode: none\n  other:\n    image: x\n' +
    '  side:\n    image: x\n    networks: [n]\n    depends_on:\n      job:\n        condition: service_completed_successfully\n' +
    '  iso:\n    image: x\n    networks: [n]\n    depends_on: [job]\n' +
    'networks:\n  n: {}\n';

  it('reports each service naming a none-mode service once, with the whole advice', () => {
    const found = lint(text).filter((f) => f.rule === 'none-mode-referenced');
    assert.deepEqual(
      found.map((f) => [f.start.line, f.message]),
      [
        [
          4,
          'Service "app" depends on "job", which has `network_mode: none`: it has no network, so nothing can reach it. ' +
            'Give "job" a network, or wait for it with `condition: service_completed_successfully` if it is a one-shot job.',
        ],
        [
          20,
          'Service "iso" depends on "job", which has `network_mode: none`: it has no network, so nothing can reach it. ' +
            'Give "job" a network, or wait for it with `condition: service_completed_successfully` if it is a one-shot job.',
        ],
      ],
    );
  });

  it('offers to remove the mode only when the source sits on the default network', () => {
    const [fromApp, fromIso] = lint(text).filter((f) => f.rule === 'none-mode-referenced');
    assert.deepEqual(
      fromApp.fixes.map((f) => [f.title, f.preferred]),
      [['Remove `network_mode: none` from "job"', true]],
    );
    assert.deepEqual(fromIso.fixes, []);
  });

  it('says nothing when no service has network_mode: none', () =>
    assert.deepEqual(
      lint(text.replace('network_mode: none', 'network_mode: host')).filter((f) => f.rule === 'none-mode-referenced'),
      [],
    ));
});

describe('compose: shared-namespace-conflict and deprecated-external-name in full', () => {
  it('names each refused key of a service joined to another stack, with its line and a preferred removal', () => {
    const text =
      'services:\n  vpn:\n    image: x\n  app:\n    image: x\n    network_mode: "container:vpn:extra"\n' +
      '    ports: ["80:80"]\n    expose: ["81"]\n    dns: [1.1.1.1]\n    extra_hosts: ["a:10.0.0.1"]\n' +
      '    hostname: app\n    links: [vpn]\n  plain:\n    image: x\n    network_mode: bridge\n    hostname: p\n';
    const found = lint(text).filter((f) => f.rule === 'shared-namespace-conflict');
    assert.deepEqual(
      found.map((f) => [f.start.line, f.message.split(', so')[1], f.fixes.map((x) => [x.title, x.preferred])]),
      ['ports', 'expose', 'dns', 'extra_hosts', 'hostname', 'links'].map((key, i) => [
        7 + i,
        ` it cannot set "${key}" (the engine refuses it: conflicting options). Set it on the service that owns the network stack.`,
        [[`Remove \`${key}\``, true]],
      ]),
    );
    assert.ok(found[0].message.startsWith('Service "app" shares the network stack of "vpn:extra"'));
  });

  it('rewrites external: {name: X} keeping indentation and the line end, as the preferred fix', () => {
    const text = 'networks:\n  shared:\n      external:\n        name: corp-net\n';
    const [finding] = lint(text).filter((f) => f.rule === 'deprecated-external-name');
    assert.equal(finding.message, '"external: {name: ...}" is deprecated; use "name: corp-net" with "external: true".');
    assert.equal(finding.fixes[0].preferred, true);
    assert.equal(
      applyFix(text, finding.fixes[0]),
      'networks:\n  shared:\n      name: corp-net\n      external: true\n',
    );
    const flow = 'networks:\n  shared:\n    external: {name: corp-net}';
    const [inline] = lint(flow).filter((f) => f.rule === 'deprecated-external-name');
    assert.equal(applyFix(flow, inline.fixes[0]), 'networks:\n  shared:\n    name: corp-net\n    external: true');
    const named = 'networks:\n  shared:\n    name: corp\n    external:\n      name: corp-net\n';
    assert.deepEqual(lint(named).find((f) => f.rule === 'deprecated-external-name')?.fixes, []);
  });
});
