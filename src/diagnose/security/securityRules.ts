/**
 * The security review of a live engine's network setup: a table of rules, each a pure check over the topology
 * snapshot plus the inspect facts of running containers and how the engine is reached. A finding names its rule,
 * severity and the containers or networks concerned; the words (what, why, the fix) are the report's business.
 */
import type { ContainerModel, NetworkModel, TopologySnapshot } from '../../model/topology';

export type SecuritySeverity = 'high' | 'medium' | 'low';

export type SecurityRuleId =
  | 'enginePlainTcp'
  | 'privilegedOnSharedNetwork'
  | 'netCapabilityOnSharedNetwork'
  | 'hostNetworkMode'
  | 'portAllInterfaces'
  | 'defaultBridge'
  | 'iccSingleProject';

/** What a container's inspect form says about its privileges. */
export interface ContainerPrivileges {
  privileged: boolean;
  /** HostConfig.CapAdd as the engine holds it (NET_ADMIN, CAP_NET_RAW, ALL...). */
  capAdd: readonly string[];
}

export interface EngineAccess {
  kind: 'unix' | 'npipe' | 'tcp' | 'ssh';
  /** true when the connection is TLS (https). */
  tls: boolean;
  display: string;
}

export interface SecurityInput {
  snapshot: Pick<TopologySnapshot, 'networks' | 'containers' | 'endpointsByNetwork' | 'endpointsByContainer'>;
  /** By container id; containers missing here are not judged on privileges. */
  privileges: ReadonlyMap<string, ContainerPrivileges>;
  engine: EngineAccess;
}

export interface Subject {
  id: string;
  name: string;
}

export interface SecurityFinding {
  rule: SecurityRuleId;
  severity: SecuritySeverity;
  containers: Subject[];
  networks: Subject[];
  /** Rule-specific facts: published ports ("0.0.0.0:8080->80/tcp"), capabilities, the engine endpoint, a project. */
  facts: string[];
}

export interface SecurityRule {
  id: SecurityRuleId;
  severity: SecuritySeverity;
  check(input: SecurityInput): Array<Omit<SecurityFinding, 'rule' | 'severity'>>;
}

const ICC_OPTION = 'com.docker.network.bridge.enable_icc';
const RISKY_CAPABILITIES = ['NET_ADMIN', 'NET_RAW'];

const subject = (c: ContainerModel | NetworkModel): Subject => ({ id: c.id, name: c.name });

function running(input: SecurityInput): ContainerModel[] {
  return [...input.snapshot.containers.values()].filter((c) => c.running);
}

/** Networks the container shares with at least one other container (the host's namespace counts as shared). */
function sharedNetworks(input: SecurityInput, container: ContainerModel): NetworkModel[] {
  const shared: NetworkModel[] = [];
  for (const endpoint of input.snapshot.endpointsByContainer.get(container.id) ?? []) {
    const others = (input.snapshot.endpointsByNetwork.get(endpoint.networkId) ?? []).filter(
      (e) => e.containerId !== container.id,
    );
    const network = input.snapshot.networks.get(endpoint.networkId);
    if (network && others.length > 0) shared.push(network);
  }
  return shared;
}

function isShared(container: ContainerModel, networks: NetworkModel[]): boolean {
  return container.networkMode === 'host' || networks.length > 0;
}

function addedCapabilities(privileges: ContainerPrivileges): string[] {
  const names = privileges.capAdd.map((c) => c.toUpperCase().replace(/^CAP_/, ''));
  if (names.includes('ALL')) return [...RISKY_CAPABILITIES];
  return RISKY_CAPABILITIES.filter((c) => names.includes(c));
}

const enginePlainTcp: SecurityRule = {
  id: 'enginePlainTcp',
  severity: 'high',
  check: ({ engine }) =>
    engine.kind === 'tcp' && !engine.tls ? [{ containers: [], networks: [], facts: [engine.display] }] : [],
};

const privilegedOnSharedNetwork: SecurityRule = {
  id: 'privilegedOnSharedNetwork',
  severity: 'high',
  check(input) {
    return running(input).flatMap((container) => {
      const networks = sharedNetworks(input, container);
      if (!input.privileges.get(container.id)?.privileged || !isShared(container, networks)) return [];
      return [{ containers: [subject(container)], networks: networks.map(subject), facts: [container.networkMode] }];
    });
  },
};

const netCapabilityOnSharedNetwork: SecurityRule = {
  id: 'netCapabilityOnSharedNetwork',
  severity: 'medium',
  check(input) {
    return running(input).flatMap((container) => {
      const privileges = input.privileges.get(container.id);
      // A privileged container is reported by the rule above (it has every capability).
      if (!privileges || privileges.privileged) return [];
      const capabilities = addedCapabilities(privileges);
      const networks = sharedNetworks(input, container);
      if (capabilities.length === 0 || !isShared(container, networks)) return [];
      return [{ containers: [subject(container)], networks: networks.map(subject), facts: capabilities }];
    });
  },
};

const hostNetworkMode: SecurityRule = {
  id: 'hostNetworkMode',
  severity: 'medium',
  check: (input) =>
    running(input)
      .filter((c) => c.networkMode === 'host')
      .map((c) => ({ containers: [subject(c)], networks: [], facts: [] })),
};

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::']);

const portAllInterfaces: SecurityRule = {
  id: 'portAllInterfaces',
  severity: 'medium',
  check(input) {
    return running(input).flatMap((container) => {
      const ports = container.ports.filter((p) => p.hostPort !== undefined && ALL_INTERFACES.has(p.hostIp ?? ''));
      const facts = [
        ...new Set(ports.map((p) => `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol}`)),
      ];
      return facts.length ? [{ containers: [subject(container)], networks: [], facts }] : [];
    });
  },
};

function defaultBridgeNetwork(input: SecurityInput): NetworkModel | undefined {
  return [...input.snapshot.networks.values()].find((n) => n.builtIn && n.name === 'bridge' && n.driver === 'bridge');
}

const defaultBridge: SecurityRule = {
  id: 'defaultBridge',
  severity: 'low',
  check(input) {
    const bridge = defaultBridgeNetwork(input);
    if (!bridge) return [];
    const members = (input.snapshot.endpointsByNetwork.get(bridge.id) ?? [])
      .map((e) => input.snapshot.containers.get(e.containerId))
      .filter((c): c is ContainerModel => c !== undefined && c.running);
    return members.length ? [{ containers: members.map(subject), networks: [subject(bridge)], facts: [] }] : [];
  },
};

const iccSingleProject: SecurityRule = {
  id: 'iccSingleProject',
  severity: 'low',
  check(input) {
    const findings: Array<Omit<SecurityFinding, 'rule' | 'severity'>> = [];
    for (const network of input.snapshot.networks.values()) {
      if (network.builtIn || network.driver !== 'bridge' || network.options[ICC_OPTION] === 'false') continue;
      const members = [...new Set((input.snapshot.endpointsByNetwork.get(network.id) ?? []).map((e) => e.containerId))]
        .map((id) => input.snapshot.containers.get(id))
        .filter((c): c is ContainerModel => c !== undefined);
      const projects = new Set(members.map((c) => c.composeProject));
      const [project] = projects;
      if (members.length < 2 || projects.size !== 1 || project === undefined) continue;
      findings.push({
        containers: members.map(subject),
        networks: [subject(network)],
        facts: [project, network.internal ? 'internal' : 'external'],
      });
    }
    return findings;
  },
};

/** Every rule, most severe first: the report lists findings in this order. */
export const SECURITY_RULES: readonly SecurityRule[] = [
  enginePlainTcp,
  privilegedOnSharedNetwork,
  netCapabilityOnSharedNetwork,
  hostNetworkMode,
  portAllInterfaces,
  defaultBridge,
  iccSingleProject,
];

export function reviewSecurity(
  input: SecurityInput,
  rules: readonly SecurityRule[] = SECURITY_RULES,
): SecurityFinding[] {
  return rules.flatMap((rule) => rule.check(input).map((f) => ({ rule: rule.id, severity: rule.severity, ...f })));
}
