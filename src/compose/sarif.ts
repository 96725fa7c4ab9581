/** SARIF 2.1.0 output for code-scanning tools. */
import type { Finding } from './lint';
import { RULES } from './rules';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

const DOCS = 'docs/rules';

export function toSarif(results: FileFindings[], version: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docker-net-lint',
            version,
            informationUri: 'https://github.com/docker-network-explorer/docker-network-explorer',
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              // helpUri must be absolute; the page ships with the extension and the repository, so name its path.
              help: { text: `${r.summary} See ${DOCS}/${r.id}.md.` },
              defaultConfiguration: { level: r.enabledByDefault ? (r.severity === 'info' ? 'note' : r.severity) : 'none' },
            })),
          },
        },
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.rule,
            level: f.severity === 'info' ? 'note' : f.severity,
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split('\\').join('/') },
                  region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
