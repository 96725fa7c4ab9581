/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, GitLab): locations are URIs relative to %SRCROOT% (the
 * directory the CLI ran in, given in originalUriBaseIds), percent-encoded; every rule, `yaml-syntax` included, has
 * a full description and a help link to its page; unreadable inputs become tool execution notifications.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileFindings } from './cliFormat';
import type { RuleSetting } from './lint';
import { SYNTAX_RULE } from './lint';
import { RULES } from './rules';
import type { Severity } from './rules/types';

export interface SarifRun {
  version: string;
  /** The repository's web address: the tool's informationUri and the base of each rule's page. */
  repositoryUrl: string;
  /** %SRCROOT%: the directory relative locations are resolved against. */
  cwd: string;
  /** Full descriptions from the rule pages, by rule id. */
  descriptions: ReadonlyMap<string, string>;
  /** The settings the run used, so each rule's default level says what this run reported. */
  rules: Readonly<Record<string, RuleSetting>>;
  /** Inputs that could not be read (each with the file as given). */
  problems: readonly { shown: string; message: string }[];
}

const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function level(severity: Severity | 'off'): SarifLevel {
  return severity === 'off' ? 'none' : severity === 'info' ? 'note' : severity;
}

/** A location for `file` (as shown): relative to %SRCROOT% when inside it, else an absolute file: URI. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function ruleDescriptors(run: SarifRun): object[] {
  const all = [
    {
      id: SYNTAX_RULE,
      summary: 'The file is not valid YAML, or nests deeper than the parser follows.',
      severity: 'error' as const,
    },
    ...RULES.map((r) => ({ id: r.id, summary: r.summary, severity: r.severity })),
  ];
  return all.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    fullDescription: { text: run.descriptions.get(r.id) ?? r.summary },
    helpUri: `${run.repositoryUrl}/blob/main/docs/rules/${r.id}.md`,
    help: { text: `${r.summary} See ${run.repositoryUrl}/blob/main/docs/rules/${r.id}.md` },
    defaultConfiguration: { level: level(r.id === SYNTAX_RULE ? 'error' : (run.rules[r.id] ?? r.severity)) },
  }));
}

export function toSarif(results: readonly FileFindings[], run: SarifRun): object {
  const rootUri = pathToFileURL(run.cwd.endsWith(path.sep) ? run.cwd : run.cwd + path.sep).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docker-net-lint',
            version: run.version,
            semanticVersion: run.version,
            informationUri: run.repositoryUrl,
            rules: ruleDescriptors(run),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        invocations: [
          {
            executionSuccessful: run.problems.length === 0,
            toolExecutionNotifications: run.problems.map((p) => ({
              level: 'error',
              message: { text: p.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.shown, run.cwd) } }],
            })),
          },
        ],
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.rule,
            level: level(f.severity),
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(file, run.cwd),
                  region: {
                    startLine: f.start.line,
                    startColumn: f.start.column,
                    endLine: f.end.line,
                    endColumn: f.end.column,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
