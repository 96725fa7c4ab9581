/**
 * The SnapshotDiff of an incremental update, computed over the keys it touched only: the same lists, in the
 * same order, as diffSnapshots(before, after) gives by walking both snapshots whole (the property test in
 * test/unit/incremental checks both against each other).
 */
import type { EntityDiff } from '../topology';
import type { Compare } from './persistentMap';

export function diffTouched<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  touched: Iterable<string>,
  same: (a: T, b: T) => boolean,
  compare: Compare<T>,
): EntityDiff<T> {
  const diff: EntityDiff<T> = { added: [], removed: [], changed: [] };
  for (const key of touched) {
    const previous = before.get(key);
    const next = after.get(key);
    if (previous === undefined && next !== undefined) diff.added.push(next);
    else if (previous !== undefined && next === undefined) diff.removed.push(previous);
    else if (previous !== undefined && next !== undefined && !same(previous, next)) diff.changed.push(next);
  }
  // diffSnapshots lists in snapshot order, which is `compare`'s order.
  diff.added.sort(compare);
  diff.removed.sort(compare);
  diff.changed.sort(compare);
  return diff;
}
