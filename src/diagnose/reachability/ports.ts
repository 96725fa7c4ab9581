/**
 * The target port: is something listening on it (from the namespace's socket table, when it was read), does the
 * image expose it (Config.ExposedPorts), and is it published on the host (Ports: the way in for traffic that
 * goes through the host rather than a shared network).
 */
import type { EngineContainerDetails } from '../../engine/records';
import type { ContainerModel, PortModel } from '../../model/topology';
import type { Fact, ListeningSocket, Protocol } from './types';

export type PortState = 'listening' | 'loopbackOnly' | 'closed' | 'unknown';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function isLoopback(address: string): boolean {
  return LOOPBACK.test(address);
}

/** What the socket table says about the port, with its fact; 'unknown' when no table was read. */
export function listeningFact(
  owner: ContainerModel,
  port: number,
  protocol: Protocol,
  sockets: readonly ListeningSocket[] | undefined,
  details: EngineContainerDetails | undefined,
): { state: PortState; facts: Fact[] } {
  const subject = owner.name;
  const field = `/proc/net/${protocol}, /proc/net/${protocol}6`;
  if (!sockets) {
    const facts: Fact[] = [
      { code: 'listeningUnknown', status: 'info', field, subject, params: { container: owner.name, port, protocol } },
    ];
    const exposed = details?.Config?.ExposedPorts ?? {};
    if (
      `${port}/${protocol}` in exposed ||
      owner.ports.some((p) => p.containerPort === port && p.protocol === protocol)
    ) {
      facts.push({
        code: 'exposedPort',
        status: 'info',
        field: 'Config.ExposedPorts',
        subject,
        params: { port, protocol },
      });
    }
    return { state: 'unknown', facts };
  }
  const matching = sockets.filter((s) => s.port === port && s.protocol === protocol);
  const open = matching.filter((s) => !isLoopback(s.address));
  if (open.length > 0) {
    const addresses = open.map((s) => s.address).join(', ');
    return {
      state: 'listening',
      facts: [{ code: 'listening', status: 'ok', field, subject, params: { port, protocol, addresses } }],
    };
  }
  if (matching.length > 0) {
    const addresses = matching.map((s) => s.address).join(', ');
    return {
      state: 'loopbackOnly',
      facts: [
        { code: 'listeningLoopbackOnly', status: 'problem', field, subject, params: { port, protocol, addresses } },
      ],
    };
  }
  return {
    state: 'closed',
    facts: [{ code: 'notListening', status: 'problem', field, subject, params: { port, protocol } }],
  };
}

/** Host bindings of the container port, loopback bindings last. */
export function publishedBindings(container: ContainerModel, port: number, protocol: Protocol): PortModel[] {
  return container.ports
    .filter((p) => p.containerPort === port && p.protocol === protocol && p.hostPort !== undefined)
    .sort((a, b) => Number(isLoopback(a.hostIp ?? '')) - Number(isLoopback(b.hostIp ?? '')));
}

export function bindingText(p: PortModel): string {
  const ip = p.hostIp ?? '0.0.0.0';
  return ip.includes(':') ? `[${ip}]:${p.hostPort}` : `${ip}:${p.hostPort}`;
}
