/**
 * unreachable-service as the user sees it (ruleOutput.ts): for each compose file, every finding's line and whole
 * message and every fix with the file it leaves, written out here. The rows vary what the rule table
 * (connectivityRules.test.ts) keeps fixed: the source's or the target's network mode, aliases, depends_on.
 */
import * as assert from 'node:assert/strict';
import type { ProjectView } from '../../../src/compose/rules/types';
import { shown } from './ruleOutput';

const RULES = ['unreachable-service'];
const svc = (name: string, body: string) => `  ${name}:\n    image: x\n${body}`;
const file = (services: string) => `services:\n${services}networks:\n  front: {}\n  back: {}\n`;
const DB_BACK = svc('db', '    networks: [back]\n');
const DB_ALIAS = svc('db', '    networks:\n      back:\n        aliases: [dbalias]\n');
const elsewhere = (...services: string[]): ProjectView => ({
  services: new Set(services),
  networks: new Set(),
  usedNetworks: new Set(),
});

const ROWS: Array<{ name: string; text: string; project?: ProjectView; lines: string[] }> = [
  {
    name: 'a service with an empty networks list names a service on another network',
    text: file(svc('api', '    networks: []\n    environment:\n      DB_HOST: db\n') + DB_BACK),
    lines: [
      '6 unreachable-service: Service "api" names "db" in DB_HOST but they share no network (api: none; db: back), so "db" does not resolve from "api". Put both on a common network.',
    ],
  },
  {
    name: 'depends_on a host-mode service only orders start-up',
    text: file(
      svc('api', '    networks: [front]\n    depends_on: [hostsvc]\n') + svc('hostsvc', '    network_mode: host\n'),
    ),
    lines: [],
  },
  {
    name: 'a host name of a host-mode service',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      METRICS_HOST: hostsvc\n') +
        svc('hostsvc', '    network_mode: host\n'),
    ),
    lines: [
      '6 unreachable-service: Service "api" names "hostsvc" in METRICS_HOST but "hostsvc" uses the host network, so its name resolves on no network. Reach it at the host\'s address instead (extra_hosts: "host.docker.internal:host-gateway").',
    ],
  },
  {
    name: 'a host-mode service names a service on a network: no join fix for the host network',
    text: file(svc('api', '    network_mode: host\n    environment:\n      DB_HOST: db\n') + DB_BACK),
    lines: [
      '6 unreachable-service: Service "api" names "db" in DB_HOST but uses the host\'s network stack, where service names do not resolve. Use localhost and a port "db" publishes, or join a network of "db" instead of the host network.',
    ],
  },
  {
    name: "a service in another's namespace: the fix would belong to the owner",
    text: file(
      svc('api', '    networks: [front]\n') +
        svc('side', '    network_mode: "service:api"\n    environment:\n      DB_HOST: db\n') +
        DB_BACK,
    ),
    lines: [
      '9 unreachable-service: Service "side" names "db" in DB_HOST but they share no network (side: front; db: back), so "db" does not resolve from "side". Put both on a common network.',
    ],
  },
  {
    name: 'a service sharing a namespace that is not in this file is not judged',
    text: file(svc('side', '    network_mode: "service:ghost"\n    environment:\n      DB_HOST: db\n') + DB_BACK),
    lines: [],
  },
  {
    name: 'a service another project file defines too is not judged',
    text: file(svc('api', '    networks: [front]\n    environment:\n      DB_HOST: db\n') + DB_BACK),
    project: elsewhere('api'),
    lines: [],
  },
  {
    name: 'a host-mode service naming an alias: reported as the host network, not as an alias',
    text: file(svc('api', '    network_mode: host\n    environment:\n      DB_HOST: dbalias\n') + DB_ALIAS),
    lines: [],
  },
  {
    name: 'an alias on a network the service does not join',
    text: file(svc('api', '    networks: [front]\n    environment:\n      DB_HOST: dbalias\n') + DB_ALIAS),
    lines: [
      '6 unreachable-service: Service "api" names "dbalias" in DB_HOST, an alias of "db" on network "back" only, which "api" does not join (front): the name does not resolve. Join "back".',
      'fix (preferred): Join network "back" (where "db" is)',
      'services:\n  api:\n    image: x\n    networks: [front, back]\n    environment:\n      DB_HOST: dbalias\n  db:\n    image: x\n    networks:\n      back:\n        aliases: [dbalias]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: 'depends_on an alias is no service reference',
    text: file(svc('api', '    networks: [front]\n    depends_on: [dbalias]\n') + DB_ALIAS),
    lines: [],
  },
  {
    name: 'an alias held by a service another project file defines',
    text: file(svc('api', '    networks: [front]\n    environment:\n      DB_HOST: dbalias\n') + DB_ALIAS),
    project: elsewhere('db'),
    lines: [],
  },
  {
    name: "a target in another service's namespace has no name of its own: left alone",
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      DB_HOST: dbside\n') +
        DB_BACK +
        svc('dbside', '    network_mode: "service:db"\n'),
    ),
    lines: [],
  },
  {
    name: 'a target with no network is none-mode-referenced, not this rule',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      JOB_HOST: job\n') +
        svc('job', '    network_mode: none\n'),
    ),
    lines: [],
  },
  {
    name: 'a target sharing a namespace not in this file: unknown, left alone',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      DB_HOST: dbside\n') +
        svc('dbside', '    network_mode: "service:ghost"\n'),
    ),
    lines: [],
  },
  {
    name: 'a comma-separated host list: each host trimmed',
    text: file(
      svc('api', '    networks: [back]\n    environment:\n      CACHE_HOSTS: "db, cache"\n') +
        DB_BACK +
        svc('cache', '    networks: [front]\n'),
    ),
    lines: [
      '6 unreachable-service: Service "api" names "cache" in CACHE_HOSTS but they share no network (api: back; cache: front), so "cache" does not resolve from "api". Put both on a common network.',
      'fix (preferred): Join network "front" (where "cache" is)',
      'services:\n  api:\n    image: x\n    networks: [back, front]\n    environment:\n      CACHE_HOSTS: "db, cache"\n  db:\n    image: x\n    networks: [back]\n  cache:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: 'a URL without a port names its host',
    text: file(
      svc('api', '    networks: [front]\n    environment:\n      DATABASE_URL: postgres://db/app\n') + DB_BACK,
    ),
    lines: [
      '6 unreachable-service: Service "api" names "db" in DATABASE_URL but they share no network (api: front; db: back), so "db" does not resolve from "api". Put both on a common network.',
      'fix (preferred): Join network "back" (where "db" is)',
      'services:\n  api:\n    image: x\n    networks: [front, back]\n    environment:\n      DATABASE_URL: postgres://db/app\n  db:\n    image: x\n    networks: [back]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: 'links are link-without-shared-network findings, not this rule',
    text: file(svc('api', '    networks: [front]\n    links: [db]\n') + DB_BACK),
    lines: [],
  },
  {
    name: 'a name an extra_hosts entry maps, among others',
    text: file(
      svc(
        'api',
        '    networks: [front]\n    extra_hosts: ["other:10.0.0.4", "db:10.0.0.5"]\n    environment:\n      DB_HOST: db\n',
      ) + DB_BACK,
    ),
    lines: [],
  },
  {
    name: 'extra_hosts and links that do not name the host leave the finding',
    text: file(
      svc(
        'api',
        '    networks: [front]\n    extra_hosts: ["other:10.0.0.4"]\n    links: ["c:cc"]\n    environment:\n      DB_HOST: db\n',
      ) +
        DB_BACK +
        svc('c', '    networks: [front]\n'),
    ),
    lines: [
      '8 unreachable-service: Service "api" names "db" in DB_HOST but they share no network (api: front; db: back), so "db" does not resolve from "api". Put both on a common network.',
      'fix (preferred): Join network "back" (where "db" is)',
      'services:\n  api:\n    image: x\n    networks: [front, back]\n    extra_hosts: ["other:10.0.0.4"]\n    links: ["c:cc"]\n    environment:\n      DB_HOST: db\n  db:\n    image: x\n    networks: [back]\n  c:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: 'a link alias among others names the host',
    text: file(
      svc('api', '    networks: [front]\n    links: ["c:cc", "c:db"]\n    environment:\n      DB_HOST: db\n') +
        DB_BACK +
        svc('c', '    networks: [front]\n'),
    ),
    lines: [],
  },
];

describe('unreachable-service: findings and fixes as shown', () => {
  for (const row of ROWS) {
    it(row.name, () =>
      assert.deepEqual(shown(row.text, RULES, row.project ? { project: row.project } : {}), row.lines),
    );
  }
});
