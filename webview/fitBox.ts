/**
 * The frame Fit shows: the visible nodes' extent with a small margin, widened to the right so the rightmost names
 * (drawn right of their node) fit too. Pure over the graph, so the camera code stays in graphView.ts.
 */
import type Graph from 'graphology';
import type { EdgeAttrs, NodeAttrs } from './graphView';

/** A label's width in pixels, roughly (the canvas font is about 7 px per character). */
const estimateTextPx = (text: string): number => 7 * text.length;

export interface FitBox {
  x: [number, number];
  y: [number, number];
}

/** undefined when no node is visible. `width` is the canvas width in pixels. */
export function fitBox(
  graph: Graph<NodeAttrs, EdgeAttrs>,
  isVisible: (id: string) => boolean,
  width: number,
): FitBox | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  graph.forEachNode((id, a) => {
    if (!isVisible(id)) return;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  if (minX === Infinity) return undefined;
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const pad = Math.max(spanX, spanY) * 0.02;
  // Labels go to the right of their node when there is room: leave the widest of the rightmost ones that room,
  // in graph units at the scale the fit will have (the canvas keeps its width in pixels).
  let labelPx = 0;
  graph.forEachNode((id, a) => {
    if (isVisible(id) && a.x > maxX - spanX * 0.2) labelPx = Math.max(labelPx, estimateTextPx(a.label));
  });
  labelPx = Math.min(labelPx + 12, width / 3);
  const labelRoom = (spanX * labelPx) / Math.max(1, width - 60 - labelPx);
  return { x: [minX - pad, maxX + labelRoom], y: [minY - pad, maxY + pad] };
}
