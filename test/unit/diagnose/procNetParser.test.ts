import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeAddress, parseProcNet, parseProcNetFiles } from '../../../src/diagnose/sockets';
import { procSample } from './procFixtures';
import { propertyBudget } from '../propertyBudget';

describe('diagnose: the /proc/net/tcp parser', () => {
  it('reads IPv4 words in host byte order (little-endian) and ports in hex', () => {
    const { rows, malformed } = parseProcNet(procSample('server-tcp-tcp6.txt'), 'tcp');
    assert.equal(malformed, 0);
    const httpd = rows.find((r) => r.localPort === 8000);
    assert.deepEqual(httpd && { address: httpd.localAddress, family: httpd.family, state: httpd.state }, {
      address: '0.0.0.0',
      family: 4,
      state: 'LISTEN',
    });
    const dns = rows.find((r) => r.localAddress === '127.0.0.11');
    assert.equal(dns?.state, 'LISTEN');
  });

  it('reads IPv6 addresses word by word', () => {
    const { rows } = parseProcNet(procSample('server-tcp-tcp6.txt'), 'tcp');
    const v6 = rows.find((r) => r.localPort === 9090);
    assert.equal(v6?.family, 6);
    assert.equal(v6?.localAddress, 'fd00:9:3a9c::2');
    assert.equal(v6?.remoteAddress, 'fd00:9:3a9c::3');
    assert.equal(v6?.state, 'ESTABLISHED');
    assert.equal(rows.find((r) => r.localPort === 6060)?.localAddress, '::');
  });

  it('reports IPv4-mapped IPv6 addresses as the IPv4 address they carry', () => {
    const { rows } = parseProcNet(procSample('server-tcp-tcp6.txt'), 'tcp');
    const mapped = rows.find((r) => r.localPort === 8080);
    assert.equal(mapped?.family, 6);
    assert.equal(mapped?.mapped, true);
    assert.equal(mapped?.localAddress, '10.231.68.2');
    assert.equal(mapped?.remoteAddress, '10.231.68.3');
  });

  it('names the states, SYN_SENT included', () => {
    const { rows } = parseProcNet(procSample('client-tcp-tcp6.txt'), 'tcp');
    const attempt = rows.find((r) => r.remotePort === 5555);
    assert.equal(attempt?.state, 'SYN_SENT');
    assert.equal(attempt?.remoteAddress, '10.231.68.200');
  });

  it('reads UDP tables (the embedded DNS listener is there)', () => {
    const { rows } = parseProcNet(procSample('server-udp-udp6.txt'), 'udp');
    assert.ok(rows.some((r) => r.protocol === 'udp' && r.localAddress === '127.0.0.11' && r.remotePort === 0));
  });

  it('decodes big-endian tables when told', () => {
    assert.equal(decodeAddress('7F000001', true)?.address, '127.0.0.1');
    assert.equal(decodeAddress('0100007F')?.address, '127.0.0.1');
    assert.equal(decodeAddress('0100'), undefined);
  });

  it('counts lines that are not socket rows instead of failing', () => {
    const text = `${procSample('client-tcp-tcp6.txt')}garbage line\n   7: 0100007F:ZZZZ\n`;
    const { rows, malformed } = parseProcNet(text, 'tcp');
    assert.equal(malformed, 2);
    assert.equal(rows.length, 4);
  });

  it('never throws, whatever the text', () => {
    const hexWord = fc.stringMatching(/^[0-9A-F]{8}$/);
    const rowLike = fc
      .tuple(fc.nat(9999), hexWord, fc.stringMatching(/^[0-9A-F]{4}$/), fc.oneof(hexWord, fc.string()), fc.string())
      .map(([sl, a, p, b, tail]) => `${sl}: ${a}:${p} ${b}:0050 0A ${tail}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), rowLike, fc.string({ unit: 'binary' }))), (lines) => {
        const parsed = parseProcNet(lines.join('\n'), 'tcp');
        return Array.isArray(parsed.rows) && parsed.malformed >= 0;
      }),
      propertyBudget(300),
    );
  });

  it('reads a table of 10,000 rows', () => {
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    const row = (i: number) =>
      `${i}: 0244E70A:${(1024 + (i % 60000)).toString(16).toUpperCase().padStart(4, '0')} 0344E70A:1F90 01 00000000:00000000 00:00000000 00000000     0        0 ${i} 1 0 20 0 0 10 -1`;
    const text = header + Array.from({ length: 10_000 }, (_, i) => row(i)).join('\n');
    assert.equal(parseProcNet(text, 'tcp').rows.length, 10_000);
  });
});

describe('diagnose: several socket tables in one output', () => {
  it('tells TCP and UDP tables apart by their headers', () => {
    const text = procSample('server-udp-udp6.txt') + procSample('server-tcp-tcp6.txt');
    const { rows, malformed } = parseProcNetFiles(text);
    assert.equal(malformed, 0);
    assert.ok(rows.some((r) => r.protocol === 'udp' && r.localAddress === '127.0.0.11'));
    assert.ok(rows.some((r) => r.protocol === 'tcp' && r.localPort === 8000 && r.state === 'LISTEN'));
    assert.ok(!rows.some((r) => r.protocol === 'udp' && r.localPort === 8000));
  });
});
