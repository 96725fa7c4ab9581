/** No input makes the linter throw or hang: random text, random YAML, random compose-shaped objects. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { lintText } from '../../../src/compose/lint';
import { ALL_ON } from './lintHelpers';
import { ENGINE } from './ruleCases';
import { propertyBudget } from '../propertyBudget';

function lintsQuickly(text: string): void {
  const t0 = performance.now();
  const r = lintText(text, { env: new Map([['A', '1']]), rules: ALL_ON, engine: ENGINE, projectName: 'p' });
  assert.ok(performance.now() - t0 < 2000, 'lint took more than 2 s');
  for (const f of r.findings) {
    assert.ok(f.range[0] >= 0 && f.range[1] <= text.length + 1, `range out of text: ${f.rule}`);
    assert.notEqual(f.rule, 'internal-error', f.message);
  }
}

const ip = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom('10.0.0.1', '10.0.0.0', 'fd00::1', '${A}', '${B:-x}', '300.1.1.1', ''),
);
const cidr = fc.oneof(
  fc.tuple(ip, fc.integer({ min: -1, max: 130 })).map(([a, p]) => `${a}/${p}`),
  ip,
);
const name = fc.constantFrom('a', 'b', 'web', 'db', 'default', 'front', 'back', 'x-y');
const port = fc.oneof(
  fc.integer({ min: -5, max: 70000 }),
  fc.string({ maxLength: 12 }),
  fc
    .tuple(ip, fc.nat(70000), fc.nat(70000), fc.constantFrom('tcp', 'udp', 'sctp', 'xx'))
    .map(([a, h, c, p]) => `${a}:${h}:${c}/${p}`),
  fc.record(
    { target: fc.nat(70000), published: fc.oneof(fc.nat(70000), fc.constant('8000-8010')), host_ip: ip },
    { requiredKeys: [] },
  ),
);
const serviceNetworks = fc.oneof(
  fc.array(name, { maxLength: 3 }),
  fc.dictionary(
    name,
    fc.oneof(
      fc.constant(null),
      fc.record(
        { ipv4_address: ip, ipv6_address: ip, aliases: fc.array(name, { maxLength: 2 }) },
        { requiredKeys: [] },
      ),
    ),
  ),
);
const service = fc.record(
  {
    image: fc.constant('x'),
    networks: serviceNetworks,
    network_mode: fc.oneof(
      fc.constantFrom('host', 'none', 'bridge', 'service:a', 'service:zz', 'container:c'),
      fc.string({ maxLength: 8 }),
    ),
    links: fc.array(fc.oneof(name, fc.string({ maxLength: 6 })), { maxLength: 3 }),
    ports: fc.array(port, { maxLength: 4 }),
    extra_hosts: fc.oneof(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), fc.dictionary(name, ip)),
    dns: fc.array(ip, { maxLength: 2 }),
    hostname: name,
    deploy: fc.record({ replicas: fc.oneof(fc.nat(5), fc.string({ maxLength: 3 })) }),
  },
  { requiredKeys: [] },
);
const network = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      driver: fc.constantFrom('bridge', 'overlay', 'macvlan'),
      external: fc.oneof(fc.boolean(), fc.record({ name: name })),
      name: name,
      enable_ipv6: fc.oneof(fc.boolean(), fc.string({ maxLength: 4 })),
      ipam: fc.record({
        config: fc.array(
          fc.record(
            { subnet: cidr, ip_range: cidr, gateway: ip, aux_addresses: fc.dictionary(name, ip) },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
      }),
    },
    { requiredKeys: [] },
  ),
);
const composeObject = fc.record(
  { services: fc.dictionary(name, service, { maxKeys: 5 }), networks: fc.dictionary(name, network, { maxKeys: 4 }) },
  { requiredKeys: [] },
);

describe('compose lint properties', function () {
  // Hundreds of generated files per property: well beyond mocha's default 2 s.
  this.timeout(60_000);
  it('never throws on random compose-shaped objects', () => {
    fc.assert(
      fc.property(composeObject, (obj) => lintsQuickly(stringify(obj))),
      propertyBudget(400),
    );
  });

  it('never throws on random text, including YAML punctuation', () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          'services:',
          'networks:',
          '\n',
          '  ',
          '- ',
          ': ',
          '&a ',
          '*a',
          '<<: ',
          '{',
          '}',
          '[',
          ']',
          '"',
          "'",
          '#',
          'x',
          '${A}',
          '10.0.0.0/8',
          '\t',
          '|',
          '>',
          '---\n',
          '? ',
        ),
        { maxLength: 60 },
      )
      .map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), yamlish), lintsQuickly), propertyBudget(600));
  });

  it('never throws on random bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => lintsQuickly(Buffer.from(bytes).toString('utf8'))),
      propertyBudget(300),
    );
  });

  it('survives alias bombs and self-referencing merges without hanging', () => {
    const bomb =
      'a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nservices:\n  s: &s\n    <<: *s\n    networks: *c\n';
    lintsQuickly(bomb);
  });
});
