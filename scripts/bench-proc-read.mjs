// The cost of reading one container's socket tables through this host's /proc, in kernel and user CPU of this
// process (the wall time on a shared machine is mostly waiting), two ways in the same run: Node's fs.readFile (the
// peer: reads until an empty read says the end) and the extension's readProcSeqFile (stops at the first short
// read). Every read of net/tcp or net/tcp6 walks the kernel's whole TCP hash table, so the empty read costs as
// much as the read itself. Makes one busybox container (removed at the end); reads its tables --reads times.
// Usage: node --import tsx scripts/bench-proc-read.mjs [--reads 400]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { readProcSeqFile, SOCKET_TABLES } from '../src/hostFacts/procFiles.ts';

const i = process.argv.indexOf('--reads');
const READS = i > 0 ? Number(process.argv[i + 1]) : 400;
const IMAGE = process.env.DNE_TEST_IMAGE || 'dne-busybox:latest';
const name = `dne-bench-procread-${randomBytes(3).toString('hex')}`;
const docker = (...args) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

async function cost(read, files) {
  const cpu = process.cpuUsage();
  for (let n = 0; n < READS / files.length; n++) await Promise.all(files.map(read));
  const used = process.cpuUsage(cpu);
  return { system: used.system / 1000 / READS, user: used.user / 1000 / READS };
}

docker('run', '-d', '--name', name, IMAGE, 'sh', '-c', 'sleep 100000 | nc -l -p 7000');
try {
  const pid = docker('inspect', '-f', '{{.State.Pid}}', name);
  const tables = SOCKET_TABLES.map((t) => `/proc/${pid}/${t.slice('/proc/'.length)}`);
  const tcp = tables.filter((t) => /tcp6?$/.test(t));
  const peer = (f) => fs.readFile(f, 'utf8');
  for (const f of tables)
    if ((await peer(f)) !== (await readProcSeqFile(f))) throw new Error(`${f}: not the same text`);
  await cost(peer, tcp); // warm-up
  const rows = [];
  for (const [what, files] of [
    ['net/tcp and net/tcp6', tcp],
    ['all four tables (tcp, tcp6, udp, udp6)', tables],
  ]) {
    const theirs = await cost(peer, files);
    const ours = await cost(readProcSeqFile, files);
    rows.push({ what, theirs, ours });
  }
  const ms = (v) => `${v.toFixed(3)} ms`;
  console.log(
    `${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load ${os.loadavg()[0].toFixed(2)}, ${READS} reads each`,
  );
  console.log('| Tables | fs.readFile: kernel / user CPU per read | readProcSeqFile: kernel / user CPU per read |');
  console.log('| --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.what} | ${ms(r.theirs.system)} / ${ms(r.theirs.user)} | ${ms(r.ours.system)} / ${ms(r.ours.user)} |`,
    );
} finally {
  docker('rm', '-f', name);
}
