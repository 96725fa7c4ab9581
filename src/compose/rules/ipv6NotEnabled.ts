import { ipFamilyMemo as ipFamily } from '../model/ipMemo';
import { findNetwork, subnetsOf, usable } from './helpers';
import { insertBeforeKey, replaceScalar } from './edits';
import type { NetworkDecl } from '../model/types';
import type { Fix, Rule, RuleFinding, RuleContext } from './types';

function enableFix(ctx: RuleContext, decl: NetworkDecl): Fix[] {
  const text = ctx.model.text;
  if (decl.enableIpv6 && decl.enableIpv6.entry.local) {
    const range = decl.enableIpv6.entry.valueRange;
    return [
      {
        title: 'Set `enable_ipv6: true`',
        edits: [replaceScalar(text, { value: '', range, unresolved: false }, 'true')],
        preferred: true,
      },
    ];
  }
  const first = decl.keys.find((k) => k.local);
  const edit = first && insertBeforeKey(text, first.keyRange[0], 'enable_ipv6: true');
  return edit ? [{ title: 'Add `enable_ipv6: true`', edits: [edit], preferred: true }] : [];
}

export const ipv6NotEnabled: Rule = {
  id: 'ipv6-not-enabled',
  severity: 'warning',
  category: 'network',
  enabledByDefault: true,
  summary: 'An IPv6 subnet or address on a network without `enable_ipv6: true`.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const enabled = (d: NetworkDecl) => d.enableIpv6?.value === true;
    for (const n of ctx.model.networks) {
      if (
        n.external?.value ||
        enabled(n) ||
        (n.enableIpv6 === undefined && n.keys.some((k) => k.key === 'enable_ipv6'))
      )
        continue;
      for (const x of subnetsOf(n)) {
        if (x.cidr.family !== 'ipv6') continue;
        out.push({
          message: `Network "${n.name}" has the IPv6 subnet ${x.text.value} but no "enable_ipv6: true": containers get no IPv6 address.`,
          range: x.text.range,
          fixes: enableFix(ctx, n),
        });
      }
    }
    for (const s of ctx.model.services) {
      for (const ref of s.networks?.refs ?? []) {
        if (!usable(ref.ipv6) || ipFamily(ref.ipv6.value) !== 'ipv6') continue;
        const decl = findNetwork(ctx.model, ref.name);
        if (!decl || decl.external?.value || enabled(decl)) continue;
        if (decl.enableIpv6 === undefined && decl.keys.some((k) => k.key === 'enable_ipv6')) continue; // unresolved value
        out.push({
          message: `Service "${s.name}" asks for the IPv6 address ${ref.ipv6.value} on network "${ref.name}", which does not set "enable_ipv6: true".`,
          range: ref.ipv6.range,
          fixes: enableFix(ctx, decl),
        });
      }
    }
    return out;
  },
};
