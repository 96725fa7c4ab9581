/**
 * Export of the current view (visible nodes and their edges, as positioned now, with the observed connections
 * layer when it is on) as SVG, and as PNG by drawing that SVG on a canvas. Built with DOM calls and serialised,
 * so engine strings end up escaped text nodes.
 */
import type { ObservedLayer } from '../src/topology/protocol';
import { discHull } from './groupLayer';
import { tr } from './l10n';
import type { GraphView } from './graphView';
import { SVG_NS as NS, svgEl } from './svgDom';
import { observedSvg } from './svgObserved';

/** The compose projects' frames, as in the panel: a dashed hull around the members, the name above it. */
function groupFrames(
  view: GraphView,
  ids: string[],
  X: (x: number) => number,
  Y: (y: number) => number,
  unit: number,
): SVGElement {
  const g = view.graph;
  const color = view.currentPalette.roles.project;
  const group = svgEl('g', { class: 'groups' });
  const members = new Map<string, Array<{ x: number; y: number; r: number }>>();
  for (const id of ids) {
    const a = g.getNodeAttributes(id);
    if (!a.data.project || a.data.kind === 'port') continue;
    const disc = { x: X(a.x), y: Y(a.y), r: a.size * unit };
    (members.get(a.data.project) ?? members.set(a.data.project, []).get(a.data.project)!).push(disc);
  }
  for (const [project, discs] of members) {
    const hull = discHull(discs);
    const points = hull.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    group.append(
      svgEl('polygon', { points, fill: color, 'fill-opacity': 0.08, stroke: color, 'stroke-dasharray': '6 4' }),
    );
    const top = hull.reduce((a, b) => (b.y < a.y ? b : a));
    const name = svgEl('text', {
      x: top.x,
      y: top.y - 4,
      'text-anchor': 'middle',
      fill: view.currentPalette.foreground,
    });
    name.textContent = tr('compose: {0}', project);
    group.append(name);
  }
  return group;
}

export function exportSvg(
  view: GraphView,
  observed?: ObservedLayer | null,
): { svg: string; width: number; height: number } {
  const g = view.graph;
  const p = view.currentPalette;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const ids: string[] = [];
  g.forEachNode((id, a) => {
    if (!view.isVisible(id)) return;
    ids.push(id);
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  if (!ids.length) {
    minX = minY = 0;
    maxX = maxY = 1;
  }
  // Scale graph units to about 1600 px on the long side; y grows downwards in SVG, upwards in sigma.
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const scale = 1600 / span;
  const pad = 60;
  const width = Math.ceil((maxX - minX) * scale + 2 * pad);
  const height = Math.ceil((maxY - minY) * scale + 2 * pad);
  const X = (x: number): number => +((x - minX) * scale + pad).toFixed(1);
  const Y = (y: number): number => +((maxY - y) * scale + pad).toFixed(1);
  const unit = Math.max(1, Math.min(4, scale / 20));

  const svg = svgEl('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': 'sans-serif',
    'font-size': 12,
  });
  const backdrop = svgEl('rect', { x: 0, y: 0, width, height, fill: p.background });
  svg.append(backdrop);
  const title = svgEl('title', {});
  title.textContent = tr('Docker network topology');
  svg.append(title);
  const edges = svgEl('g', { class: 'edges' });
  const labels = svgEl('g', { class: 'edge-labels', fill: p.foreground, 'font-size': 10 });
  g.forEachEdge((_id, a, s, t, sa, ta) => {
    if (!view.isVisible(s) || !view.isVisible(t)) return;
    edges.append(
      svgEl('line', { x1: X(sa.x), y1: Y(sa.y), x2: X(ta.x), y2: Y(ta.y), stroke: p.edge, 'stroke-width': 1 }),
    );
    if (a.data.kind === 'endpoint' && a.label) {
      const text = svgEl('text', { x: (X(sa.x) + X(ta.x)) / 2, y: (Y(sa.y) + Y(ta.y)) / 2, 'text-anchor': 'middle' });
      text.textContent = a.label;
      labels.append(text);
    }
  });
  const nodes = svgEl('g', { class: 'nodes' });
  const nodeLabels = svgEl('g', { class: 'node-labels', fill: p.foreground });
  for (const id of ids) {
    const a = g.getNodeAttributes(id);
    const x = X(a.x);
    const y = Y(a.y);
    const r = a.size * unit;
    const fill = view.nodeColor(id);
    const shape =
      a.data.shape === 'square'
        ? svgEl('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill })
        : a.data.shape === 'diamond'
          ? svgEl('polygon', { points: `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`, fill })
          : a.data.shape === 'hexagon'
            ? svgEl('polygon', { points: hexagonPoints(x, y, r), fill })
            : svgEl('circle', { cx: x, cy: y, r, fill });
    shape.setAttribute('data-node', id);
    // graph coordinates, so an export can be compared with a later one (layout stability)
    shape.setAttribute('data-gx', a.x.toFixed(3));
    shape.setAttribute('data-gy', a.y.toFixed(3));
    const tip = svgEl('title', {});
    tip.textContent = a.label;
    shape.append(tip);
    nodes.append(shape);
    if (a.data.kind !== 'port' || ids.length < 300) {
      const text = svgEl('text', { x: x + r + 3, y: y + 4 });
      text.textContent = a.label;
      nodeLabels.append(text);
    }
  }
  svg.append(groupFrames(view, ids, X, Y, unit), edges, nodes, labels, nodeLabels);
  if (observed) {
    const shown = new Map(
      ids.map((id) => [
        id,
        {
          x: X(g.getNodeAttribute(id, 'x')),
          y: Y(g.getNodeAttribute(id, 'y')),
          r: g.getNodeAttribute(id, 'size') * unit,
        },
      ]),
    );
    const extent = { x0: 0, y0: 0, x1: width, y1: height };
    svg.append(observedSvg(view, observed, shown, { x: width / 2, y: height / 2 }, extent));
    // peers and their names may lie beyond the nodes' frame: widen the picture to hold them, with a margin
    const [x0, y0] = [Math.floor(extent.x0) - 12, Math.floor(extent.y0) - 12];
    const [w, h] = [Math.ceil(extent.x1) + 12 - x0, Math.ceil(extent.y1) + 12 - y0];
    for (const [k, v] of Object.entries({ width: w, height: h, viewBox: `${x0} ${y0} ${w} ${h}` }))
      svg.setAttribute(k, String(v));
    for (const [k, v] of Object.entries({ x: x0, y: y0, width: w, height: h })) backdrop.setAttribute(k, String(v));
    return { svg: new XMLSerializer().serializeToString(svg), width: w, height: h };
  }
  return { svg: new XMLSerializer().serializeToString(svg), width, height };
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** PNG: our own SVG drawn on a canvas (img-src data: in the CSP exists for this only). */
export async function exportPng(view: GraphView, observed?: ObservedLayer | null): Promise<string> {
  const { svg, width, height } = exportSvg(view, observed);
  const img = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the SVG could not be rasterised'));
  });
  img.src = `data:image/svg+xml;base64,${base64(svg)}`;
  await loaded;
  const maxSide = 8000; // browsers refuse larger canvases
  const k = Math.min(1, maxSide / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * k);
  canvas.height = Math.round(height * k);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas is available');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** A flat-topped hexagon around (x, y), as the graph draws Swarm services. */
function hexagonPoints(x: number, y: number, r: number): string {
  const h = r * 0.866;
  return [
    [x - r, y],
    [x - r / 2, y - h],
    [x + r / 2, y - h],
    [x + r, y],
    [x + r / 2, y + h],
    [x - r / 2, y + h],
  ]
    .map(([px, py]) => `${px},${py}`)
    .join(' ');
}
