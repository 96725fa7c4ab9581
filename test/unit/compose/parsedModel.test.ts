/**
 * The compose model as the features read it, checked against text written in the test: each service's networks,
 * links, ports, extra hosts, dependencies, environment and replicas, each network's declaration, every value shown
 * with its line and the exact source text its range covers (what a finding underlines or a fix rewrites). The
 * expected lines are written by hand from the YAML in each case, not produced by another parse path.
 */
import * as assert from 'node:assert/strict';
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

function show(m: ComposeModel): string[] {
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
const parse = (text: string): string[] => show(parseCompose(text, env));

describe('compose model as read from the file: values, lines and ranges', () => {
  it("a service's networks, links, ports, extra hosts, dependencies, environment and replicas", () => {
    const text = [
      'services:',
      '  api:',
      '    image: x',
      '    networks:',
      '      front:',
      '        ipv4_address: 10.0.0.2',
      '        ipv6_address: ${MISSING}',
      '        aliases: [a, b, ""]',
      '      back: {}',
      '    links:',
      '      - db:database',
      '      - cache',
      '      - ${MISSING}',
      '    external_links: [x]',
      '    ports:',
      '      - "8080:80"',
      '      - target: 81',
      '        published: "9090"',
      '        host_ip: 127.0.0.1',
      '        protocol: udp',
      '      - target: ${MISSING}',
      '      - ${MISSING}:82',
      '      - "99999"',
      '      - [1]',
      '      - target: 0',
      '    expose: [1]',
      '    dns: 1.1.1.1',
      '    hostname: h',
      '    extra_hosts:',
      '      - "gw:host-gateway"',
      '      - "a=10.0.0.1"',
      '      - " b : [::1] "',
      '      - "c:d:1.2.3.4"',
      '      - "noseparator"',
      '      - ":1.2.3.4"',
      '      - "e:nope"',
      '      - ${MISSING}',
      '    depends_on: [db, "${MISSING}"]',
      '    environment:',
      '      - A=1',
      '      - =x',
      '      - B',
      '      - C=${SET}',
      '    deploy:',
      '      replicas: 3',
      '  db:',
      '    network_mode: "service:api"',
      '    scale: 2',
      '    extra_hosts:',
      '      m: 10.0.0.9',
      '      bad: x',
      '      u: ${MISSING}',
      '    depends_on:',
      '      api:',
      '        condition: service_healthy',
      '      c2:',
      '        condition: ${MISSING}',
      '      c3: {}',
      '    environment:',
      '      K: v',
      '      L: ${MISSING}',
      '      M: [1]',
      '    networks: [front, "${MISSING}", back]',
      '  w:',
      '    scale: "x"',
      '    deploy:',
      '      replicas: ${MISSING}',
      '',
    ].join('\n');
    assert.deepEqual(parse(text), [
      'service api L2 "api" keys image,networks,links,external_links,ports,expose,dns,hostname,extra_hosts,depends_on,environment,deploy',
      '  networks map L4 "networks"',
      '    front L5 "front" v4 10.0.0.2@L6 "10.0.0.2" v6 ?@L7 "${MISSING}" aliases [a,b]',
      '      options ipv4_address,ipv6_address,aliases',
      '      delete L5 "      front:\\n        ipv4_address: 10.0.0.2\\n        ipv6_address: ${MISSING}\\n        aliases: [a, b, \\"\\"]\\n"',
      '    back L9 "back" v4 - v6 - aliases []',
      '      options ',
      '      delete L9 "      back: {}\\n"',
      '  block L3-L46',
      '  links L10 "links" 2 item(s)',
      '  link db as database db:database@L11 "db:database"',
      '  link cache as cache cache@L12 "cache"',
      '  external_links L14 "external_links"',
      '  port L16 "\\"8080:80\\"" spec {"hostStart":8080,"hostEnd":8080,"containerStart":80,"containerEnd":80,"protocol":"tcp"} error -',
      '  port L17 "target: 81\\n        published: \\"9090\\"\\n        host_ip: 127.0.0.1\\n        protocol: udp\\n" spec {"hostIp":"127.0.0.1","hostStart":9090,"hostEnd":9090,"containerStart":81,"containerEnd":81,"protocol":"udp"} error -',
      '    hostIp L19 "127.0.0.1" target L17 "target"',
      '  port L21 "target: ${MISSING}\\n" unresolved spec - error -',
      '  port L22 "${MISSING}:82" unresolved spec - error -',
      '  port L23 "\\"99999\\"" spec - error container port "99999" is outside 1-65535',
      '  port L24 "[1]" spec - error the entry is neither a port string nor a mapping',
      '  port L25 "target: 0\\n" spec - error target "0" is outside 1-65535',
      '    hostIp - target L25 "target"',
      '  expose L26 "expose"',
      '  dns L27 "dns"',
      '  hostname L28 "hostname"',
      '  host gw=host-gateway gw:host-gateway@L30 "\\"gw:host-gateway\\"" error -',
      '  host a=10.0.0.1 a=10.0.0.1@L31 "\\"a=10.0.0.1\\"" error -',
      '  host b=[::1]  b : [::1] @L32 "\\" b : [::1] \\"" error -',
      '  host c=d:1.2.3.4 c:d:1.2.3.4@L33 "\\"c:d:1.2.3.4\\"" error "d:1.2.3.4" is not an IP address (nor host-gateway)',
      '  host noseparator= noseparator@L34 "\\"noseparator\\"" error the entry needs the form host:ip or host=ip',
      '  host =1.2.3.4 :1.2.3.4@L35 "\\":1.2.3.4\\"" error the host name is empty',
      '  host e=nope e:nope@L36 "\\"e:nope\\"" error "nope" is not an IP address (nor host-gateway)',
      '  depends db L38 "db" condition -',
      '  env A=1@L40 "A=1"',
      '  env C=v@L43 "C=${SET}"',
      '  replicas 3 L45 "3"',
      'service db L46 "db" keys network_mode,scale,extra_hosts,depends_on,environment,networks',
      '  networks list L63 "networks"',
      '    front L63 "front" v4 - v6 - aliases []',
      '      delete L63 "front, "',
      '    back L63 "back" v4 - v6 - aliases []',
      '      delete L63 ", back"',
      '  block L47-L64',
      '  network_mode service:api@L47 "\\"service:api\\""',
      '  host m=10.0.0.9 10.0.0.9@L50 "10.0.0.9" error -',
      '  host bad=x x@L51 "x" error "x" is not an IP address (nor host-gateway)',
      '  depends api L54 "api" condition service_healthy',
      '  depends c2 L56 "c2" condition -',
      '  depends c3 L58 "c3" condition -',
      '  env K=v@L60 "v"',
      '  env L=?@L61 "${MISSING}"',
      '  replicas 2 L48 "2"',
      'service w L64 "w" keys scale,deploy',
      '  block L65-L68',
    ]);
  });

  it('networks: merge keys (the first source wins, explicit keys over both), external, booleans, IPAM', () => {
    const text = [
      'x-base: &base',
      '  driver: bridge',
      '  internal: yes',
      'x-v6: &v6',
      '  enable_ipv6: on',
      '  driver: macvlan',
      '  internal: no',
      'networks:',
      '  plain: {}',
      '  merged:',
      '    <<: [*base, *v6]',
      '    driver: overlay',
      '  old:',
      '    external:',
      '      name: legacy',
      '  ext:',
      '    external: true',
      '    name: ${SET}-net',
      '  notext:',
      '    external: No',
      '    enable_ipv6: off',
      '    internal: false',
      '  weird:',
      '    external: maybe',
      '    enable_ipv6: ${MISSING}',
      '    internal: 1',
      '  empty:',
      '  addr:',
      '    ipam:',
      '      config:',
      '        - subnet: ${NET}',
      '          ip_range: 10.9.1.0/24',
      '          gateway: 10.9.0.1',
      '          aux_addresses:',
      '            r: 10.9.0.2',
      '            s: ${MISSING}',
      '            t: [1]',
      '        - &cfg',
      '          subnet: 10.8.0.0/16',
      '        - *cfg',
      '',
    ].join('\n');
    assert.deepEqual(parse(text), [
      'network plain block L9 "{}" external - name -',
      '  driver - ipv6 - internal -',
      'network merged block L11 "<<: [*base, *v6]\\n    driver: overlay\\n" external - name -',
      '  driver overlay@L12 "overlay" ipv6 true internal true',
      'network old block L14 "external:\\n      name: legacy\\n" external true legacy@L15 "legacy" name -',
      '  driver - ipv6 - internal -',
      'network ext block L17 "external: true\\n    name: ${SET}-net\\n" external true name v-net@L18 "${SET}-net"',
      '  driver - ipv6 - internal -',
      'network notext block L20 "external: No\\n    enable_ipv6: off\\n    internal: false\\n" external false name -',
      '  driver - ipv6 false internal false',
      'network weird block L24 "external: maybe\\n    enable_ipv6: ${MISSING}\\n    internal: 1\\n" external - name -',
      '  driver - ipv6 - internal -',
      'network empty block L27 "" external - name -',
      '  driver - ipv6 - internal -',
      'network addr block L29 "ipam:\\n      config:\\n        - subnet: ${NET}\\n          ip_range: 10.9.1.0/24\\n          gateway: 10.9.0.1\\n          aux_addresses:\\n            r: 10.9.0.2\\n            s: ${MISSING}\\n            t: [1]\\n        - &cfg\\n          subnet: 10.8.0.0/16\\n        - *cfg\\n" external - name -',
      '  driver - ipv6 - internal -',
      '  ipam L31 "subnet: ${NET}\\n          ip_range: 10.9.1.0/24\\n          gateway: 10.9.0.1\\n          aux_addresses:\\n            r: 10.9.0.2\\n            s: ${MISSING}\\n            t: [1]\\n"',
      '    subnet 10.9.0.0/16@L31 "${NET}" range 10.9.1.0/24@L32 "10.9.1.0/24" gw 10.9.0.1@L33 "10.9.0.1" aux r=10.9.0.2@L35 "10.9.0.2" s=?@L36 "${MISSING}"',
      '  ipam L39 "subnet: 10.8.0.0/16\\n"',
      '    subnet 10.8.0.0/16@L39 "10.8.0.0/16" range - gw - aux ',
      '  ipam L39 "subnet: 10.8.0.0/16\\n"',
      '    subnet 10.8.0.0/16@L39 "10.8.0.0/16" range - gw - aux ',
    ]);
  });

  it('anchors: the definition written before the alias, merged and aliased keys marked as not local', () => {
    const text = [
      'x-net: &net',
      '  networks: [front]',
      '  hostname: first',
      'x-net: &net2',
      '  dns: 9.9.9.9',
      'services:',
      '  a:',
      '    <<: *net',
      '    hostname: own',
      '    ports: &p',
      '      - "80"',
      '  b:',
      '    image: &img x',
      '    networks: *p',
      '    ports: *p',
      '    extra_hosts: &h',
      '      - "h:10.0.0.1"',
      '  c:',
      '    extra_hosts: *h',
      '    depends_on: &n [a]',
      '    links: *n',
      '    environment: *missing',
      '  d:',
      '    ports: *p',
      'x-late: &p',
      '  - "90"',
      '',
    ].join('\n');
    assert.deepEqual(parse(text), [
      'service a L7 "a" keys hostname,ports,networks*',
      '  networks list L2 "networks"',
      '    front L2 "front" v4 - v6 - aliases []',
      '      delete L2 "front"',
      '  block L8-L12',
      '  port L11 "\\"80\\"" spec {"containerStart":80,"containerEnd":80,"protocol":"tcp"} error -',
      '  hostname L9 "hostname"',
      'service b L12 "b" keys image,networks*,ports*,extra_hosts',
      '  networks list L14 "networks"',
      '    80 L11 "\\"80\\"" v4 - v6 - aliases []',
      '      delete L11 "      - \\"80\\"\\n"',
      '  block L13-L18',
      '  port L11 "\\"80\\"" spec {"containerStart":80,"containerEnd":80,"protocol":"tcp"} error -',
      '  host h=10.0.0.1 h:10.0.0.1@L17 "\\"h:10.0.0.1\\"" error -',
      'service c L18 "c" keys extra_hosts*,depends_on,links*,environment*',
      '  block L19-L23',
      '  links L21 "links" 1 item(s)',
      '  link a as a a@L20 "a"',
      '  host h=10.0.0.1 h:10.0.0.1@L17 "\\"h:10.0.0.1\\"" error -',
      '  depends a L20 "a" condition -',
      'service d L23 "d" keys ports*',
      '  block L24-L25',
      '  port L11 "\\"80\\"" spec {"containerStart":80,"containerEnd":80,"protocol":"tcp"} error -',
    ]);
  });

  it('edge cases: project name and includes, aliases to flow maps, a merge cycle, missing anchors, half-matching words', () => {
    const text = [
      'name: ${SET}-app',
      'include:',
      '  - a.yml',
      '  - path: b.yml',
      '  - path: [c.yml, "${MISSING}", d.yml]',
      '  - ${MISSING}',
      '  - path: ${MISSING}',
      'x-flow: &flow { driver: bridge }',
      'x-svc: &svc',
      '  image: x',
      '  links: {a: b}',
      'x-cycle: &cycle',
      '  hostname: c',
      '  <<: *cycle',
      'services:',
      '  viaalias: *svc',
      '  cyc:',
      '    <<: *cycle',
      '    <<: *nope',
      '    network_mode: [x]',
      '    networks:',
      '      n:',
      '        aliases: [[x], "${MISSING}", ok]',
      '    ports:',
      '      - *nope',
      '      - published: 80',
      '    extra_hosts:',
      '      - "f:[::1"',
      '      - "g:a::1]"',
      '      - "=1.2.3.4"',
      '  r1:',
      '    scale: "12"',
      '  r2:',
      '    scale: 3x',
      '  r3:',
      '    scale: x3',
      'networks:',
      '  flowed: *flow',
      '  ext:',
      '    external: {}',
      '    enable_ipv6: ${MISSING}',
      '    internal: ${MISSING}true',
      '  b1:',
      '    external: xon',
      '    enable_ipv6: yesx',
      '    internal: xno',
      '  b2:',
      '    external: nox',
      '    internal: [x]',
      '    ipam:',
      '      config:',
      '        - gateway: 10.0.0.1',
      '        - *nope',
      '',
    ].join('\n');
    assert.deepEqual(parse(text), [
      'name v-app',
      'includes a.yml,b.yml,c.yml,d.yml',
      'service viaalias L16 "viaalias" keys image*,links*',
      '  block L10-L12',
      '  links L11 "links" 0 item(s)',
      'service cyc L17 "cyc" keys network_mode,networks,ports,extra_hosts,hostname*',
      '  networks map L21 "networks"',
      '    n L22 "n" v4 - v6 - aliases [ok]',
      '      options aliases',
      '      delete L22 "      n:\\n        aliases: [[x], \\"${MISSING}\\", ok]\\n"',
      '  block L18-L31',
      '  port L1 "" spec - error the entry is neither a port string nor a mapping',
      '  port L26 "published: 80\\n" spec - error the long syntax needs a `target` port',
      '  hostname L13 "hostname"',
      '  host f=[::1 f:[::1@L28 "\\"f:[::1\\"" error "[::1" is not an IP address (nor host-gateway)',
      '  host g=a::1] g:a::1]@L29 "\\"g:a::1]\\"" error "a::1]" is not an IP address (nor host-gateway)',
      '  host =1.2.3.4 =1.2.3.4@L30 "\\"=1.2.3.4\\"" error the host name is empty',
      'service r1 L31 "r1" keys scale',
      '  block L32-L33',
      '  replicas 12 L32 "\\"12\\""',
      'service r2 L33 "r2" keys scale',
      '  block L34-L35',
      'service r3 L35 "r3" keys scale',
      '  block L36-L37',
      'network flowed block L38 "*flow" external - name -',
      '  driver bridge@L8 "bridge" ipv6 - internal -',
      'network ext block L40 "external: {}\\n    enable_ipv6: ${MISSING}\\n    internal: ${MISSING}true\\n" external true name -',
      '  driver - ipv6 - internal -',
      'network b1 block L44 "external: xon\\n    enable_ipv6: yesx\\n    internal: xno\\n" external - name -',
      '  driver - ipv6 - internal -',
      'network b2 block L48 "external: nox\\n    internal: [x]\\n    ipam:\\n      config:\\n        - gateway: 10.0.0.1\\n        - *nope\\n" external - name -',
      '  driver - ipv6 - internal -',
      '  ipam L52 "gateway: 10.0.0.1\\n"',
      '    subnet - range - gw 10.0.0.1@L52 "10.0.0.1" aux ',
      '  ipam L1 ""',
      '    subnet - range - gw - aux ',
    ]);
  });
});
