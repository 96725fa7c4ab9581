/** Arrow-key navigation: the nearest visible node in the pressed direction, on screen. */
import type { GraphView } from './graphView';

export function nearestInDirection(view: GraphView, from: string, [dx, dy]: [number, number], candidates: string[]): string | undefined {
  const o = view.viewportOf(from);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const id of candidates) {
    if (id === from) continue;
    const p = view.viewportOf(id);
    const vx = p.x - o.x;
    const vy = p.y - o.y;
    const along = vx * dx + vy * dy; // distance in the pressed direction
    if (along <= 0) continue;
    const across = Math.abs(vx * dy - vy * dx);
    const score = along + 2 * across; // prefer nodes straight ahead
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
