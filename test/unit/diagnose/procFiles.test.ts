/**
 * Reading socket tables from a /proc tree (here a copy of one in a temporary folder, with the recorded tables):
 * every table whole, whatever its size (a seq file ends at its first short read, a regular file at its end), the
 * IPv6 tables optional, and a stopped container's missing tables an error the views word as "stopped".
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { hostReadFailure, readProcSeqFile, readSocketTables } from '../../../src/hostFacts/procFiles';
import { procSample } from './procFixtures';

describe('host facts: reading socket tables from /proc', () => {
  let proc: string;

  beforeEach(() => {
    proc = mkdtempSync(path.join(tmpdir(), 'dne-proc-'));
    mkdirSync(path.join(proc, '42', 'net'), { recursive: true });
  });
  afterEach(() => rmSync(proc, { recursive: true, force: true }));

  const write = (table: string, text: string) => writeFileSync(path.join(proc, '42', 'net', table), text);

  it('reads a table much longer than one read (and one shorter) whole', async () => {
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    const row = (i: number) => `${String(i).padStart(4)}: 00000000:1B58 00000000:0000 0A ${'0'.repeat(100)}\n`;
    const long = header + Array.from({ length: 400 }, (_, i) => row(i)).join(''); // about 55 KB
    write('tcp', long);
    assert.equal(await readProcSeqFile(path.join(proc, '42', 'net', 'tcp')), long);
    write('tcp', header);
    assert.equal(await readProcSeqFile(path.join(proc, '42', 'net', 'tcp')), header);
  });

  it('concatenates the four tables as cat prints them, the IPv6 ones optional', async () => {
    const tcp = procSample('server-tcp-tcp6.txt');
    write('tcp', tcp);
    write('udp', 'udp-table\n');
    assert.equal(await readSocketTables(42, proc), `${tcp}udp-table\n`);
  });

  it('fails as "stopped" when the process is gone', async () => {
    const error = await readSocketTables(43, proc).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(hostReadFailure(error).code, 'stopped');
  });
});
