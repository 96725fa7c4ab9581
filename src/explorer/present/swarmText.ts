/**
 * What the Networks view says about Swarm services, their tasks and the routing mesh: pure functions of the
 * model, words through the injected Translate (vscode.l10n.t in the extension).
 */
import type { NetworkModel } from '../../model/topology';
import type { ServiceModel, ServicePortModel, SwarmModel, TaskModel } from '../../model/swarmTopology';
import { escapeMarkdown, field, paragraphs, type Translate } from './text';

/** The service's VIP on this network, when it has one (vip mode). */
export function serviceVip(service: ServiceModel, networkId: string): string | undefined {
  return service.virtualIps.find((vip) => vip.networkId === networkId)?.address;
}

/** "VIP 10.0.1.4/24 · vip · 2/2 running" (no VIP part in dnsrr mode). */
export function serviceDescription(service: ServiceModel, networkId: string, t: Translate): string {
  const vip = serviceVip(service, networkId);
  return [
    ...(vip ? [t('VIP {0}', vip)] : []),
    service.endpointMode,
    t('{0}/{1} running', service.runningTasks, service.desiredTasks),
  ].join(' · ');
}

export function serviceTooltip(service: ServiceModel, networkId: string, t: Translate): string {
  const vip = serviceVip(service, networkId);
  return paragraphs([
    `**${escapeMarkdown(service.name)}** ${t('(Swarm service)')}`,
    field(t('Image'), service.image),
    field(t('Mode'), service.mode),
    field(t('Endpoint mode'), service.endpointMode),
    vip ? field(t('Virtual IP on this network'), vip) : field(t('Virtual IP on this network'), t('none')),
    field(t('Replicas'), t('{0} running of {1} desired', service.runningTasks, service.desiredTasks)),
    service.ports.length ? field(t('Published ports'), service.ports.map(portText).join(', ')) : undefined,
    field(t('ID'), service.id),
  ]);
}

/** "web.2" as `docker service ps` names a replica; "web.<node>" for a global service's task. */
export function taskLabel(service: ServiceModel | undefined, task: TaskModel): string {
  const name = service?.name ?? task.serviceId.slice(0, 12);
  return task.slot !== undefined ? `${name}.${task.slot}` : `${name}.${task.nodeName}`;
}

/** The task's address on this network ("10.0.1.6/24"), when it has one. */
export function taskAddress(task: TaskModel, networkId: string): string | undefined {
  return task.addresses.find((a) => a.networkId === networkId)?.address;
}

/** "10.0.1.6/24 · node vm · running" */
export function taskDescription(task: TaskModel, networkId: string, t: Translate): string {
  return [taskAddress(task, networkId) ?? t('no address yet'), t('node {0}', task.nodeName), task.state].join(' · ');
}

export function taskTooltip(task: TaskModel, label: string, t: Translate): string {
  return paragraphs([
    `**${escapeMarkdown(label)}** ${t('(Swarm task)')}`,
    field(t('State'), `${task.state} (${t('desired: {0}', task.desiredState)})`),
    task.message ? field(t('Message'), task.message) : undefined,
    field(t('Node'), task.nodeName),
    ...task.addresses.map((a) => field(t('Address'), a.address)),
    task.containerId ? field(t('Container'), task.containerId.slice(0, 12)) : undefined,
    field(t('ID'), task.id),
  ]);
}

/** "8080 → 80/tcp", or "80/tcp" when nothing is published. */
export function portText(port: ServicePortModel): string {
  const target = `${port.targetPort}/${port.protocol}`;
  return port.publishedPort !== undefined ? `${port.publishedPort} → ${target}` : target;
}

export interface MeshPort {
  service: ServiceModel;
  port: ServicePortModel;
}

/** Every published port of every service, by published port: what the ingress network's routing mesh serves. */
export function routingMeshPorts(swarm: SwarmModel): MeshPort[] {
  const ports: MeshPort[] = [];
  for (const service of swarm.services.values()) {
    for (const port of service.ports) if (port.publishedPort !== undefined) ports.push({ service, port });
  }
  return ports.sort((a, b) => (a.port.publishedPort ?? 0) - (b.port.publishedPort ?? 0));
}

/** "web · ingress (routing mesh on every node)" or "web · host (on the task's node only)". */
export function meshPortDescription(entry: MeshPort, t: Translate): string {
  const mode =
    entry.port.publishMode === 'host'
      ? t('host mode: published on the nodes running a task only')
      : t('ingress mode: published on every node');
  return `${entry.service.name} · ${mode}`;
}

/**
 * The sentence a Swarm network shows instead of services when they cannot be listed: on a worker, or when the
 * manager's lists failed; undefined when the services are there to show.
 */
export function swarmNotice(network: NetworkModel, swarm: SwarmModel | undefined, t: Translate): string | undefined {
  if (!swarm || network.scope !== 'swarm') return undefined;
  if (swarm.role === 'worker') {
    return t(
      'This engine is a Swarm worker: only managers list services, tasks and nodes, so this shows only the containers of this node. Connect to a manager to see the services.',
    );
  }
  if (swarm.problem) return t('The Swarm services could not be listed: {0}', swarm.problem);
  return undefined;
}
