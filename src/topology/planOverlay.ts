/**
 * Plan against reality: a compose file's declared networks and services compared with what the engine runs for
 * that project (found by the com.docker.compose.* labels compose puts on what it creates). Pure (no vscode).
 */
import { parse } from 'yaml';
import type { TopologySnapshot } from '../model/topology';
import type { PlanItem, PlanOverlay } from './protocol';
import { containerNodeId, networkNodeId } from './graph/build';

const NETWORK_LABEL = 'com.docker.compose.network';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compose's own normalisation of a project name: lower case, only [a-z0-9_-]. */
export function normaliseProjectName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

export function isComposeFileName(path: string): boolean {
  return /(^|[\\/])(docker-)?compose(\.[\w-]+)?\.ya?ml$/i.test(path);
}

interface DeclaredNetwork {
  key: string;
  /** The engine name: `name:` or external name, else <project>_<key>. */
  engineName: string;
}

function declaredNetworks(doc: Obj, project: string, usesDefault: boolean): DeclaredNetwork[] {
  const out: DeclaredNetwork[] = [];
  const nets = isObj(doc.networks) ? doc.networks : {};
  for (const [key, value] of Object.entries(nets)) {
    const def = isObj(value) ? value : {};
    const explicit = typeof def.name === 'string' ? def.name : undefined;
    const ext = def.external;
    const externalName = isObj(ext) && typeof ext.name === 'string' ? ext.name : undefined;
    const isExternal = ext === true || isObj(ext);
    out.push({ key, engineName: externalName ?? explicit ?? (isExternal ? key : `${project}_${key}`) });
  }
  if (usesDefault && !out.some((n) => n.key === 'default'))
    out.push({ key: 'default', engineName: `${project}_default` });
  return out;
}

function serviceNetworks(def: Obj): string[] {
  if (typeof def.network_mode === 'string') return [];
  const n = def.networks;
  if (Array.isArray(n)) return n.filter((x): x is string => typeof x === 'string').sort();
  if (isObj(n)) return Object.keys(n).sort();
  return ['default'];
}

/** Returns null when the text is not a compose file with services (nothing to compare). */
export function comparePlan(
  text: string,
  file: string,
  dirName: string,
  snapshot: TopologySnapshot,
): PlanOverlay | null {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return null; // a half-typed file: the overlay waits for the next valid version (the linter reports the error)
  }
  if (!isObj(doc) || !isObj(doc.services)) return null;
  const project = normaliseProjectName(typeof doc.name === 'string' ? doc.name : dirName);
  const services = doc.services;
  const svcNets = new Map<string, string[]>();
  for (const [name, def] of Object.entries(services)) svcNets.set(name, serviceNetworks(isObj(def) ? def : {}));
  const usesDefault = [...svcNets.values()].some((l) => l.includes('default'));
  const declared = declaredNetworks(doc, project, usesDefault);
  const items: PlanItem[] = [];

  // Networks: by engine name, or by compose's labels.
  const keyByNetworkId = new Map<string, string>();
  for (const d of declared) {
    const found = [...snapshot.networks.values()].find(
      (n) => n.name === d.engineName || (n.composeProject === project && n.labels[NETWORK_LABEL] === d.key),
    );
    if (found) {
      keyByNetworkId.set(found.id, d.key);
      items.push({
        kind: 'network',
        name: d.key,
        status: 'ok',
        nodeId: networkNodeId(found.id),
        detail: `runs as ${found.name}`,
      });
    } else
      items.push({
        kind: 'network',
        name: d.key,
        status: 'missing',
        detail: `declared, no network ${d.engineName} on the engine`,
      });
  }
  for (const n of snapshot.networks.values()) {
    if (n.composeProject === project && !keyByNetworkId.has(n.id))
      items.push({
        kind: 'network',
        name: n.name,
        status: 'undeclared',
        nodeId: networkNodeId(n.id),
        detail: 'runs for this project, not declared in the file',
      });
  }

  // Services: containers of the project by service label; attachments compared by compose network key.
  const containersByService = new Map<string, string[]>();
  for (const c of snapshot.containers.values()) {
    if (c.composeProject !== project || !c.composeService) continue;
    (
      containersByService.get(c.composeService) ?? containersByService.set(c.composeService, []).get(c.composeService)!
    ).push(c.id);
  }
  for (const [name, nets] of svcNets) {
    const ids = containersByService.get(name) ?? [];
    if (!ids.length) {
      items.push({ kind: 'service', name, status: 'missing', detail: 'declared, no container runs it' });
      continue;
    }
    for (const id of ids) {
      const actual = (snapshot.endpointsByContainer.get(id) ?? [])
        .map((e) => keyByNetworkId.get(e.networkId) ?? e.networkName)
        .sort();
      const same = actual.length === nets.length && actual.every((a, i) => a === nets[i]);
      const cname = snapshot.containers.get(id)?.name ?? id;
      items.push({
        kind: 'service',
        name,
        status: same ? 'ok' : 'different',
        nodeId: containerNodeId(id),
        detail: same
          ? `${cname} on ${actual.join(', ') || 'no network'}`
          : `${cname}: declared on ${nets.join(', ') || 'no network'}, attached to ${actual.join(', ') || 'no network'}`,
      });
    }
  }
  for (const [service, ids] of containersByService) {
    if (svcNets.has(service)) continue;
    for (const id of ids)
      items.push({
        kind: 'service',
        name: service,
        status: 'undeclared',
        nodeId: containerNodeId(id),
        detail: `${snapshot.containers.get(id)?.name ?? id} runs for this project, service not in the file`,
      });
  }
  return { file, project, items };
}
