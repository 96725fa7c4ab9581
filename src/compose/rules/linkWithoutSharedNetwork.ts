import { effectiveNetworks } from './helpers';
import { deleteRange, indentUnit, insertBeforeKey, joinNetworkEdit } from './edits';
import { indentAt } from '../model/textRanges';
import type { NetworkRef, ServiceModel } from '../model/types';
import type { Fix, Rule, RuleContext, RuleFinding, TextEdit } from './types';

/** Adds `aliases: [alias]` under the target's network entry (map form, no aliases yet), keeping the rest. */
function aliasEdit(ctx: RuleContext, ref: NetworkRef | undefined, alias: string): TextEdit | undefined {
  if (!ref?.entry?.local || ref.aliases.length > 0 || ref.options?.some((o) => o.key === 'aliases')) return undefined;
  const text = ctx.model.text;
  const firstOption = ref.options?.find((o) => o.local);
  if (firstOption) return insertBeforeKey(text, firstOption.keyRange[0], `aliases: [${alias}]`);
  if (ref.options && ref.options.length > 0) return undefined;
  const eol = text.indexOf('\n', ref.entry.keyRange[1]);
  const end = eol < 0 ? text.length : eol;
  if (!/^\s*:\s*(\{\s*\}|null|~)?\s*(#.*)?$/.test(text.slice(ref.entry.keyRange[1], end))) return undefined;
  const indent = ' '.repeat(indentAt(text, ref.entry.keyRange[0]) + indentUnit(ctx.model));
  return { range: [ref.entry.keyRange[1], end], newText: `:\n${indent}aliases: [${alias}]` };
}

/** Joins `from` to the first network of `to` and drops the link (DNS on the shared network replaces it). */
function convertFix(ctx: RuleContext, from: ServiceModel, to: ServiceModel, linkIndex: number): Fix | undefined {
  const link = from.links?.items[linkIndex];
  const target = effectiveNetworks(to)[0];
  const nets = from.networks;
  if (!link || !target || !nets?.entry.local || nets.refs.length === 0) return undefined;
  // A link alias becomes a network alias of the target, so the name the service used keeps resolving.
  const alias =
    link.alias !== link.target
      ? aliasEdit(
          ctx,
          to.networks?.refs.find((r) => r.name === target),
          link.alias,
        )
      : undefined;
  if (link.alias !== link.target && !alias) return undefined;
  const join = joinNetworkEdit(ctx.model, from, target);
  if (!join) return undefined;
  const removeLinks = from.links!.items.length === 1 ? from.links!.entry.deleteRange : link.deleteRange;
  return {
    title: `Join network "${target}" and drop the link to "${to.name}"${alias ? ` (alias "${link.alias}" kept on that network)` : ''}`,
    edits: [join, deleteRange(removeLinks), ...(alias ? [alias] : [])],
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
