/**
 * The CLI's text and JSON output. Text goes to a terminal, so everything that came from a file (names, values in
 * messages, the file name itself) is shown with control and bidi characters escaped: a service named with an
 * escape sequence must not retitle or recolour the reader's terminal.
 */
import type { Finding } from './lint';

export interface FileFindings {
  /** The file as the user named it (or found under a directory). */
  file: string;
  findings: Finding[];
}

// C0 controls, DEL, C1 controls, and the bidi overrides/isolates that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function textLines(results: readonly FileFindings[]): string[] {
  return results.flatMap(({ file, findings }) =>
    findings.map((f) =>
      escapeControl(`${file}:${f.start.line}:${f.start.column}: ${f.severity} ${f.message} [${f.rule}]`),
    ),
  );
}

export function jsonText(results: readonly FileFindings[]): string {
  const rows = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      line: f.start.line,
      column: f.start.column,
      endLine: f.end.line,
      endColumn: f.end.column,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
  );
  return JSON.stringify(rows, null, 2);
}
