/**
 * The webview's sentences in the user's language: the host puts the translations of every `tr('...')` message
 * (src/topology/webviewStrings.ts, through vscode.l10n.t) in the page as a JSON data block; without it (tests,
 * the benchmark) the English message is used. `{0}`-style placeholders as in vscode.l10n.t.
 */

function readStrings(): Readonly<Record<string, string>> {
  const text = document.getElementById('webview-data')?.textContent;
  if (!text) return {};
  try {
    const data: unknown = JSON.parse(text);
    const strings = (data as { strings?: unknown } | null)?.strings;
    if (typeof strings !== 'object' || strings === null) return {};
    return Object.fromEntries(Object.entries(strings).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {}; // a malformed block falls back to English: the panel stays usable
  }
}

const strings = readStrings();

export function tr(message: string, ...args: Array<string | number>): string {
  const template = strings[message] ?? message;
  return args.length
    ? template.replace(/\{(\d+)\}/g, (whole, i: string) => String(args[Number(i)] ?? whole))
    : template;
}
