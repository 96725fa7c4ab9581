/** A TopologyFeed driven by the test: `move` to a new engine listing (real snapshot and diff), `setState`. */
import type { Disposable } from '../../../src/engine/api';
import type { EngineListing } from '../../../src/engine/records';
import type { FeedState, TopologyChange, TopologyFeed } from '../../../src/model/feed';
import type { TopologySnapshot } from '../../../src/model/topology';
import { buildSnapshot } from '../../../src/model/snapshot';
import { diffSnapshots } from '../../../src/model/diff';

export class FakeFeed implements TopologyFeed {
  state: FeedState = { kind: 'connected', endpoint: 'unix:///var/run/docker.sock' };
  private changeListeners: ((c: TopologyChange) => void)[] = [];
  private stateListeners: ((s: FeedState) => void)[] = [];
  constructor(public snapshot: TopologySnapshot) {}
  onDidChange(l: (c: TopologyChange) => void): Disposable {
    this.changeListeners.push(l);
    return { dispose: () => (this.changeListeners = this.changeListeners.filter((x) => x !== l)) };
  }
  onDidChangeState(l: (s: FeedState) => void): Disposable {
    this.stateListeners.push(l);
    return { dispose: () => (this.stateListeners = this.stateListeners.filter((x) => x !== l)) };
  }
  async refresh(): Promise<void> {}
  move(listing: EngineListing): void {
    const next = buildSnapshot(listing);
    const diff = diffSnapshots(this.snapshot, next);
    this.snapshot = next;
    for (const l of this.changeListeners) l({ diff, snapshot: next });
  }
  setState(state: FeedState): void {
    this.state = state;
    for (const l of this.stateListeners) l(state);
  }
}
