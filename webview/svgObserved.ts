/**
 * The observed connections layer in the SVG (and so PNG) export, as the panel draws it: an arrow from client to
 * server per connection (solid: established; dashed: an attempt that got no answer, in the failure colour;
 * dotted and faded: closing), shifted into lanes when several join one pair, labelled with port and count; the
 * host and outside peers as small squares beside their container, named. Engine strings become text nodes.
 */
import type { ObservedLayer } from '../src/topology/protocol';
import type { GraphView } from './graphView';
import { anchorOf, laneIndex } from './observedOverlay';
import { svgEl } from './svgDom';
const PEER = 6;
const PEER_DISTANCE = 90;
/** A text's width before any font measured it: about 6.5 px a character at 10 px. */
const textPx = (text: string): number => 6.5 * text.length;
const LANE = 8;

interface Spot {
  x: number;
  y: number;
  r: number;
}

/** A rectangle the export must keep inside its picture. */
export interface Extent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The layer's arrows, peers and labels for the nodes in `shown` (export coordinates); `centre` is the drawing's
 * middle, which peers sit away from. `extent` grows to hold every peer and label drawn.
 */
export function observedSvg(
  view: GraphView,
  layer: ObservedLayer,
  shown: ReadonlyMap<string, Spot>,
  centre: { x: number; y: number },
  extent: Extent,
): SVGElement {
  const hold = (x0: number, y0: number, x1: number, y1: number): void => {
    extent.x0 = Math.min(extent.x0, x0);
    extent.y0 = Math.min(extent.y0, y0);
    extent.x1 = Math.max(extent.x1, x1);
    extent.y1 = Math.max(extent.y1, y1);
  };
  const p = view.currentPalette;
  const group = svgEl('g', { class: 'observed', 'font-size': 10 });
  const defs = svgEl('defs', {});
  for (const [id, color] of [
    ['dne-arrow', p.observed],
    ['dne-arrow-failed', p.failed],
  ]) {
    const marker = svgEl('marker', { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8 });
    marker.setAttribute('orient', 'auto');
    marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
    defs.append(marker);
  }
  group.append(defs);

  const peers = new Map<string, Spot>();
  const perAnchor = new Map<string, number>();
  for (const peer of layer.peers) {
    const a = shown.get(anchorOf(peer.id));
    if (!a) continue;
    const nth = perAnchor.get(anchorOf(peer.id)) ?? 0;
    perAnchor.set(anchorOf(peer.id), nth + 1);
    const angle = Math.atan2(a.y - centre.y, a.x - centre.x || 1) + (nth % 2 ? 1 : -1) * Math.ceil(nth / 2) * 0.5;
    const spot = { x: a.x + PEER_DISTANCE * Math.cos(angle), y: a.y + PEER_DISTANCE * Math.sin(angle), r: PEER };
    peers.set(peer.id, spot);
    const color = peer.kind === 'host' ? p.roles.host : p.foreground;
    const box = svgEl('rect', { x: spot.x - PEER, y: spot.y - PEER, width: 2 * PEER, height: 2 * PEER });
    box.setAttribute('fill', 'none');
    box.setAttribute('stroke', color);
    const name = svgEl('text', { x: spot.x + PEER + 3, y: spot.y + 4, fill: color });
    name.textContent = peer.label;
    group.append(box, name);
    hold(spot.x - PEER, spot.y - 12, spot.x + PEER + 3 + textPx(peer.label), spot.y + PEER);
  }

  const lanes = laneIndex(layer.edges);
  for (const e of layer.edges) {
    const a = peers.get(e.source) ?? shown.get(e.source);
    const b = peers.get(e.target) ?? shown.get(e.target);
    if (!a || !b) continue;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len < a.r + b.r + 4) continue;
    const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
    const shift = (e.source < e.target ? 1 : -1) * (lanes.get(e.id) ?? 0) * LANE;
    const [ox, oy] = [-uy * shift, ux * shift];
    const failed = e.state === 'attempt';
    const line = svgEl('line', {
      x1: +(a.x + ux * (a.r + 2) + ox).toFixed(1),
      y1: +(a.y + uy * (a.r + 2) + oy).toFixed(1),
      x2: +(b.x - ux * (b.r + 3) + ox).toFixed(1),
      y2: +(b.y - uy * (b.r + 3) + oy).toFixed(1),
      stroke: failed ? p.failed : p.observed,
      'stroke-width': 2,
      'marker-end': `url(#${failed ? 'dne-arrow-failed' : 'dne-arrow'})`,
      'data-observed': e.id,
    });
    if (e.state !== 'established') line.setAttribute('stroke-dasharray', failed ? '6 4' : '2 3');
    if (e.state === 'closing') line.setAttribute('opacity', '0.5');
    const tip = svgEl('title', {});
    tip.textContent = e.text;
    line.append(tip);
    // on the line's middle, with a halo in the background colour so the line does not strike the text through
    const [lx, ly] = [(a.x + b.x) / 2 + ox, (a.y + b.y) / 2 + oy - 4];
    const label = svgEl('text', {
      x: +lx.toFixed(1),
      y: +ly.toFixed(1),
      'text-anchor': 'middle',
      fill: failed ? p.failed : p.observed,
      stroke: p.background,
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
    label.textContent = e.label;
    group.append(line, label);
    hold(lx - textPx(e.label) / 2, ly - 10, lx + textPx(e.label) / 2, ly + 3);
  }
  return group;
}
