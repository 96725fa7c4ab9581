/**
 * Networks that a third party runs: Weave Net (its plugin drivers `weave` and `weavemesh`, or the managed
 * weaveworks/net-plugin) and Flannel, which does not plug into the engine but configures docker0 instead (dockerd
 * started with --bip and --mtu from /run/flannel/subnet.env). Pure: the file's text is read elsewhere.
 */
import { canonicalIp, maskedPrefix, parseCidr } from './address';
import type { NetworkModel } from './topology';

/** The variables flanneld writes to /run/flannel/subnet.env. */
export interface FlannelEnv {
  /** FLANNEL_NETWORK: the whole overlay, e.g. 10.1.0.0/16. */
  network?: string;
  /** FLANNEL_SUBNET: this host's lease as the bridge's address, e.g. 10.1.15.1/24. */
  subnet?: string;
  mtu?: number;
  ipmasq?: boolean;
}

/** KEY=value lines; comments, blank lines and unknown keys are ignored; quotes around a value are dropped. */
export function parseFlannelEnv(text: string): FlannelEnv {
  const env: FlannelEnv = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const eq = line.indexOf('=');
    if (!line || line.startsWith('#') || eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line
      .slice(eq + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    if (key === 'FLANNEL_NETWORK' && parseCidr(value)) env.network = value;
    else if (key === 'FLANNEL_SUBNET' && parseCidr(value)) env.subnet = value;
    else if (key === 'FLANNEL_MTU' && /^\d+$/.test(value)) env.mtu = Number(value);
    else if (key === 'FLANNEL_IPMASQ') env.ipmasq = value === 'true';
  }
  return env;
}

export type ThirdPartyNetwork =
  | { kind: 'weave'; driver: string; mode: 'weavemesh' | 'weave' | 'managedPlugin' }
  | {
      kind: 'flannel';
      /** Flannel's lease for this host, as a subnet (10.1.15.0/24), and the bridge address (10.1.15.1). */
      flannelSubnet: string;
      flannelAddress: string;
      flannelMtu?: number;
      /** What docker0 has: its subnet, gateway and MTU (1500 when the engine sets none). */
      dockerSubnet?: string;
      dockerGateway?: string;
      dockerMtu: number;
      subnetMatches: boolean;
      mtuMatches: boolean;
    };

const DEFAULT_MTU = 1500;
const MTU_OPTION = 'com.docker.network.driver.mtu';

/** The engine's default bridge, the one Flannel configures (docker0). */
function isDefaultBridge(network: NetworkModel): boolean {
  const bridgeName = network.options['com.docker.network.bridge.name'];
  return network.driver === 'bridge' && (bridgeName === 'docker0' || (network.name === 'bridge' && network.builtIn));
}

function flannelOf(network: NetworkModel, env: FlannelEnv): ThirdPartyNetwork | undefined {
  const lease = env.subnet ? parseCidr(env.subnet) : undefined;
  if (!lease || !env.subnet) return undefined;
  const flannelSubnet = maskedPrefix(lease);
  const flannelAddress = env.subnet.split('/')[0];
  const v4 = network.ipam.find((c) => c.subnet && parseCidr(c.subnet)?.family === 'ipv4');
  const dockerSubnet = v4?.subnet ? maskedPrefix(parseCidr(v4.subnet)!) : undefined;
  const mtuOption = network.options[MTU_OPTION];
  const dockerMtu = mtuOption && /^\d+$/.test(mtuOption) ? Number(mtuOption) : DEFAULT_MTU;
  const gatewayMatches = !v4?.gateway || canonicalIp(v4.gateway) === canonicalIp(flannelAddress);
  return {
    kind: 'flannel',
    flannelSubnet,
    flannelAddress,
    ...(env.mtu !== undefined ? { flannelMtu: env.mtu } : {}),
    ...(dockerSubnet ? { dockerSubnet } : {}),
    ...(v4?.gateway ? { dockerGateway: v4.gateway } : {}),
    dockerMtu,
    subnetMatches: dockerSubnet === flannelSubnet && gatewayMatches,
    mtuMatches: env.mtu === undefined || env.mtu === dockerMtu,
  };
}

/** Weave Net by its drivers; Flannel on the default bridge when flanneld's subnet.env was read. */
export function recogniseThirdParty(network: NetworkModel, flannel?: FlannelEnv): ThirdPartyNetwork | undefined {
  const driver = network.driver;
  if (driver === 'weavemesh' || driver === 'weave') return { kind: 'weave', driver, mode: driver };
  if (driver.startsWith('weaveworks/net-plugin')) return { kind: 'weave', driver, mode: 'managedPlugin' };
  if (flannel && isDefaultBridge(network)) return flannelOf(network, flannel);
  return undefined;
}
