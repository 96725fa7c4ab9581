/**
 * A single-node Swarm on a second Docker engine of the test's own (scripts/second-engine.sh: its own network
 * namespace, data root, exec root, pid file and socket), for the Swarm tests of every layer (integration in the
 * extension host, e2e in the browser). `swarm init` runs on that engine only, never on the shared one. Each test
 * file uses its own engine name and /30 (`net`, "a.b.c": host side .1, engine side .2) so no two ever collide.
 * This kernel may lack IPVS (/proc/net/ip_vs): replicated test services then run with `--endpoint-mode dnsrr`.
 * Plain Node (no vscode), so the browser suite imports it too.
 */
import { execFileSync } from 'node:child_process';
import { docker, testImage } from './docker';

/** A 10.x.y.z/nn address as `docker inspect` and the tree print it. */
export const SWARM_ADDRESS = /\b10\.\d+\.\d+\.\d+\/\d+\b/;

export class SwarmEngine {
  readonly socket: string;
  /** The engine's address in its namespace: what `swarm init` advertises. */
  readonly address: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly script: string,
    readonly name: string,
    net: string,
  ) {
    this.socket = `unix:///run/${name}.sock`;
    this.address = `${net}.2`;
    this.env = { ...process.env, DNE_E2_NET: net };
  }

  /** Starts the engine (idempotent; the test image is loaded into it) and makes it a Swarm manager. */
  start(): this {
    return this.startEngine().initSwarm(this.address);
  }

  /** Starts the engine only (idempotent), in no Swarm yet. */
  startEngine(): this {
    execFileSync('bash', [this.script, 'start', this.name], { encoding: 'utf8', timeout: 110_000, env: this.env });
    return this;
  }

  /** `swarm init` advertising `address`, unless the engine already is in a Swarm. */
  initSwarm(address: string): this {
    if (this.docker('info', '--format', '{{.Swarm.LocalNodeState}}') !== 'active') {
      this.docker('swarm', 'init', '--advertise-addr', address);
    }
    return this;
  }

  /**
   * Joins `peer` (started, in no Swarm) to this engine's Swarm as a second manager over a veth pair between the
   * two namespaces (second-engine.sh link; `linkNet` "a.b.c": this side .1, the peer .2). With two managers the
   * quorum is two: stopping the peer leaves this one without a leader.
   */
  addManager(peer: SwarmEngine, linkNet: string): void {
    execFileSync('bash', [this.script, 'link', this.name, peer.name], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...this.env, DNE_E2_LINK_NET: linkNet },
    });
    this.initSwarm(`${linkNet}.1`);
    const token = this.docker('swarm', 'join-token', '-q', 'manager');
    peer.docker('swarm', 'join', '--token', token, '--advertise-addr', `${linkNet}.2`, `${linkNet}.1:2377`);
  }

  /** Stops the engine and removes its namespace and data (safe when it never started). */
  stop(): void {
    execFileSync('bash', [this.script, 'stop', this.name], { encoding: 'utf8', timeout: 90_000, env: this.env });
  }

  /** `docker -H <this engine> <args>`: trimmed stdout; throws with docker's stderr when it fails. */
  docker(...args: string[]): string {
    return docker('-H', this.socket, ...args);
  }

  /** Creates a replicated service of the test image on `network` (sleeping; the image is never pulled). */
  createService(name: string, network: string, replicas: number, ...extra: string[]): void {
    this.docker(
      'service',
      'create',
      '--detach',
      '--name',
      name,
      '--network',
      network,
      '--replicas',
      String(replicas),
      '--no-resolve-image',
      ...extra,
      testImage,
      'sleep',
      '3600',
    );
  }

  /** The service's running tasks as the engine names them ("web.2") with their address on `network`, by name. */
  tasksOn(service: string, network: string): Array<{ name: string; address: string }> {
    const attachment = `{{range .NetworksAttachments}}{{if eq .Network.Spec.Name "${network}"}}{{index .Addresses 0}}{{end}}{{end}}`;
    return this.docker('service', 'ps', service, '--filter', 'desired-state=running', '-q')
      .split('\n')
      .filter(Boolean)
      .map((task) => {
        const [slot, address = ''] = this.docker('inspect', task, '--format', `{{.Slot}} ${attachment}`).split(' ');
        return { name: `${service}.${slot}`, address };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The addresses the engine gave the service's running tasks on `network`, sorted ("10.0.1.3/24"). */
  taskAddresses(service: string, network: string): string[] {
    return this.tasksOn(service, network)
      .map((task) => task.address)
      .sort();
  }
}
