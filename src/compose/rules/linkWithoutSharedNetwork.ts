import { effectiveNetworks } from './helpers';
import { deleteRange } from './edits';
import { indentAt } from '../model/textRanges';
import type { ServiceModel } from '../model/types';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';

/** Joins `from` to the first network of `to` and drops the link (DNS on the shared network replaces it). */
function convertFix(ctx: RuleContext, from: ServiceModel, to: ServiceModel, linkIndex: number): Fix | undefined {
  const link = from.links?.items[linkIndex];
  const target = effectiveNetworks(to)[0];
  const nets = from.networks;
  if (!link || !target || !nets?.entry.local || nets.refs.length === 0 || link.alias !== link.target) return undefined;
  const text = ctx.model.text;
  const last = nets.refs[nets.refs.length - 1];
  const indent = indentAt(text, last.range[0]);
  // Insert at the end of the last entry's line (before its newline) so it never touches the links deletion.
  const nl = text.indexOf('\n', last.range[1]);
  const at = nl < 0 ? text.length : nl;
  const line = nets.form === 'list' ? `- ${target}` : `${target}: {}`;
  const removeLinks = from.links!.items.length === 1 ? from.links!.entry.deleteRange : link.deleteRange;
  return {
    title: `Join network "${target}" and drop the link to "${to.name}"`,
    edits: [{ range: [at, at], newText: `\n${' '.repeat(indent)}${line}` }, deleteRange(removeLinks)],
    preferred: true,
  };
}

export const linkWithoutSharedNetwork: Rule = {
  id: 'link-without-shared-network',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'A `links` target that shares no network with the service: the link cannot work.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const byName = new Map(ctx.model.services.map((s) => [s.name, s]));
    for (const s of ctx.model.services) {
      if (!s.links || s.networkMode) continue;
      const mine = new Set(effectiveNetworks(s));
      s.links.items.forEach((link, i) => {
        const other = byName.get(link.target);
        if (!other || other.networkMode) return;
        const theirs = effectiveNetworks(other);
        if (theirs.some((n) => mine.has(n))) return;
        const fix = convertFix(ctx, s, other, i);
        out.push({
          message: `Service "${s.name}" links to "${link.target}" but they share no network (${[...mine].join(', ') || 'none'} vs ${theirs.join(', ') || 'none'}), so the link cannot resolve. Put both on a common network; its DNS replaces links.`,
          range: link.text.range,
          fixes: fix ? [fix] : [],
        });
      });
    }
    return out;
  },
};
