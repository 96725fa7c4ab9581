/**
 * The graph as a Mermaid flowchart, for "Copy as Mermaid". Engine strings go into quoted labels with Mermaid's
 * entity escapes, so a name cannot break out of its label or inject directives. With the observed connections layer
 * on, its connections follow as dotted arrows (client to server, labelled with port and count), and the host and
 * outside peers they reach as nodes of their own.
 */
import type { GraphData, ObservedLayer } from './protocol';

/** Mermaid labels: quotes and markup characters as #code; entities, line breaks flattened. */
export function mermaidLabel(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/["#<>&`{}[\]|]/g, (ch) => `#${ch.charCodeAt(0)};`);
}

const SHAPES: Record<string, (label: string) => string> = {
  square: (l) => `[["${l}"]]`,
  diamond: (l) => `{{"${l}"}}`,
  circle: (l) => `("${l}")`,
};

export function toMermaid(graph: GraphData, visible?: ReadonlySet<string>, observed?: ObservedLayer): string {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  for (const n of graph.nodes) {
    if (visible && !visible.has(n.id)) continue;
    const mid = `${n.kind[0]}${ids.size}`;
    ids.set(n.id, mid);
  }
  const byProject = new Map<string, string[]>();
  const loose: string[] = [];
  for (const n of graph.nodes) {
    const mid = ids.get(n.id);
    if (!mid) continue;
    const line = `  ${mid}${(SHAPES[n.shape] ?? SHAPES.circle)(mermaidLabel(n.label))}`;
    if (n.project && n.kind === 'container')
      (byProject.get(n.project) ?? byProject.set(n.project, []).get(n.project)!).push(line);
    else loose.push(line);
  }
  lines.push(...loose);
  let g = 0;
  for (const [project, members] of byProject) {
    lines.push(`  subgraph grp${g++}["compose: ${mermaidLabel(project)}"]`, ...members.map((l) => `  ${l}`), '  end');
  }
  for (const e of graph.edges) {
    const a = ids.get(e.source);
    const b = ids.get(e.target);
    if (!a || !b) continue;
    lines.push(e.label ? `  ${a} ---|"${mermaidLabel(e.label)}"| ${b}` : `  ${a} --- ${b}`);
  }
  if (observed) lines.push(...observedLines(observed, ids));
  return lines.join('\n') + '\n';
}

/**
 * The observed layer's connections whose container end is shown, and the peers they reach (stadium-shaped nodes,
 * declared before their first arrow; a peer of a container not shown is left out with it).
 */
function observedLines(layer: ObservedLayer, ids: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  const labels = new Map(layer.peers.map((p) => [p.id, p.label]));
  const peers = new Map<string, string>();
  const end = (id: string): string | undefined => {
    const shown = ids.get(id) ?? peers.get(id);
    if (shown || !labels.has(id)) return shown;
    const mid = `o${peers.size}`;
    peers.set(id, mid);
    lines.push(`  ${mid}(["${mermaidLabel(labels.get(id)!)}"])`);
    return mid;
  };
  for (const e of layer.edges) {
    if (!ids.has(e.source) && !ids.has(e.target)) continue;
    const a = end(e.source);
    const b = end(e.target);
    if (a && b) lines.push(`  ${a} -.->|"${mermaidLabel(e.label)}"| ${b}`);
  }
  return lines;
}
