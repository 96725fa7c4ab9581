/**
 * The one door for the benchmark and the browser tests: when the page defines `window.__dneTopologyProbe` before
 * the bundle runs (test/webview/harness.ts does), the panel reports what it did and how long it took there.
 * In VS Code nothing defines it, and each report is one property check: no timers, no datasets, no cost.
 */
import type { PlacedLabel } from './labels';
import type { DrawnArrow } from './observedOverlay';

/** What the panel reports: a graph set, a patch applied, a frame drawn, the layout started or stopped. */
export type ProbeEvent =
  | { name: 'graph'; setGraphMs: number; optionsMs: number }
  | { name: 'patch'; applyMs: number }
  | { name: 'render'; ms: number }
  | { name: 'layout'; running: boolean }
  /** After each frame: every label drawn (text and box in viewport pixels), those left hidden, observed arrows. */
  | {
      name: 'labels';
      placed: PlacedLabel[];
      hidden: string[];
      /** Every node drawn: its centre and drawn radius (a square's half side), in viewport pixels. */
      nodes: Record<string, { x: number; y: number; r: number }>;
      observed?: DrawnArrow[];
    };

interface Probe {
  report(event: ProbeEvent): void;
}

const probe = (globalThis as { __dneTopologyProbe?: Probe }).__dneTopologyProbe;

export const probing = probe !== undefined;

export function report(event: ProbeEvent): void {
  probe?.report(event);
}
