// Generates engine JSON shaped like what GET /networks and GET /containers/json?all=1 return (API 1.41),
// for sizes no test machine can run. Deterministic (seeded), so runs compare.

const NETWORKS_PER_CONTAINER = 4;

function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function hexId(random, length = 64) {
  let id = '';
  while (id.length < length)
    id += Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return id.slice(0, length);
}

function mac(index, host) {
  const bytes = [0x02, 0x42, 10, (index >> 8) & 255, index & 255, host & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function network(random, index) {
  const name = `gen-net-${String(index).padStart(4, '0')}`;
  const second = (index >> 8) & 255;
  const third = index & 255;
  return {
    Name: name,
    Id: hexId(random),
    Created: '2026-11-28T02:00:27.048041274Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv6: index % 10 === 0,
    IPAM: {
      Driver: 'default',
      Options: {},
      Config: [{ Subnet: `10.${second}.${third}.0/24`, Gateway: `10.${second}.${third}.1` }],
    },
    Internal: index % 7 === 0,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {},
    Options: { 'com.docker.network.driver.mtu': '1500' },
    Labels:
      index % 3 === 0
        ? { 'com.docker.compose.project': `proj${index % 50}`, 'com.docker.compose.network': 'default' }
        : {},
  };
}

function endpointSettings(random, net, netIndex, host) {
  const [a, b, c] = net.IPAM.Config[0].Subnet.split('.');
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    NetworkID: net.Id,
    EndpointID: hexId(random),
    Gateway: `${a}.${b}.${c}.1`,
    IPAddress: `${a}.${b}.${c}.${host}`,
    IPPrefixLen: 24,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: mac(netIndex, host),
    DriverOpts: null,
  };
}

function container(random, index, networks, nextHost) {
  const id = hexId(random);
  const attached = {};
  const first = index % networks.length;
  const count = Math.min(NETWORKS_PER_CONTAINER, networks.length);
  for (let k = 0; k < count; k++) {
    const netIndex = (first + k * Math.max(1, Math.floor(networks.length / count))) % networks.length;
    const net = networks[netIndex];
    if (attached[net.Name]) continue;
    nextHost[netIndex] = (nextHost[netIndex] ?? 1) + 1; // .1 is the gateway; /24 holds 253 hosts
    attached[net.Name] = endpointSettings(random, net, netIndex, 2 + ((nextHost[netIndex] - 2) % 253));
  }
  const running = index % 10 !== 9;
  const project = `proj${index % 50}`;
  return {
    Id: id,
    Names: [`/gen-ctr-${String(index).padStart(5, '0')}`],
    Image: 'dne-busybox:latest',
    ImageID: `sha256:${hexId(random)}`,
    Command: 'sleep 100000',
    Created: 1795831227,
    Ports:
      index % 5 === 0
        ? [
            { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 10000 + index, Type: 'tcp' },
            { IP: '::', PrivatePort: 80, PublicPort: 10000 + index, Type: 'tcp' },
          ]
        : [],
    Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': `svc${index % 20}` },
    State: running ? 'running' : 'exited',
    Status: running ? 'Up 2 hours' : 'Exited (0) 1 hour ago',
    HostConfig: { NetworkMode: Object.keys(attached)[0] ?? 'default' },
    NetworkSettings: { Networks: attached },
    Mounts: [],
  };
}

/** An EngineListing with `networkCount` networks and `containerCount` containers, each on 4 networks. */
export function generateListing(networkCount, containerCount, seed = 42) {
  const random = seededRandom(seed);
  const networks = [];
  for (let i = 0; i < networkCount; i++) networks.push(network(random, i));
  const containers = [];
  const nextHost = [];
  for (let i = 0; i < containerCount; i++) containers.push(container(random, i, networks, nextHost));
  return { networks, containers };
}

/** The same listing after one `docker network connect`: a container gains an endpoint on one more network. */
export function withOneMoreEndpoint(listing) {
  const copy = JSON.parse(JSON.stringify(listing));
  const target = copy.containers[0];
  const attached = target.NetworkSettings.Networks;
  const netIndex = copy.networks.findIndex((n) => !attached[n.Name]);
  if (netIndex >= 0) {
    const random = seededRandom(7);
    attached[copy.networks[netIndex].Name] = endpointSettings(random, copy.networks[netIndex], netIndex, 254);
  }
  return copy;
}
