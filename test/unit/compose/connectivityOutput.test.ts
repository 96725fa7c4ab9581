/**
 * link-without-shared-network, none-mode-referenced and internal-network-ports as the user sees them
 * (ruleOutput.ts): every finding's line and whole message, every fix with the file it leaves, written out here.
 * The rows vary what the rule table (connectivityRules.test.ts) keeps fixed: the link's form and its target's
 * network entry, the source's attachment, the networks a service could join.
 */
import * as assert from 'node:assert/strict';
import type { ProjectView } from '../../../src/compose/rules/types';
import { shown } from './ruleOutput';

const RULES = ['link-without-shared-network', 'none-mode-referenced', 'internal-network-ports'];
const svc = (name: string, body: string) => `  ${name}:\n    image: x\n${body}`;
const NETS = 'networks:\n  front: {}\n  back: {}\n';
const file = (services: string) => `services:\n${services}${NETS}`;
/** a links to b under an alias; b's network entry as given. */
const aliasLink = (entry: string) =>
  file(svc('a', '    networks: [front]\n    links: ["b:database"]\n') + svc('b', `    networks:\n      ${entry}\n`));

const ROWS: Array<{ name: string; text: string; project?: ProjectView; lines: string[] }> = [
  {
    name: "an alias kept on the target's bare entry",
    text: aliasLink('back:'),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "back" and drop the link to "b" (alias "database" kept on that network)',
      'services:\n  a:\n    image: x\n    networks: [front, back]\n  b:\n    image: x\n    networks:\n      back:\n        aliases: [database]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: "an alias kept on the target's null entry with a comment",
    text: aliasLink('back: null   # shared'),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "back" and drop the link to "b" (alias "database" kept on that network)',
      'services:\n  a:\n    image: x\n    networks: [front, back]\n  b:\n    image: x\n    networks:\n      back:\n        aliases: [database]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: "an alias kept on the target's ~ entry",
    text: aliasLink('back: ~'),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "back" and drop the link to "b" (alias "database" kept on that network)',
      'services:\n  a:\n    image: x\n    networks: [front, back]\n  b:\n    image: x\n    networks:\n      back:\n        aliases: [database]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: "an alias kept on the target's spaced empty map",
    text: aliasLink('back:  {  }'),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "back" and drop the link to "b" (alias "database" kept on that network)',
      'services:\n  a:\n    image: x\n    networks: [front, back]\n  b:\n    image: x\n    networks:\n      back:\n        aliases: [database]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: 'no alias fix when the target lists an empty aliases key',
    text: aliasLink('back:\n        aliases: []'),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
    ],
  },
  {
    name: "the alias kept on the target's entry at the very end of the file",
    text: `${NETS}services:\n${svc('a', '    networks: [front]\n    links: ["b:database"]\n')}${svc('b', '    networks:\n      back:')}`,
    lines: [
      '8 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "back" and drop the link to "b" (alias "database" kept on that network)',
      'networks:\n  front: {}\n  back: {}\nservices:\n  a:\n    image: x\n    networks: [front, back]\n  b:\n    image: x\n    networks:\n      back:\n        aliases: [database]',
    ],
  },
  {
    name: 'an alias link to a target without a networks key: no fix (its default network has no entry)',
    text: file(svc('a', '    networks: [front]\n    links: ["b:database"]\n') + svc('b', '')),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs default), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
    ],
  },
  {
    name: 'a plain link, its only one: the links key goes, no alias is added',
    text: file(
      svc('a', '    networks: [front]\n    links:\n      - b\n') + svc('b', '    networks:\n      back: {}\n'),
    ),
    lines: [
      '6 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "back" and drop the link to "b"',
      'services:\n  a:\n    image: x\n    networks: [front, back]\n  b:\n    image: x\n    networks:\n      back: {}\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: 'a plain link to a target whose first network is written second, from a flow list of links',
    text:
      'services:\n' +
      svc('a', '    networks: [front]\n    links: [b, c]\n') +
      svc('b', '    networks:\n      zeta: {}\n      back: {}\n') +
      svc('c', '    networks: [front]\n') +
      'networks:\n  front: {}\n  back: {}\n  zeta: {}\n',
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs zeta, back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "zeta" and drop the link to "b"',
      'services:\n  a:\n    image: x\n    networks: [front, zeta]\n    links: [c]\n  b:\n    image: x\n    networks:\n      zeta: {}\n      back: {}\n  c:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  back: {}\n  zeta: {}\n',
    ],
  },
  {
    name: 'the last link of a flow list goes with the comma before it',
    text: file(
      svc('a', '    networks: [front]\n    links: [c, b]\n') +
        svc('b', '    networks: [back]\n') +
        svc('c', '    networks: [front]\n'),
    ),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (front vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
      'fix (preferred): Join network "back" and drop the link to "b"',
      'services:\n  a:\n    image: x\n    networks: [front, back]\n    links: [c]\n  b:\n    image: x\n    networks: [back]\n  c:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  back: {}\n',
    ],
  },
  {
    name: 'a link from a service without a networks key: no join fix',
    text: file(svc('a', '    links: [b]\n') + svc('b', '    networks: [back]\n')),
    lines: [
      '4 link-without-shared-network: Service "a" links to "b" but they share no network (default vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
    ],
  },
  {
    name: 'a link from a service with an empty networks list',
    text: file(svc('a', '    networks: []\n    links: [b]\n') + svc('b', '    networks: [back]\n')),
    lines: [
      '5 link-without-shared-network: Service "a" links to "b" but they share no network (none vs back), so the link cannot resolve. Put both on a common network; its DNS replaces links.',
    ],
  },
  {
    name: 'a link to a service sharing one of its two networks is fine',
    text: file(svc('a', '    networks: [front]\n    links: [b]\n') + svc('b', '    networks: [back, front]\n')),
    lines: [],
  },
  {
    name: 'none mode referenced from a service not on default: no fix',
    text: file(
      svc('api', '    networks: [front]\n    depends_on: [cache]\n') + svc('cache', '    network_mode: none\n'),
    ),
    lines: [
      '5 none-mode-referenced: Service "api" depends on "cache", which has `network_mode: none`: it has no network, so nothing can reach it. Give "cache" a network, or wait for it with `condition: service_completed_successfully` if it is a one-shot job.',
    ],
  },
  {
    name: 'none mode referenced from a host-mode service: no fix',
    text: file(svc('api', '    network_mode: host\n    links: [cache]\n') + svc('cache', '    network_mode: none\n')),
    lines: [
      '5 none-mode-referenced: Service "api" links to "cache", which has `network_mode: none`: it has no network, so nothing can reach it. Give "cache" a network, or wait for it with `condition: service_completed_successfully` if it is a one-shot job.',
    ],
  },
  {
    name: 'a host name the service itself carries as an alias is not the none-mode service',
    text: file(
      svc(
        'api',
        '    networks:\n      front: {}\n      back:\n        aliases: [cache]\n    environment:\n      CACHE_HOST: cache\n',
      ) + svc('cache', '    network_mode: none\n'),
    ),
    lines: [],
  },
  {
    name: 'a none-mode job naming itself',
    text: file(svc('job', '    network_mode: none\n    environment:\n      SELF_URL: http://job:8080/\n')),
    lines: [],
  },
  {
    name: 'a none-mode service another project file may give a network',
    text: file(svc('api', '    depends_on: [cache]\n') + svc('cache', '    network_mode: none\n')),
    project: { services: new Set(['cache']), networks: new Set(), usedNetworks: new Set() },
    lines: [],
  },
  {
    name: 'ports on a service only on two internal networks, no networks key to join with',
    text:
      'services:\n' +
      svc('web', '    ports: ["8080:80"]\n') +
      'networks:\n  default:\n    internal: true\n  edge: {}\n',
    lines: [
      '4 internal-network-ports: Service "web" publishes ports, but all its networks (default) are internal: the engine publishes no port for a container that is only on internal networks, so nothing outside reaches it. Join a non-internal network as well, or remove `ports`.',
      'fix: Remove `ports`',
      'services:\n  web:\n    image: x\nnetworks:\n  default:\n    internal: true\n  edge: {}\n',
    ],
  },
  {
    name: 'ports on a service on two internal networks',
    text:
      'services:\n' +
      svc('web', '    networks: [back, db]\n    ports:\n      - "8080:80"\n') +
      'networks:\n  back:\n    internal: true\n  db:\n    internal: true\n  edge: {}\n',
    lines: [
      '5 internal-network-ports: Service "web" publishes ports, but all its networks (back, db) are internal: the engine publishes no port for a container that is only on internal networks, so nothing outside reaches it. Join a non-internal network as well, or remove `ports`.',
      'fix (preferred): Join network "edge" (not internal)',
      'services:\n  web:\n    image: x\n    networks: [back, db, edge]\n    ports:\n      - "8080:80"\nnetworks:\n  back:\n    internal: true\n  db:\n    internal: true\n  edge: {}\n',
      'fix: Remove `ports`',
      'services:\n  web:\n    image: x\n    networks: [back, db]\nnetworks:\n  back:\n    internal: true\n  db:\n    internal: true\n  edge: {}\n',
    ],
  },
  {
    name: 'an empty ports list publishes nothing',
    text:
      'services:\n' + svc('web', '    networks: [back]\n    ports: []\n') + 'networks:\n  back:\n    internal: true\n',
    lines: [],
  },
];

describe('connectivity rules: findings and fixes as shown', () => {
  for (const row of ROWS) {
    it(row.name, () =>
      assert.deepEqual(shown(row.text, RULES, row.project ? { project: row.project } : {}), row.lines),
    );
  }
});
