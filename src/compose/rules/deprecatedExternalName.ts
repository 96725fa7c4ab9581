import { indentAt } from '../model/textRanges';
import type { Rule, RuleFinding } from './types';

export const deprecatedExternalName: Rule = {
  id: 'deprecated-external-name',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'The deprecated `external: {name: X}` form; write `name: X` with `external: true`.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const text = ctx.model.text;
    for (const n of ctx.model.networks) {
      const ext = n.external;
      if (!ext?.legacyName) continue;
      const fixes = [];
      if (ext.entry.local && !n.nameValue) {
        const indent = ' '.repeat(indentAt(text, ext.entry.keyRange[0]));
        const end = ext.entry.valueRange[1];
        const trailingNewline = text[end - 1] === '\n';
        const nameSource = text.slice(ext.legacyName.range[0], ext.legacyName.range[1]);
        fixes.push({
          title: 'Rewrite as `name:` + `external: true`',
          edits: [
            {
              range: [ext.entry.keyRange[0], end] as const,
              newText: `name: ${nameSource}\n${indent}external: true${trailingNewline ? '\n' : ''}`,
            },
          ],
          preferred: true,
        });
      }
      out.push({
        message: `"external: {name: ...}" is deprecated; use "name: ${ext.legacyName.value}" with "external: true".`,
        range: ext.entry.keyRange,
        fixes,
      });
    }
    return out;
  },
};
