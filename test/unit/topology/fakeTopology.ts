/**
 * Builds topology snapshots for tests and the benchmark without an engine: the same model types the engine
 * listing produces, assembled with their indexes. Deterministic (no randomness) so failures reproduce.
 */
import type {
  ContainerModel,
  EndpointModel,
  NetworkModel,
  PortModel,
  TopologySnapshot,
} from '../../../src/model/topology';

export function network(id: string, name: string, extra: Partial<NetworkModel> = {}): NetworkModel {
  return {
    id,
    name,
    driver: 'bridge',
    scope: 'local',
    ipamDriver: 'default',
    ipamOptions: {},
    ipam: [],
    internal: false,
    attachable: false,
    ipv6: false,
    ingress: false,
    configOnly: false,
    options: {},
    labels: {},
    builtIn: ['bridge', 'host', 'none'].includes(name),
    ...extra,
  };
}

export function container(id: string, name: string, extra: Partial<ContainerModel> = {}): ContainerModel {
  return {
    id,
    name,
    state: 'running',
    status: 'Up 1 minute',
    image: 'dne-busybox:latest',
    running: true,
    labels: {},
    ports: [],
    networkMode: 'default',
    ...extra,
  };
}

export interface Attach {
  network: NetworkModel;
  container: ContainerModel;
  ipv4?: string;
  mac?: string;
  aliases?: string[];
}

export function snapshotOf(
  networks: NetworkModel[],
  containers: ContainerModel[],
  attachments: Attach[],
): TopologySnapshot {
  const endpoints = new Map<string, EndpointModel>();
  const byNet = new Map<string, EndpointModel[]>();
  const byCon = new Map<string, EndpointModel[]>();
  for (const a of attachments) {
    const e: EndpointModel = {
      key: `${a.network.id}/${a.container.id}`,
      networkId: a.network.id,
      networkName: a.network.name,
      containerId: a.container.id,
      containerName: a.container.name,
      ipv4: a.ipv4,
      ipv4PrefixLen: a.ipv4 ? 16 : undefined,
      mac: a.mac,
      aliases: a.aliases ?? [],
      running: a.container.running,
    };
    endpoints.set(e.key, e);
    (byNet.get(e.networkId) ?? byNet.set(e.networkId, []).get(e.networkId)!).push(e);
    (byCon.get(e.containerId) ?? byCon.set(e.containerId, []).get(e.containerId)!).push(e);
  }
  return {
    networks: new Map(networks.map((n) => [n.id, n])),
    containers: new Map(containers.map((c) => [c.id, c])),
    endpoints,
    endpointsByNetwork: byNet,
    endpointsByContainer: byCon,
  };
}

/** A small realistic topology: a compose project, host/none networks, an internal network, ports. */
export function sampleTopology(): TopologySnapshot {
  const bridge = network('n-bridge', 'bridge', {
    ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1', auxAddresses: {} }],
  });
  const host = network('n-host', 'host', { driver: 'host' });
  const none = network('n-none', 'none', { driver: 'null' });
  const front = network('n-front', 'shop_front', {
    composeProject: 'shop',
    labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'front' },
  });
  const back = network('n-back', 'shop_back', {
    internal: true,
    composeProject: 'shop',
    labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'back' },
  });
  const web: PortModel[] = [
    { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    { hostIp: '127.0.0.1', hostPort: 8443, containerPort: 443, protocol: 'tcp' },
  ];
  const c1 = container('c-web', 'shop-web-1', {
    composeProject: 'shop',
    composeService: 'web',
    ports: web,
    labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  });
  const c2 = container('c-db', 'shop-db-1', {
    composeProject: 'shop',
    composeService: 'db',
    labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db' },
  });
  const c3 = container('c-tool', 'toolbox', { state: 'exited', status: 'Exited (0)', running: false });
  return snapshotOf(
    [bridge, host, none, front, back],
    [c1, c2, c3],
    [
      { network: front, container: c1, ipv4: '172.20.0.2', mac: '02:42:ac:14:00:02', aliases: ['web'] },
      { network: back, container: c1, ipv4: '172.21.0.2' },
      { network: back, container: c2, ipv4: '172.21.0.3', aliases: ['db'] },
      { network: bridge, container: c3 },
    ],
  );
}

/** `networks` networks and `containers` containers, each on one or two networks, every tenth publishing a port. */
export function generatedTopology(networkCount: number, containerCount: number): TopologySnapshot {
  const nets = Array.from({ length: networkCount }, (_, i) =>
    network(`net${i}`, `net-${i}`, i % 17 === 0 ? { driver: 'overlay', scope: 'swarm' } : {}),
  );
  const cons: ContainerModel[] = [];
  const att: Attach[] = [];
  for (let i = 0; i < containerCount; i++) {
    const c = container(`con${i}`, `app-${i}`, {
      ports: i % 10 === 0 ? [{ hostIp: '0.0.0.0', hostPort: 10000 + i, containerPort: 80, protocol: 'tcp' }] : [],
      running: i % 13 !== 0,
      state: i % 13 !== 0 ? 'running' : 'exited',
    });
    cons.push(c);
    const n1 = nets[i % networkCount];
    att.push({ network: n1, container: c, ipv4: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
    const n2 = nets[(i * 7 + 1) % networkCount];
    if (i % 5 === 0 && n2 !== n1) att.push({ network: n2, container: c, ipv4: `10.200.${(i >> 8) & 255}.${i & 255}` });
  }
  return snapshotOf(nets, cons, att);
}

/** A small shop for the drill-down tests: shop_web, shop_db (internal) and an unused spare network. */
export const shop = {
  web: network('n-web', 'shop_web'),
  db: network('n-db', 'shop_db', { internal: true }),
  spare: network('n-spare', 'spare'),
  api: container('c-api', 'shop-api-1', {
    ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
  }),
  pg: container('c-pg', 'shop-pg-1'),
  worker: container('c-worker', 'shop-worker-1'),
};

/** api on shop_web and shop_db, pg on shop_db, the worker on no network; `more` endpoints after those. */
export function shopSnapshot(more: Attach[] = [], networks = [shop.web, shop.db, shop.spare]): TopologySnapshot {
  const { web, db, api, pg, worker } = shop;
  return snapshotOf(
    networks,
    [api, pg, worker],
    [
      { network: web, container: api, ipv4: '10.1.0.2' },
      { network: db, container: api, ipv4: '10.2.0.2' },
      { network: db, container: pg, ipv4: '10.2.0.3' },
      ...more,
    ],
  );
}
