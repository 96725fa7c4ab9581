import { isUnspecifiedMemo as isUnspecified } from '../model/ipMemo';
import { modeKind } from './helpers';
import { insertBeforeKey, replaceScalar } from './edits';
import type { PortItem } from '../model/types';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';

function bindFix(ctx: RuleContext, p: PortItem): Fix | undefined {
  const text = ctx.model.text;
  let edit;
  if (p.short) {
    const parts = p.short.value.split(':');
    const tail = parts.length >= 2 ? parts.slice(-2).join(':') : `:${parts[0]}`;
    edit = replaceScalar(text, p.short, `127.0.0.1:${tail}`);
    if (text[p.short.range[0]] !== '"' && text[p.short.range[0]] !== "'") edit.newText = `"${edit.newText}"`;
  } else if (p.hostIpRange) {
    edit = replaceScalar(text, { value: '', range: p.hostIpRange, unresolved: false }, '127.0.0.1');
  } else if (p.longMapIndentOffset !== undefined) {
    edit = insertBeforeKey(text, p.longMapIndentOffset, 'host_ip: 127.0.0.1');
  }
  return edit ? { title: 'Bind to 127.0.0.1 only', edits: [edit], preferred: true } : undefined;
}

export const portAllInterfaces: Rule = {
  id: 'port-all-interfaces',
  severity: 'warning',
  category: 'security',
  enabledByDefault: false,
  summary: 'A published port bound to every host interface (reachable from the network, past host firewalls).',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.model.services) {
      const kind = modeKind(s);
      if (kind === 'host' || kind === 'service' || kind === 'container') continue;
      for (const p of s.ports?.items ?? []) {
        if (!p.spec || (p.spec.hostIp !== undefined && !isUnspecified(p.spec.hostIp))) continue;
        const fix = s.ports?.entry.local ? bindFix(ctx, p) : undefined;
        out.push({
          message: `Service "${s.name}" publishes container port ${p.spec.containerStart}/${p.spec.protocol} on every host interface; Docker's iptables rules bypass host firewalls. Bind it to 127.0.0.1 unless other machines must reach it.`,
          range: p.range,
          fixes: fix ? [fix] : [],
        });
      }
    }
    return out;
  },
};
