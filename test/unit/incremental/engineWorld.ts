/**
 * A simulated engine for the incremental model's property tests: its state as engine JSON (the records of
 * GET /networks and GET /containers/json?all=1), operations that change it the way the engine does, and the
 * events the engine emits for each. fast-check generates the operations.
 * Deliberately rough edges, as real engines have them: network names shared by several networks (swarm),
 * networks removed while stopped containers still name them, endpoints whose network is gone.
 */
import fc from 'fast-check';
import type { EngineContainer, EngineEvent, EngineListing, EngineNetwork } from '../../../src/engine/records';

export type Operation =
  | { op: 'createNetwork'; name: number }
  | { op: 'removeNetwork'; pick: number }
  | { op: 'createContainer'; name: number; networks: number[]; running: boolean }
  | { op: 'start' | 'stop' | 'destroy' | 'pause' | 'relabel'; pick: number }
  | { op: 'rename'; pick: number; name: number }
  | { op: 'connect' | 'disconnect'; pick: number; network: number };

const NETWORK_NAMES = ['front', 'back', 'data', 'front'];
const CONTAINER_NAMES = ['api', 'db', 'web', 'cache', 'worker', 'proxy'];

export const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('createNetwork' as const), name: fc.nat(3) }),
  fc.record({ op: fc.constant('removeNetwork' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('createContainer' as const),
    name: fc.nat(5),
    networks: fc.array(fc.nat(), { maxLength: 3 }),
    running: fc.boolean(),
  }),
  fc.record({
    op: fc.constantFrom('start' as const, 'stop' as const, 'destroy' as const, 'pause' as const, 'relabel' as const),
    pick: fc.nat(),
  }),
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat(), name: fc.nat(5) }),
  fc.record({ op: fc.constantFrom('connect' as const, 'disconnect' as const), pick: fc.nat(), network: fc.nat() }),
);

function event(
  type: 'container' | 'network',
  action: string,
  id: string,
  attributes: Record<string, string> = {},
): EngineEvent {
  return { Type: type, Action: action, Actor: { ID: id, Attributes: attributes } };
}

export class EngineWorld {
  readonly networks = new Map<string, EngineNetwork>();
  readonly containers = new Map<string, EngineContainer>();
  private counter = 0;

  constructor() {
    this.createNetwork('bridge');
  }

  /** A deep copy, as every engine answer is new JSON. */
  listing(): EngineListing {
    return structuredClone({ networks: [...this.networks.values()], containers: [...this.containers.values()] });
  }

  /** Applies one operation; returns the events the engine would emit for it (none when it refuses). */
  apply(operation: Operation): EngineEvent[] {
    const containers = [...this.containers.values()];
    const networks = [...this.networks.values()];
    const pickContainer = (pick: number) => (containers.length ? containers[pick % containers.length] : undefined);
    const pickNetwork = (pick: number) => networks[pick % networks.length];
    switch (operation.op) {
      case 'createNetwork':
        return [this.createNetwork(NETWORK_NAMES[operation.name])];
      case 'removeNetwork': {
        const network = pickNetwork(operation.pick);
        const inUse = containers.some((c) => c.State === 'running' && this.attachment(c, network) !== undefined);
        if (!network || network.Name === 'bridge' || inUse) return [];
        this.networks.delete(network.Id);
        return [event('network', 'destroy', network.Id, { name: network.Name })];
      }
      case 'createContainer': {
        const id = this.nextId('c');
        const record: EngineContainer = {
          Id: id,
          Names: [`/${CONTAINER_NAMES[operation.name]}-${this.counter}`],
          Image: 'dne-busybox:latest',
          State: 'created',
          Status: 'Created',
          Ports: [],
          Labels: {},
          HostConfig: { NetworkMode: 'default' },
          NetworkSettings: { Networks: {} },
        };
        this.containers.set(id, record);
        const events = [event('container', 'create', id)];
        for (const pick of operation.networks) events.push(...this.connect(record, pickNetwork(pick)));
        if (operation.running) events.push(...this.setRunning(record, true));
        return events;
      }
      case 'start':
      case 'stop': {
        const record = pickContainer(operation.pick);
        return record ? this.setRunning(record, operation.op === 'start') : [];
      }
      case 'pause': {
        const record = pickContainer(operation.pick);
        if (!record || record.State !== 'running') return [];
        record.State = 'paused';
        record.Status = 'Up 1 second (Paused)';
        return [event('container', 'pause', record.Id)];
      }
      case 'relabel': {
        const record = pickContainer(operation.pick);
        if (!record) return [];
        record.Labels = { 'com.docker.compose.project': `p${this.counter++ % 3}` };
        return [event('container', 'update', record.Id)];
      }
      case 'destroy': {
        const record = pickContainer(operation.pick);
        if (!record) return [];
        const events = record.State === 'running' ? this.setRunning(record, false) : [];
        this.containers.delete(record.Id);
        return [...events, event('container', 'destroy', record.Id)];
      }
      case 'rename': {
        const record = pickContainer(operation.pick);
        if (!record) return [];
        record.Names = [`/${CONTAINER_NAMES[operation.name]}-r${this.counter++}`];
        return [event('container', 'rename', record.Id)];
      }
      case 'connect':
      case 'disconnect': {
        const record = pickContainer(operation.pick);
        const network = pickNetwork(operation.network);
        if (!record) return [];
        return operation.op === 'connect' ? this.connect(record, network) : this.disconnect(record, network);
      }
    }
  }

  private nextId(prefix: string): string {
    return `${prefix}${(++this.counter).toString(16).padStart(8, '0')}`;
  }

  private createNetwork(name: string): EngineEvent {
    const id = this.nextId('n');
    const octet = this.counter % 250;
    this.networks.set(id, {
      Name: name,
      Id: id,
      Scope: 'local',
      Driver: 'bridge',
      IPAM: { Driver: 'default', Config: [{ Subnet: `10.${octet}.0.0/16`, Gateway: `10.${octet}.0.1` }] },
      Options: {},
      Labels: {},
    });
    return event('network', 'create', id, { name, type: 'bridge' });
  }

  private attachment(record: EngineContainer, network: EngineNetwork): string | undefined {
    const attached = record.NetworkSettings?.Networks ?? {};
    return Object.keys(attached).find((name) => attached[name]?.NetworkID === network.Id);
  }

  private connect(record: EngineContainer, network: EngineNetwork): EngineEvent[] {
    const attached = (record.NetworkSettings ??= { Networks: {} }).Networks ?? {};
    record.NetworkSettings.Networks = attached;
    if (attached[network.Name]) return []; // the engine refuses a second endpoint of that name
    const running = record.State === 'running';
    attached[network.Name] = {
      NetworkID: network.Id,
      EndpointID: running ? `ep-${this.counter++}` : '',
      IPAddress: running ? `10.0.0.${this.counter % 250}` : '',
      IPPrefixLen: running ? 16 : 0,
      MacAddress: running ? `02:42:0a:00:00:${(this.counter % 250).toString(16).padStart(2, '0')}` : '',
    };
    return [event('network', 'connect', network.Id, { container: record.Id, name: network.Name, type: 'bridge' })];
  }

  private disconnect(record: EngineContainer, network: EngineNetwork): EngineEvent[] {
    const name = this.attachment(record, network);
    if (name === undefined) return [];
    delete record.NetworkSettings?.Networks?.[name];
    return [event('network', 'disconnect', network.Id, { container: record.Id, name: network.Name, type: 'bridge' })];
  }

  /** A stop clears the addresses (the engine keeps the configured endpoints); a start gives new ones. */
  private setRunning(record: EngineContainer, running: boolean): EngineEvent[] {
    if ((record.State === 'running') === running) return [];
    record.State = running ? 'running' : 'exited';
    record.Status = running ? 'Up 1 second' : 'Exited (0) 1 second ago';
    const attached = record.NetworkSettings?.Networks ?? {};
    const events: EngineEvent[] = running
      ? [event('container', 'start', record.Id)]
      : [event('container', 'die', record.Id)];
    for (const name of Object.keys(attached)) {
      const settings = attached[name];
      settings.EndpointID = running ? `ep-${this.counter++}` : '';
      settings.IPAddress = running ? `10.0.${this.counter % 250}.${this.counter % 200}` : '';
      settings.IPPrefixLen = running ? 16 : 0;
      const network = settings.NetworkID ? this.networks.get(settings.NetworkID) : undefined;
      if (network) {
        events.push(event('network', running ? 'connect' : 'disconnect', network.Id, { container: record.Id, name }));
      }
    }
    if (!running) events.push(event('container', 'stop', record.Id));
    return events;
  }
}
