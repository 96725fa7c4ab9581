/**
 * Test helper: the compose model as the features read it, checked against text written in the test: each service's networks,
 * links, ports, extra hosts, dependencies, environment and replicas, each network's declaration, every value shown
 * with its line and the exact source text its range covers (what a finding underlines or a fix rewrites). The
 * expected lines are written by hand from the YAML in each case, not produced by another parse path.
 */
import { parseCompose } from '../../../src/compose/model/parseCompose';
import type { ComposeModel, Range, ServiceModel, Text } from '../../../src/compose/model/types';

/** `L<line> "<source text>"`: the 1-based line a range starts on and the text it covers. */
function at(text: string, r: Range | undefined): string {
  if (!r) return '-';
  return `L${text.slice(0, r[0]).split('\n').length} ${JSON.stringify(text.slice(r[0], r[1]))}`;
}

/** `L<first>-L<last>`: the lines a range spans (a block's extent). */
function lines(text: string, r: Range): string {
  const line = (o: number) => text.slice(0, o).split('\n').length;
  return `L${line(r[0])}-L${line(r[1])}`;
}

function val(text: string, t: Text | undefined): string {
  if (!t) return '-';
  return `${t.unresolved ? '?' : ''}${t.value}@${at(text, t.range)}`;
}

const indent = (o: number | undefined): Range | undefined => (o === undefined ? undefined : [o, o + 6]);

function serviceLines(text: string, s: ServiceModel): string[] {
  const out = [
    `service ${s.name} ${at(text, s.entry.keyRange)} keys ${s.keys.map((k) => (k.local ? k.key : `${k.key}*`)).join(',')}`,
  ];
  if (s.networks) {
    out.push(`  networks ${s.networks.form} ${at(text, s.networks.entry.keyRange)}`);
    for (const r of s.networks.refs) {
      const v6 = val(text, r.ipv6);
      out.push(`    ${r.name} ${at(text, r.range)} v4 ${val(text, r.ipv4)} v6 ${v6} aliases [${r.aliases.join(',')}]`);
      if (r.options) out.push(`      options ${r.options.map((o) => o.key).join(',')}`);
      out.push(`      delete ${at(text, r.deleteRange)}`);
    }
  }
  out.push(`  block ${lines(text, s.blockRange)}`);
  if (s.links) out.push(`  links ${at(text, s.links.entry.keyRange)} ${s.links.items.length} item(s)`);
  if (s.networkMode) out.push(`  network_mode ${val(text, s.networkMode.value)}`);
  for (const l of s.links?.items ?? []) out.push(`  link ${l.target} as ${l.alias} ${val(text, l.text)}`);
  if (s.externalLinks) out.push(`  external_links ${at(text, s.externalLinks.keyRange)}`);
  for (const p of s.ports?.items ?? []) {
    const spec = p.spec ? JSON.stringify(p.spec) : '-';
    out.push(`  port ${at(text, p.range)} ${p.unresolved ? 'unresolved ' : ''}spec ${spec} error ${p.error ?? '-'}`);
    if (p.hostIpRange || p.longMapIndentOffset !== undefined)
      out.push(`    hostIp ${at(text, p.hostIpRange)} target ${at(text, indent(p.longMapIndentOffset))}`);
  }
  for (const k of ['expose', 'dns', 'hostname'] as const) if (s[k]) out.push(`  ${k} ${at(text, s[k]!.keyRange)}`);
  for (const h of s.extraHosts?.items ?? [])
    out.push(`  host ${h.host}=${h.ip} ${val(text, h.text)} error ${h.error ?? '-'}`);
  for (const d of s.dependsOn?.items ?? [])
    out.push(`  depends ${d.name} ${at(text, d.range)} condition ${d.condition ?? '-'}`);
  for (const e of s.environment?.items ?? []) out.push(`  env ${e.key}=${val(text, e.value)}`);
  if (s.replicas) out.push(`  replicas ${s.replicas.value} ${at(text, s.replicas.range)}`);
  return out;
}

/** A boolean key as read: absent (-), or its value (`undefined` would be a key kept without a value). */
const flag = (f: { value: boolean } | undefined): string => (f ? String(f.value) : '-');

export function show(m: ComposeModel): string[] {
  const out: string[] = [];
  if (m.projectName !== undefined) out.push(`name ${m.projectName}`);
  if (m.includes.length) out.push(`includes ${m.includes.join(',')}`);
  for (const s of m.services) out.push(...serviceLines(m.text, s));
  for (const n of m.networks) {
    const ext = n.external
      ? `${n.external.value}${n.external.legacyName ? ` ${val(m.text, n.external.legacyName)}` : ''}`
      : '-';
    out.push(`network ${n.name} block ${at(m.text, n.blockRange)} external ${ext} name ${val(m.text, n.nameValue)}`);
    out.push(`  driver ${val(m.text, n.driver)} ipv6 ${flag(n.enableIpv6)} internal ${flag(n.internal)}`);
    for (const c of n.ipam) {
      const aux = c.aux.map((a) => `${a.name}=${val(m.text, a.value)}`).join(' ');
      out.push(`  ipam ${at(m.text, c.range)}`);
      out.push(
        `    subnet ${val(m.text, c.subnet)} range ${val(m.text, c.ipRange)} gw ${val(m.text, c.gateway)} aux ${aux}`,
      );
    }
  }
  for (const e of m.syntaxErrors) out.push(`syntax error ${at(m.text, e.range)}: ${e.message}`);
  return out;
}

const env = new Map([
  ['SET', 'v'],
  ['NET', '10.9.0.0/16'],
]);
export const parse = (text: string): string[] => show(parseCompose(text, env));
