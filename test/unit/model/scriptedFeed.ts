/**
 * A feed whose snapshot and state a test sets, standing in for LiveTopology behind the session feed
 * (test/unit/model/sessionFeed*.test.ts).
 */
import type { FeedState, TopologyChange } from '../../../src/model/feed';
import type { TopologySnapshot } from '../../../src/model/topology';
import { diffSnapshots } from '../../../src/model/diff';
import { emptySnapshot } from '../../../src/model/snapshot';
import type { OwnedFeed } from '../../../src/model/sessionFeed';

export class ScriptedFeed implements OwnedFeed {
  snapshot: TopologySnapshot = emptySnapshot();
  state: FeedState = { kind: 'connecting', endpoint: 'unix:///test.sock' };
  /** What LiveTopology would report as its request counters. */
  stats = { fullListings: 3 } as unknown as OwnedFeed['stats'];
  started = false;
  disposed = false;
  refreshes = 0;
  private changeListeners: ((c: TopologyChange) => void)[] = [];
  private stateListeners: ((s: FeedState) => void)[] = [];
  onDidChange(l: (c: TopologyChange) => void) {
    this.changeListeners.push(l);
    return { dispose: () => (this.changeListeners = this.changeListeners.filter((x) => x !== l)) };
  }
  onDidChangeState(l: (s: FeedState) => void) {
    this.stateListeners.push(l);
    return { dispose: () => (this.stateListeners = this.stateListeners.filter((x) => x !== l)) };
  }
  async refresh() {
    this.refreshes++;
  }
  start() {
    this.started = true;
  }
  dispose() {
    this.disposed = true;
  }
  /** Like LiveTopology: the diff from this feed's previous snapshot. */
  emit(snapshot: TopologySnapshot) {
    const diff = diffSnapshots(this.snapshot, snapshot);
    this.snapshot = snapshot;
    for (const l of this.changeListeners) l({ snapshot, diff });
  }
  setState(state: FeedState) {
    this.state = state;
    for (const l of this.stateListeners) l(state);
  }
}
