/**
 * /proc/net socket tables in the shapes the kernel and a cut exec output give: big-endian hosts, IPv6 and
 * IPv4-mapped addresses (flagged), rows whose two addresses differ in length, malformed lines counted across
 * concatenated tables, and the UDP header told from the TCP one even with trailing blanks.
 */
import * as assert from 'node:assert/strict';
import { decodeAddress, parseProcNet, parseProcNetFiles } from '../../../src/diagnose/sockets/procNetParser';

const TCP_HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const UDP_HEADER = `${TCP_HEADER} ref pointer drops   `;
const tail = '00000000:00000000 00:00000000 00000000     0        0 4242 1 0 20 4 30 10 -1';
const line = (local: string, remote: string, state = '0A') => `   0: ${local} ${remote} ${state} ${tail}`;
const V6_ANY = '00000000000000000000000000000000';
const V4_MAPPED_10_0_0_2 = '0000000000000000FFFF00000200000A';

describe('diagnose: /proc/net tables, unusual shapes', () => {
  it('decodes little- and big-endian IPv4, IPv6 and IPv4-mapped addresses', () => {
    assert.deepEqual(decodeAddress('0100007F'), { address: '127.0.0.1', mapped: false });
    assert.deepEqual(decodeAddress('7F000001', true), { address: '127.0.0.1', mapped: false });
    assert.deepEqual(decodeAddress(V6_ANY), { address: '::', mapped: false });
    assert.deepEqual(decodeAddress('000080FE00000000FF005450B6AD1DFE'), {
      address: 'fe80::5054:ff:fe1d:adb6',
      mapped: false,
    });
    assert.deepEqual(decodeAddress(V4_MAPPED_10_0_0_2), { address: '10.0.0.2', mapped: true });
    assert.equal(decodeAddress('0100007F00'), undefined);
  });

  it('reads a big-endian host’s table only when told', () => {
    const table = `${TCP_HEADER}\n${line('7F000001:1F90', '00000000:0000')}\n`;
    assert.equal(parseProcNet(table, 'tcp', { bigEndian: true }).rows[0]?.localAddress, '127.0.0.1');
    assert.equal(parseProcNet(table, 'tcp').rows[0]?.localAddress, '1.0.0.127');
  });

  it('flags IPv4-mapped rows and counts rows with mixed address lengths as malformed', () => {
    const table = [
      TCP_HEADER,
      line(`${V4_MAPPED_10_0_0_2}:0050`, `${V6_ANY}:0000`),
      line('0100007F:0050', `${V6_ANY}:0000`),
      '   not a row',
      '',
    ].join('\n');
    const parsed = parseProcNet(table, 'tcp');
    assert.deepEqual(
      parsed.rows.map((r) => [r.family, r.localAddress, r.localPort, r.mapped, r.state, r.inode]),
      [[6, '10.0.0.2', 80, true, 'LISTEN', 4242]],
    );
    assert.equal(parsed.malformed, 2);
  });

  it('tells UDP tables by their header, trailing blanks included, and sums malformed lines of all tables', () => {
    const text = [
      TCP_HEADER,
      line('0100007F:0050', '00000000:0000'),
      'garbage',
      UDP_HEADER,
      line('00000000:0035', '00000000:0000', '07'),
      'more garbage',
      TCP_HEADER,
      line('0100007F:0051', '00000000:0000'),
    ].join('\n');
    const parsed = parseProcNetFiles(text);
    assert.deepEqual(
      parsed.rows.map((r) => `${r.protocol} ${r.localPort} ${r.state}`),
      ['tcp 80 LISTEN', 'udp 53 CLOSE', 'tcp 81 LISTEN'],
    );
    assert.equal(parsed.malformed, 2);
  });
});
