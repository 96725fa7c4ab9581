/**
 * Container inspect results for endpoint tooltips: fetched on hover (never on the refresh path, which stays at
 * two list requests), once per container, and forgotten when the feed's diff touches that container.
 * Pure: no `vscode`, no dockerode.
 */
import { describeFailure } from '../common/failure';
import type { Disposable, EngineApi } from '../engine/api';
import type { EngineContainerDetails } from '../engine/records';
import type { TopologyChange, TopologyFeed } from '../model/feed';
import type { EndpointModel } from '../model/topology';
import { endpointExtras, type EndpointExtrasResult } from './present/endpointDetails';
import type { Translate } from './present/text';

export class ContainerDetailsCache implements Disposable {
  private readonly entries = new Map<string, Promise<EngineContainerDetails>>();
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly engine: () => Promise<EngineApi>,
    feed: TopologyFeed,
  ) {
    this.subscriptions = [
      feed.onDidChange((change) => this.forgetTouched(change)),
      // Another engine (setting changed, outage over) may hold other containers under the same ids.
      feed.onDidChangeState(() => this.entries.clear()),
    ];
  }

  /** The container's inspect form; concurrent hovers share one request. */
  details(containerId: string): Promise<EngineContainerDetails> {
    const cached = this.entries.get(containerId);
    if (cached) return cached;
    const pending = this.engine().then((engine) => engine.inspectContainer(containerId));
    this.entries.set(containerId, pending);
    // Failures are not kept (the next hover asks again); the caller awaits `pending` and reports the failure.
    pending.catch(() => {
      if (this.entries.get(containerId) === pending) this.entries.delete(containerId);
    });
    return pending;
  }

  /** What the tooltip adds for this endpoint, or why it cannot (a sentence for users). */
  async extrasFor(endpoint: EndpointModel, t: Translate): Promise<EndpointExtrasResult> {
    try {
      return endpointExtras(await this.details(endpoint.containerId), endpoint, t);
    } catch (error) {
      return { kind: 'unavailable', reason: describeFailure(error) };
    }
  }

  /** For tests: whether a container's details are held (or being fetched). */
  has(containerId: string): boolean {
    return this.entries.has(containerId);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.entries.clear();
  }

  private forgetTouched({ diff }: TopologyChange): void {
    for (const c of [...diff.containers.added, ...diff.containers.removed, ...diff.containers.changed])
      this.entries.delete(c.id);
    for (const e of [...diff.endpoints.added, ...diff.endpoints.removed, ...diff.endpoints.changed]) {
      this.entries.delete(e.containerId);
    }
  }
}
