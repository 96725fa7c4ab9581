/**
 * The project around one compose file: its override/base siblings and `include:`d files, the `.env` next to it,
 * and the project name. Reading goes through an injected function so the editor can supply unsaved buffers.
 */
import * as path from 'node:path';
import { parseCompose } from './model/parseCompose';
import { parseDotEnv, type Env } from './model/interpolate';
import type { ComposeModel } from './model/types';
import type { ProjectView } from './rules/types';
import { effectiveNetworks } from './rules/helpers';

export type ReadFile = (file: string) => string | undefined;

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDE_NAMES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];
const VARIANT = /^(docker-)?compose\..+\.ya?ml$/i;

export interface ProjectContext {
  env: Env;
  project: ProjectView;
  projectName: string;
  /** The other files that were read (for re-linting when they change). */
  related: string[];
}

/** .env next to the file, with the process environment taking precedence (as Compose does). */
export function loadEnv(
  dir: string,
  readFile: ReadFile,
  processEnv: Readonly<Record<string, string | undefined>> = {},
): Map<string, string> {
  const text = readFile(path.join(dir, '.env'));
  const env = text === undefined ? new Map<string, string>() : parseDotEnv(text);
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) env.set(k, v);
  return env;
}

export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** Files Compose would merge with `file`: overrides of a base file, the base of an override/variant. */
export function siblingFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (BASE_NAMES.includes(base.toLowerCase())) return OVERRIDE_NAMES.map((n) => path.join(dir, n));
  if (VARIANT.test(base)) return BASE_NAMES.map((n) => path.join(dir, n));
  return [];
}

export function buildProjectContext(
  file: string,
  model: ComposeModel,
  readFile: ReadFile,
  processEnv: Readonly<Record<string, string | undefined>> = {},
): ProjectContext {
  const dir = path.dirname(file);
  const env = loadEnv(dir, readFile, processEnv);
  const services = new Set<string>();
  const networks = new Set<string>();
  const usedNetworks = new Set<string>();
  const related: string[] = [];
  const seen = new Set([path.resolve(file)]);
  const visit = (m: ComposeModel, from: string, depth: number) => {
    const queue = [
      ...(from === file ? siblingFiles(file) : []),
      ...m.includes.map((p) => path.resolve(path.dirname(from), p)),
    ];
    for (const other of queue) {
      const abs = path.resolve(other);
      if (seen.has(abs) || depth > 4) continue;
      seen.add(abs);
      const text = readFile(abs);
      if (text === undefined) continue;
      related.push(abs);
      const om = parseCompose(text, env);
      for (const s of om.services) {
        services.add(s.name);
        for (const n of effectiveNetworks(s)) usedNetworks.add(n);
      }
      for (const n of om.networks) networks.add(n.name);
      visit(om, abs, depth + 1);
    }
  };
  visit(model, file, 0);
  const named = model.projectName ?? env.get('COMPOSE_PROJECT_NAME') ?? path.basename(dir);
  return { env, project: { services, networks, usedNetworks }, projectName: normalizeProjectName(named), related };
}
