/**
 * The ForceAtlas2 run of the topology graph: in its web worker, for a bounded time, then stopped so the frame is
 * fixed and patches never move it. The worker moves a copy of the graph; its positions reach the drawn graph four
 * times a second, so the main thread redraws a big graph at that rate instead of after every iteration.
 */
import type Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { EdgeAttrs, NodeAttrs } from './graphView';
import { pullProjectsTogether } from './placement';

export interface LayoutHooks {
  /** After the run stops: pack what is visible (placement.ts arrangeGraph). */
  arrange(): void;
  /** When the time is up: fit the camera to the result. */
  fit(): void;
}

export class LayoutRunner {
  private layout: FA2Layout | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sync: ReturnType<typeof setInterval> | undefined;
  private copy: Graph<NodeAttrs, EdgeAttrs> | undefined;
  private listener: ((running: boolean) => void) | undefined;

  constructor(
    private readonly graph: Graph<NodeAttrs, EdgeAttrs>,
    private readonly hooks: LayoutHooks,
  ) {}

  get running(): boolean {
    return this.layout !== undefined;
  }

  /** Calls back when the layout starts (true) and when it stops and the frame is fixed (false). */
  onChange(listener: (running: boolean) => void): void {
    this.listener = listener;
  }

  /** Says "settled" without a run: the positions came from the last session or the graph before. */
  settled(): void {
    this.listener?.(false);
  }

  run(): void {
    this.stop();
    // small graphs: FA2's anti-collision keeps nodes from lying on each other (a user reads every one of them)
    const small = this.graph.order <= 300;
    const settings = { ...inferSettings(this.graph), barnesHutOptimize: !small, adjustSizes: small };
    const copy = this.graph.copy();
    pullProjectsTogether(copy);
    this.copy = copy;
    this.layout = new FA2Layout(copy, { settings });
    this.layout.start();
    this.listener?.(true);
    this.sync = setInterval(() => this.takePositions(copy), 250);
    this.timer = setTimeout(
      () => {
        this.stop();
        this.hooks.fit();
      },
      Math.min(6000, 1200 + this.graph.order),
    );
  }

  /** Stops a run (keeping the positions it reached), packs the result and says so; nothing when none runs. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.sync) clearInterval(this.sync);
    this.timer = undefined;
    this.sync = undefined;
    const wasRunning = this.layout !== undefined;
    this.layout?.kill();
    if (this.copy) this.takePositions(this.copy);
    this.layout = undefined;
    this.copy = undefined;
    if (!wasRunning) return;
    this.hooks.arrange();
    this.listener?.(false);
  }

  private takePositions(from: Graph<NodeAttrs, EdgeAttrs>): void {
    this.graph.updateEachNodeAttributes(
      (id, a) => {
        if (from.hasNode(id)) {
          const p = from.getNodeAttributes(id);
          a.x = p.x;
          a.y = p.y;
        }
        return a;
      },
      { attributes: ['x', 'y'] },
    );
  }
}
