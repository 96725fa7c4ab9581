/**
 * The network names of one compose file, where they are declared and referenced: what the language features
 * (completion, definition, references, rename, hover) need. Pure and serializable (crosses the worker boundary).
 */
import type { ComposeModel, Range } from './model/types';
import { engineNameOf } from './rules/helpers';

export interface NetworkDeclaration {
  name: string;
  /** The key, without quotes. */
  nameRange: Range;
  /** From the key to the end of its value: shown in hovers. */
  declRange: Range;
  external: boolean;
  /** The name on the engine (`<project>_<key>`, `name:`, or the external name). */
  engineName?: string;
}

export interface NetworkReference {
  name: string;
  /** The name, without quotes. */
  nameRange: Range;
  service: string;
}

export interface SymbolIndex {
  declarations: NetworkDeclaration[];
  references: NetworkReference[];
  /** Value ranges of services' `networks:` (where declared network names are completed). */
  serviceNetworkBlocks: Range[];
  /** Value range of the top-level `networks:` (where engine networks are completed for `external`). */
  networksBlock?: Range;
}

function unquoted(text: string, r: Range): Range {
  const q = text[r[0]];
  return (q === '"' || q === "'") && r[1] - r[0] >= 2 && text[r[1] - 1] === q ? [r[0] + 1, r[1] - 1] : r;
}

export function buildSymbolIndex(model: ComposeModel, projectName: string): SymbolIndex {
  const text = model.text;
  const seen = new Set<number>();
  const references: NetworkReference[] = [];
  const serviceNetworkBlocks: Range[] = [];
  for (const s of model.services) {
    if (s.networks) serviceNetworkBlocks.push(s.networks.entry.valueRange);
    for (const ref of s.networks?.refs ?? []) {
      if (seen.has(ref.range[0])) continue; // a merged anchor is written once
      seen.add(ref.range[0]);
      references.push({ name: ref.name, nameRange: unquoted(text, ref.range), service: s.name });
    }
  }
  const declarations = model.networks.map((n) => ({
    name: n.name,
    nameRange: unquoted(text, n.entry.keyRange),
    declRange: [n.entry.keyRange[0], Math.max(n.entry.keyRange[1], n.entry.valueRange[1])] as Range,
    external: n.external?.value === true,
    engineName: engineNameOf(n, projectName),
  }));
  return { declarations, references, serviceNetworkBlocks, networksBlock: model.networksEntry?.valueRange };
}
