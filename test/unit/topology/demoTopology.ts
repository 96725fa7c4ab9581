/**
 * The engine state `bash scripts/demo.sh` creates (networks, containers, addresses and ports as the script gives
 * them), as a snapshot: what a new user sees first, so the panel's readability tests run on it.
 */
import type { TopologySnapshot } from '../../../src/model/topology';
import { container, network, snapshotOf, type Attach } from './fakeTopology';

const compose = (service: string) => ({
  composeProject: 'demo',
  composeService: service,
  labels: { 'com.docker.compose.project': 'demo', 'com.docker.compose.service': service },
});

export function demoTopology(): TopologySnapshot {
  const bridge = network('n-bridge', 'bridge');
  const host = network('n-host', 'host', { driver: 'host' });
  const none = network('n-none', 'none', { driver: 'null' });
  const frontend = network('n-frontend', 'dne-demo-frontend', { composeProject: 'demo' });
  const backend = network('n-backend', 'dne-demo-backend', { composeProject: 'demo', attachable: true });
  const data = network('n-data', 'dne-demo-data', { internal: true });
  const v6 = network('n-v6', 'dne-demo-v6', { ipv6: true });
  const web = container('c-web', 'dne-demo-web', {
    ...compose('web'),
    ports: [
      { hostIp: '127.0.0.1', hostPort: 18080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '0.0.0.0', hostPort: 18443, containerPort: 443, protocol: 'tcp' },
      { hostIp: '::', hostPort: 18443, containerPort: 443, protocol: 'tcp' },
    ],
  });
  const api = container('c-api', 'dne-demo-api', compose('api'));
  const db = container('c-db', 'dne-demo-db', compose('db'));
  const cache = container('c-cache', 'dne-demo-cache');
  const six = container('c-v6', 'dne-demo-v6');
  const job = container('c-job', 'dne-demo-job', { ...compose('migrate'), state: 'exited', running: false });
  const attach: Attach[] = [
    { network: frontend, container: web, ipv4: '10.213.10.10' },
    { network: backend, container: web, ipv4: '10.213.20.129', aliases: ['web'] },
    { network: backend, container: api, ipv4: '10.213.20.20', aliases: ['api'] },
    { network: data, container: api, ipv4: '10.213.30.2' },
    { network: data, container: db, ipv4: '10.213.30.30', aliases: ['database'] },
    { network: data, container: cache, ipv4: '10.213.30.3' },
    { network: v6, container: six, ipv4: '10.213.40.2' },
    { network: backend, container: job },
  ];
  return snapshotOf([bridge, host, none, frontend, backend, data, v6], [web, api, db, cache, six, job], attach);
}
