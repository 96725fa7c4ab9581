/**
 * What the CLI lints: files as named, compose files found under directories, and stdin for `-`. Every input
 * that cannot be read becomes a problem to report; the others are still linted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMPOSE_FILE_NAME } from './fileNames';

const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface LintInput {
  /** As shown in results: the path as given (or found under a directory), or the --stdin-filename. */
  shown: string;
  /** Absolute path: where .env and sibling compose files are looked up. */
  absolute: string;
  text: string;
}

export interface InputProblem {
  shown: string;
  message: string;
}

export interface CollectedInputs {
  inputs: LintInput[];
  problems: InputProblem[];
}

export interface InputSources {
  cwd: string;
  readStdin(): Promise<string>;
  stdinFilename?: string;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Compose files under `dir`, depth first, sorted by name so runs are stable; dot-folders and node_modules skipped. */
export function findComposeFiles(dir: string, problems: InputProblem[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ shown: dir, message: `cannot read the directory ${dir}: ${reason(e)}` });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name))
        found.push(...findComposeFiles(full, problems));
    } else if (entry.isFile() && COMPOSE_FILE_NAME.test(entry.name)) found.push(full);
  }
  return found;
}

function readInput(shown: string, cwd: string, inputs: LintInput[], problems: InputProblem[]): void {
  const absolute = path.resolve(cwd, shown);
  try {
    inputs.push({ shown, absolute, text: fs.readFileSync(absolute, 'utf8') });
  } catch (e) {
    problems.push({ shown, message: `cannot read ${shown}: ${reason(e)}` });
  }
}

export async function collectInputs(paths: readonly string[], sources: InputSources): Promise<CollectedInputs> {
  const inputs: LintInput[] = [];
  const problems: InputProblem[] = [];
  for (const given of paths) {
    if (given === '-') {
      const shown = sources.stdinFilename ?? '<stdin>';
      try {
        inputs.push({
          shown,
          absolute: path.resolve(sources.cwd, sources.stdinFilename ?? 'compose.yaml'),
          text: await sources.readStdin(),
        });
      } catch (e) {
        problems.push({ shown, message: `cannot read stdin: ${reason(e)}` });
      }
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(path.resolve(sources.cwd, given));
    } catch {
      // Reported by readInput with the system's own message (ENOENT, EACCES...).
    }
    if (!stat?.isDirectory()) {
      readInput(given, sources.cwd, inputs, problems);
      continue;
    }
    const found = findComposeFiles(path.resolve(sources.cwd, given), problems);
    if (found.length === 0)
      problems.push({
        shown: given,
        message: `no compose files (compose*.y(a)ml, docker-compose*.y(a)ml) under ${given}`,
      });
    for (const file of found)
      readInput(path.join(given, path.relative(path.resolve(sources.cwd, given), file)), sources.cwd, inputs, problems);
  }
  return { inputs, problems };
}

/** Reads all of process.stdin as UTF-8. */
export function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}
