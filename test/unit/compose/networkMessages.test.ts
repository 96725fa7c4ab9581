/**
 * The whole message of the "share no network" findings, as the Problems panel shows it: every network of both
 * sides listed, comma-separated, and "none" for a side with no network; and the host-network wording.
 */
import * as assert from 'node:assert/strict';
import { lint } from './lintHelpers';

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
