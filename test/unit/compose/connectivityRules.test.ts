/**
 * The compose connectivity rules (unreachable-service, internal-network-ports, none-mode-referenced), table-driven:
 * each row is a compose file and the findings a user would see (line, rule, a key phrase), or none.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse } from 'yaml';
import { main } from '../../../src/compose/cli';
import { applyFix, lint } from './lintHelpers';

const RULE_IDS = [
  'unreachable-service',
  'internal-network-ports',
  'none-mode-referenced',
  'link-without-shared-network',
];

interface Row {
  name: string;
  text: string;
  /** [line, rule, phrase in the message] */
  expect: [number, string, RegExp][];
  services?: string[];
}

const svc = (name: string, body: string) => `  ${name}:\n    image: x\n${body}`;
const file = (services: string, networks = 'networks:\n  front: {}\n  back: {}\n') =>
  `services:\n${services}${networks}`;
const DB_BACK = svc('db', '    networks: [back]\n');

const ROWS: Row[] = [
  {
    name: 'a URL in a map-form environment, no shared network',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      DATABASE_URL: postgres://u:p@db:5432/app\n') + DB_BACK,
    ),
    expect: [[6, 'unreachable-service', /share no network \(api: front; db: back\)/]],
  },
  {
    name: 'KEY=host in a list-form environment',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      - MODE=prod\n      - DB_HOST=db\n') + DB_BACK,
    ),
    expect: [[7, 'unreachable-service', /names "db" in DB_HOST/]],
  },
  {
    name: 'host:port under any key',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      CACHE: redis:6379\n') +
        svc('redis', '    networks: [back]\n'),
    ),
    expect: [[6, 'unreachable-service', /names "redis" in CACHE/]],
  },
  {
    name: 'depends_on across networks, reported once per target (the environment use first)',
    text: file(
      svc('api', '    networks: [front]\n    depends_on: [db]\n    environment:\n      DB_HOST: db\n') + DB_BACK,
    ),
    expect: [[7, 'unreachable-service', /names "db" in DB_HOST/]],
  },
  {
    name: 'depends_on alone, long form',
    text: file(
      svc('api', '    networks: [front]\n    depends_on:\n      db:\n        condition: service_healthy\n') + DB_BACK,
    ),
    expect: [[6, 'unreachable-service', /depends on "db" but they share no network/]],
  },
  {
    name: 'depends_on a one-shot job that must complete: ordering only',
    text: file(
      svc(
        'api',
        '    networks: [front]\n    depends_on:\n      db:\n        condition: service_completed_successfully\n',
      ) + DB_BACK,
    ),
    expect: [],
  },
  {
    name: 'no networks key means the default network',
    text: file(svc('api', '    environment:\n      DB_HOST: db\n') + DB_BACK),
    expect: [[5, 'unreachable-service', /api: default; db: back/]],
  },
  {
    name: 'both on the default network',
    text: file(svc('api', '    environment:\n      DB_HOST: db\n') + svc('db', ''), ''),
    expect: [],
  },
  {
    name: "network_mode service: shares the owner's networks (owner on back)",
    text: file(
      svc('app', '    networks: [back]\n') +
        svc('side', '    network_mode: service:app\n    environment:\n      TARGET: http://db:80\n') +
        DB_BACK,
    ),
    expect: [],
  },
  {
    name: 'network_mode service: follows the owner (owner on front only)',
    text: file(
      svc('app', '    networks: [front]\n') +
        svc('side', '    network_mode: "service:app"\n    environment:\n      TARGET: http://db:80\n') +
        DB_BACK,
    ),
    expect: [[9, 'unreachable-service', /side: front; db: back/]],
  },
  {
    name: 'an alias resolves on its network',
    text: file(
      svc('api', '    networks: [back]\n    environment:\n      DB_HOST: database\n') +
        svc('db', '    networks:\n      back:\n        aliases: [database]\n'),
    ),
    expect: [],
  },
  {
    name: 'an alias does not resolve off its network',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      DB_HOST: database\n') +
        svc('db', '    networks:\n      back:\n        aliases: [database]\n'),
    ),
    expect: [[6, 'unreachable-service', /an alias of "db" on network "back" only/]],
  },
  {
    name: 'the host network: service names do not resolve there',
    text: file(svc('api', '    network_mode: host\n    environment:\n      DB_HOST: db\n') + DB_BACK),
    expect: [[6, 'unreachable-service', /host's network stack, where service names do not resolve/]],
  },
  {
    name: 'a target on the host network',
    text: file(
      svc('api', '    environment:\n      METRICS_URL: http://agent:9100/metrics\n') +
        svc('agent', '    network_mode: host\n'),
      '',
    ),
    expect: [[5, 'unreachable-service', /"agent" uses the host network/]],
  },
  {
    name: 'network_mode none as the source',
    text: file(svc('api', '    network_mode: none\n    environment:\n      DB_HOST: db\n') + DB_BACK),
    expect: [[6, 'unreachable-service', /has `network_mode: none`: it has no network at all/]],
  },
  {
    name: 'words that merely equal a service name are not host names',
    text: file(
      svc(
        'api',
        '    networks: [front]\n    environment:\n      MODE: db\n      CACHE_DRIVER: redis\n      NO_PROXY: db,redis\n      CORS_ORIGIN: http://db:3000\n      NOTE: "see db docs"\n',
      ) +
        DB_BACK +
        svc('redis', '    networks: [back]\n'),
    ),
    expect: [],
  },
  {
    name: 'extra_hosts maps the name itself',
    text: file(
      svc('api', '    networks: [front]\n    extra_hosts: ["db:10.0.0.5"]\n    environment:\n      DB_HOST: db\n') +
        DB_BACK,
    ),
    expect: [],
  },
  {
    name: 'an unresolved variable is not judged',
    text: file(
      svc(
        'api',
        '    networks: [front]\n    environment:\n      DB_HOST: ${DB_HOST}\n      URL: http://${HOST:?}:80\n',
      ) + DB_BACK,
    ),
    expect: [],
  },
  {
    name: 'another project file defines the target too (it may add networks)',
    text: file(svc('api', '    networks: [front]\n    environment:\n      DB_HOST: db\n') + DB_BACK),
    services: ['db'],
    expect: [],
  },
  {
    name: 'links stay with link-without-shared-network (no second finding)',
    text: file(svc('api', '    networks: [front]\n    links: [db]\n') + DB_BACK),
    expect: [[5, 'link-without-shared-network', /links to "db" but they share no network/]],
  },
  {
    name: 'ports on a service whose networks are all internal',
    text: file(
      svc('web', '    networks: [back]\n    ports:\n      - "8080:80"\n'),
      'networks:\n  back:\n    internal: true\n',
    ),
    expect: [[5, 'internal-network-ports', /all its networks \(back\) are internal/]],
  },
  {
    name: 'an internal default network',
    text: file(svc('web', '    ports: ["80"]\n'), 'networks:\n  default:\n    internal: true\n'),
    expect: [[4, 'internal-network-ports', /\(default\) are internal/]],
  },
  {
    name: 'ports with one internal and one ordinary network',
    text: file(
      svc('web', '    networks: [back, front]\n    ports: ["80:80"]\n'),
      'networks:\n  back:\n    internal: true\n  front: {}\n',
    ),
    expect: [],
  },
  {
    name: 'internal: false, or a network declared elsewhere, is not internal',
    text: file(
      svc('web', '    networks: [back, shared]\n    ports: ["80:80"]\n'),
      'networks:\n  back:\n    internal: false\n',
    ),
    expect: [],
  },
  {
    name: 'expose on an internal network is fine',
    text: file(svc('web', '    networks: [back]\n    expose: ["80"]\n'), 'networks:\n  back:\n    internal: true\n'),
    expect: [],
  },
  {
    name: 'links and a URL to a network_mode none service',
    text: file(
      svc('api', '    links: [worker]\n    environment:\n      - WORKER_URL=http://worker:8000\n') +
        svc('worker', '    network_mode: none\n'),
      '',
    ),
    expect: [[4, 'none-mode-referenced', /links to "worker", which has `network_mode: none`/]],
  },
  {
    name: 'a URL to a network_mode none service',
    text: file(
      svc('api', '    environment:\n      - WORKER_URL=http://worker:8000\n') +
        svc('worker', '    network_mode: none\n'),
      '',
    ),
    expect: [[5, 'none-mode-referenced', /names "worker" in WORKER_URL, which has `network_mode: none`/]],
  },
  {
    name: 'a network_mode none service nobody names',
    text: file(svc('api', '    environment:\n      MODE: worker\n') + svc('worker', '    network_mode: none\n'), ''),
    expect: [],
  },
];

describe('compose connectivity rules', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const project = row.services
        ? { services: new Set(row.services), networks: new Set<string>(), usedNetworks: new Set<string>() }
        : undefined;
      const found = lint(row.text, { project }).filter((f) => RULE_IDS.includes(f.rule));
      assert.deepEqual(
        found.map((f) => [f.start.line, f.rule]),
        row.expect.map(([line, rule]) => [line, rule]),
        found.map((f) => f.message).join('\n'),
      );
      row.expect.forEach(([, , phrase], i) => assert.match(found[i].message, phrase));
    });
  }
});

describe('compose connectivity fixes', () => {
  const fixOf = (text: string, rule: string) => lint(text).find((f) => f.rule === rule)?.fixes[0];
  const networksOf = (text: string, service: string) =>
    (parse(text) as { services: Record<string, { networks?: unknown }> }).services[service].networks;

  for (const [form, block, expected] of [
    ['block list', '    networks:\n      - front # keep\n', ['front', 'back']],
    [
      'block map with options',
      '    networks:\n      front:\n        priority: 10\n',
      { front: { priority: 10 }, back: {} },
    ],
    ['flow list', '    networks: [front]\n', ['front', 'back']],
    ['flow map', '    networks: {front: {}}\n', { front: {}, back: {} }],
  ] as const) {
    it(`joins the target's network (${form}) and the finding goes away`, () => {
      const text = file(svc('api', `${block}    environment:\n      DB_HOST: db\n`) + DB_BACK);
      const fix = fixOf(text, 'unreachable-service');
      assert.equal(fix?.title, 'Join network "back" (where "db" is)');
      const fixed = applyFix(text, fix);
      assert.deepEqual(networksOf(fixed, 'api'), expected);
      assert.deepEqual(
        lint(fixed).map((f) => f.rule),
        [],
      );
      if (form === 'block list') assert.match(fixed, /- front # keep\n {6}- back\n/);
    });
  }

  it('link-without-shared-network shares the join edit: a flow list stays valid YAML', () => {
    const text = file(svc('api', '    networks: [front]\n    links: [db]\n') + DB_BACK);
    const fixed = applyFix(text, fixOf(text, 'link-without-shared-network')!);
    assert.deepEqual(networksOf(fixed, 'api'), ['front', 'back']);
    assert.deepEqual(
      lint(fixed).map((f) => f.rule),
      [],
    );
  });

  it('offers no join fix when the service has no networks key (it would have to spell out default)', () => {
    const text = file(svc('api', '    environment:\n      DB_HOST: db\n') + DB_BACK);
    assert.deepEqual(lint(text).find((f) => f.rule === 'unreachable-service')?.fixes, []);
  });

  it('internal-network-ports: joining the ordinary network clears it', () => {
    const text = file(
      svc('web', '    networks: [back]\n    ports: ["127.0.0.1:80:80"]\n'),
      'networks:\n  back:\n    internal: true\n  front: {}\n',
    );
    const fixed = applyFix(text, fixOf(text, 'internal-network-ports')!);
    assert.deepEqual(networksOf(fixed, 'web'), ['back', 'front']);
    assert.deepEqual(
      lint(fixed).map((f) => f.rule),
      [],
    );
  });

  it('none-mode-referenced: removing network_mode puts the target on default with the source', () => {
    const text = file(
      svc('api', '    depends_on: [cache]\n') + svc('cache', '    network_mode: none\n    restart: always\n'),
      '',
    );
    const fixed = applyFix(text, fixOf(text, 'none-mode-referenced')!);
    assert.equal(fixed, file(svc('api', '    depends_on: [cache]\n') + svc('cache', '    restart: always\n'), ''));
    assert.deepEqual(
      lint(fixed).map((f) => f.rule),
      [],
    );
  });
});

describe('compose connectivity rules in the CLI', () => {
  it('docker-net-lint reports all three on a project (text output, file:line:col)', async () => {
    let out = '';
    const code = await main(
      [path.resolve(__dirname, '../../fixtures/compose/connectivity/compose.yaml')],
      (s) => (out += `${s}\n`),
      () => undefined,
    );
    assert.equal(code, 0, 'warnings only');
    const rows = out
      .split('\n')
      .filter((l) => l.includes('['))
      .map((l) => /:(\d+):\d+: warning (.*) \[([a-z-]+)\]$/.exec(l)?.slice(1));
    assert.deepEqual(
      rows.map((r) => r && [r[0], r[2]]),
      [
        ['6', 'none-mode-referenced'],
        ['8', 'unreachable-service'],
        ['12', 'internal-network-ports'],
      ],
    );
    assert.match(rows[1]![1], /names "db" in DATABASE_URL but they share no network/);
  });
});
