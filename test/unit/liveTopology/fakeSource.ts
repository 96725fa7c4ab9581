/**
 * A scripted engine for LiveTopology tests: holds the engine's current lists, counts requests, can fail
 * like a stopped engine, can hold a listing in flight, and drives the events handlers by hand.
 */
import type { Disposable, EventHandlers } from '../../../src/engine/api';
import type {
  EngineContainer,
  EngineEvent,
  EngineListing,
  EngineNetwork,
  EngineVersion,
} from '../../../src/engine/records';
import type { TopologySource } from '../../../src/model/liveTopology';

export function network(name: string, id = `id-${name}`, subnet = '172.20.0.0/16'): EngineNetwork {
  return {
    Name: name,
    Id: id,
    Created: '2026-11-28T01:00:00Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: subnet, Gateway: subnet.replace(/0\/\d+$/, '1') }] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {},
    Options: {},
    Labels: {},
  };
}

export function container(
  name: string,
  attachments: Array<{ net: EngineNetwork; ip: string }>,
  state = 'running',
): EngineContainer {
  return {
    Id: `cid-${name}`,
    Names: [`/${name}`],
    Image: 'dne-busybox:latest',
    State: state,
    Status: state === 'running' ? 'Up 1 minute' : 'Exited (0)',
    Ports: [],
    Labels: {},
    HostConfig: { NetworkMode: attachments[0]?.net.Name ?? 'none' },
    NetworkSettings: {
      Networks: Object.fromEntries(
        attachments.map(({ net, ip }) => [
          net.Name,
          {
            NetworkID: net.Id,
            EndpointID: `ep-${name}-${net.Name}`,
            IPAddress: ip,
            IPPrefixLen: 16,
            Gateway: '172.20.0.1',
            MacAddress: '02:42:ac:14:00:02',
            Aliases: null,
          },
        ]),
      ),
    },
  };
}

type Outcome = 'ok' | Error;

export class FakeSource implements TopologySource {
  listingNow: EngineListing = { networks: [network('bridge', 'id-bridge', '172.17.0.0/16')], containers: [] };
  apiVersion = '1.41';
  listingCalls = 0;
  targetedCalls = 0;
  versionCalls = 0;
  /** Every request fails with this error while set (like a stopped engine). */
  down?: Error;
  handlers?: EventHandlers;
  subscriptions = 0;
  unsubscribed = 0;
  private held: Array<() => void> = [];
  private holding = false;

  /** The next listings wait until release() (a refresh in flight). */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const go of this.held.splice(0)) go();
  }

  async version(): Promise<EngineVersion> {
    this.versionCalls++;
    this.check();
    return { Version: '20.10.24', ApiVersion: this.apiVersion };
  }

  async listing(): Promise<EngineListing> {
    this.listingCalls++;
    const outcome: Outcome = this.down ?? 'ok';
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    if (outcome instanceof Error) throw outcome;
    this.check();
    // A copy, as the engine's JSON is new on every request.
    return JSON.parse(JSON.stringify(this.listingNow)) as EngineListing;
  }

  async listContainersById(ids: readonly string[]): Promise<EngineContainer[]> {
    this.targetedCalls++;
    this.check();
    const wanted = new Set(ids);
    return JSON.parse(JSON.stringify(this.listingNow.containers.filter((c) => wanted.has(c.Id)))) as EngineContainer[];
  }

  async inspectNetworkRecord(id: string): Promise<EngineNetwork | undefined> {
    this.targetedCalls++;
    this.check();
    const found = this.listingNow.networks.find((n) => n.Id === id);
    return found ? (JSON.parse(JSON.stringify(found)) as EngineNetwork) : undefined;
  }

  subscribe(handlers: EventHandlers): Disposable {
    this.subscriptions++;
    this.handlers = handlers;
    return {
      dispose: () => {
        this.unsubscribed++;
        this.handlers = undefined;
      },
    };
  }

  event(action: string, type = 'network'): void {
    const event: EngineEvent = { Type: type, Action: action, Actor: { ID: 'x', Attributes: {} } };
    this.handlers?.onEvent(event);
  }

  private check(): void {
    if (this.down) throw this.down;
  }
}

export function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), {
    code: 'ECONNREFUSED',
    syscall: 'connect',
    address: '/var/run/docker.sock',
  });
}
