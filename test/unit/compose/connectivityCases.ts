/** The generic rule cases (trigger, near miss, fixes) of the compose connectivity rules; ruleCases.ts includes them. */
import type { RuleCase } from './ruleCases';

export const CONNECTIVITY_CASES: RuleCase[] = [
  {
    rule: 'unreachable-service',
    bad: 'services:\n  api:\n    image: x\n    networks: [front]\n    environment:\n      DATABASE_URL: postgres://app:pw@db:5432/app\n  db:\n    image: pg\n    networks: [back]\nnetworks:\n  front: {}\n  back: {}\n',
    findings: [[6, 'names "db" in DATABASE_URL but they share no network']],
    good: 'services:\n  api:\n    image: x\n    networks: [front, back]\n    environment:\n      DATABASE_URL: postgres://app:pw@db:5432/app\n  db:\n    image: pg\n    networks: [back]\nnetworks:\n  front: {}\n  back: {}\n',
    fixes: ['Join network "back" (where "db" is)'],
  },
  {
    rule: 'internal-network-ports',
    bad: 'services:\n  web:\n    image: nginx\n    networks: [back]\n    ports:\n      - "8080:80"\n  proxy:\n    image: x\n    networks: [edge]\nnetworks:\n  back:\n    internal: true\n  edge: {}\n',
    findings: [[5, 'all its networks (back) are internal']],
    good: 'services:\n  web:\n    image: nginx\n    networks: [back, edge]\n    ports:\n      - "8080:80"\n  proxy:\n    image: x\n    networks: [edge]\nnetworks:\n  back:\n    internal: true\n  edge: {}\n',
    fixes: ['Join network "edge" (not internal)', 'Remove `ports`'],
  },
  {
    rule: 'none-mode-referenced',
    bad: 'services:\n  api:\n    image: x\n    depends_on:\n      - cache\n  cache:\n    image: redis\n    network_mode: none\n',
    findings: [[5, 'depends on "cache", which has `network_mode: none`']],
    good: 'services:\n  api:\n    image: x\n    depends_on:\n      perms:\n        condition: service_completed_successfully\n  perms:\n    image: busybox\n    network_mode: none\n',
    fixes: ['Remove `network_mode: none` from "cache"'],
  },
];
