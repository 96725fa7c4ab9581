/**
 * The live topology as consumers see it: the current snapshot, its changes and the engine's state.
 * Implemented by LiveTopology (src/model/liveTopology.ts), which is pure: its engine comes injected.
 */
import type { EngineProblem, Disposable } from '../engine/api';
import type { SnapshotDiff, TopologySnapshot } from './topology';

export type FeedState =
  | { kind: 'connecting'; endpoint: string }
  | { kind: 'connected'; endpoint: string; engineVersion?: string }
  | { kind: 'unreachable'; endpoint: string; problem: EngineProblem };

export interface TopologyChange {
  diff: SnapshotDiff;
  snapshot: TopologySnapshot;
}

export interface TopologyFeed {
  readonly snapshot: TopologySnapshot;
  readonly state: FeedState;
  onDidChange(listener: (change: TopologyChange) => void): Disposable;
  onDidChangeState(listener: (state: FeedState) => void): Disposable;
  /** Fetches a fresh snapshot now (two engine requests) and emits the diff if anything changed. */
  refresh(): Promise<void>;
}
