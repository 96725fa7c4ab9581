/**
 * Text helpers for the views, free of `vscode` so plain-Node unit tests can run them.
 * User-visible sentences go through an injected `Translate` (vscode.l10n.t in the extension).
 */

/** vscode.l10n.t's shape: `{0}`-style placeholders. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** A Translate that only fills placeholders: for tests and for English. */
export const untranslated: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

// Every ASCII punctuation character may be backslash-escaped in CommonMark: escaping all of them turns
// any engine-supplied text (names, labels, options) into literal text: no emphasis, links, autolinks, HTML,
// entities (&lt;) or theme icons ($(...)).
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Escapes an engine-supplied string for a Markdown tooltip; line breaks and control characters become spaces. */
export function escapeMarkdown(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are what this strips
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(ASCII_PUNCTUATION, (c) => `\\${c}`)
  );
}

/** A tooltip line "**Name:** value" with the value escaped (the name is ours). */
export function field(name: string, value: string): string {
  return `**${name}:** ${escapeMarkdown(value)}`;
}

/** A tooltip: the first line as its own paragraph, the others as compact lines (Markdown hard breaks). */
export function paragraphs(lines: ReadonlyArray<string | undefined>): string {
  const [first, ...rest] = lines.filter((l): l is string => l !== undefined && l !== '');
  if (first === undefined) return '';
  return rest.length ? `${first}\n\n${rest.join('  \n')}` : first;
}

/** "172.18.0.2/16" when a prefix length is known. */
export function withPrefix(address: string, prefixLen: number | undefined): string {
  return prefixLen === undefined || prefixLen === 0 ? address : `${address}/${prefixLen}`;
}

/** Sorts by a name the way users read lists (case-insensitive, numbers by value), ties broken by id. */
export function byName<T>(nameOf: (item: T) => string, idOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) =>
    nameOf(a).localeCompare(nameOf(b), 'en', { sensitivity: 'base', numeric: true }) ||
    (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
}
