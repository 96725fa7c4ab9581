/**
 * The rule pages (docs/rules/<id>.md) as the CLI uses them: each page's "What" section becomes the rule's full
 * description in SARIF, and its URL in the repository the help link. The pages ship beside the bundled CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The docs/rules folder nearest to `fromDir` (the bundle's folder, or src/compose/ when run from source). */
export function findRuleDocsDir(fromDir: string): string | undefined {
  for (const up of ['..', path.join('..', '..')]) {
    const dir = path.resolve(fromDir, up, 'docs', 'rules');
    if (fs.existsSync(path.join(dir, 'README.md'))) return dir;
  }
  return undefined;
}

/** The first paragraph under "## What" of a rule page, as one line of plain Markdown text. */
export function whatSection(markdown: string): string | undefined {
  const match = /^## What\s*\n+([\s\S]*?)(?:\n\s*\n|\n## |$)/m.exec(markdown);
  return match ? match[1].replace(/\s*\n\s*/g, ' ').trim() || undefined : undefined;
}

/** Reads the page of each rule id; a missing page leaves that rule out (callers fall back to its summary). */
export function readRuleDescriptions(docsDir: string | undefined, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!docsDir) return out;
  for (const id of ids) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
    } catch {
      continue; // No page for this rule: the caller's summary stands in.
    }
    const what = whatSection(text);
    if (what) out.set(id, what);
  }
  return out;
}

/** The repository's web address from package.json's `repository` (a string or `{ url }`, git+https or .git). */
export function repositoryWebUrl(repository: string | { url?: string } | undefined): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}
