// Shared launcher helpers: the code-server test host (install check, free loopback port, start, wait, stop)
// and headless Chromium through playwright-core. Used by run-integration.mjs, run-e2e's harness and demo.sh.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { get } from 'node:http';
import { fileURLToPath, URL, URLSearchParams } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const codeServerVersion = '4.100.3';

/** Folder holding the code-server install: $DNE_CODE_SERVER_DIR, else <repo>/.vscode-test/code-server. */
export function codeServerDir() {
  return resolve(process.env.DNE_CODE_SERVER_DIR || join(repoRoot, '.vscode-test', 'code-server'));
}

export function codeServerBin() {
  return join(codeServerDir(), 'node_modules', '.bin', 'code-server');
}

/** Runs scripts/install-code-server.sh unless its completion marker is there (about 3 minutes the first time). */
export function ensureCodeServer() {
  if (existsSync(join(codeServerDir(), `.dne-installed-${codeServerVersion}`))) return;
  const r = spawnSync('bash', [join(repoRoot, 'scripts', 'install-code-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`installing code-server failed (exit ${r.status}); see the messages above`);
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the kernel picks it). */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** A fresh folder under <repo>/.vscode-test/runs/ for one run's user data and extensions. */
export function freshRunDir(prefix) {
  const base = join(repoRoot, '.vscode-test', 'runs');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

// Process groups of code-servers still running: killed when this process exits, whatever the path to exit.
const liveGroups = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when `url` answers 2xx within 2 s; false while nothing listens yet. */
function answers(url) {
  return new Promise((res) => {
    const req = get(url, { timeout: 2000 }, (r) => {
      r.resume();
      res(r.statusCode >= 200 && r.statusCode < 300);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => res(false));
  });
}

async function waitForHttp(url, child, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`code-server exited with code ${child.exitCode} before answering; see ${logFile}`);
    if (await answers(url)) return;
    await sleep(250);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
}

/**
 * Starts code-server on 127.0.0.1 (no auth, no telemetry, no workspace trust) with a fresh user-data and
 * extensions dir unless given, and waits until it answers. Returns { origin, port, runDir, logFile, stop }.
 * Options: workspace (folder opened by default), port, runDir, extensionsDir, env (extra environment, which the
 * remote extension host inherits), label (run folder prefix). Without a fixed port, a start that fails (say,
 * the port was taken between choosing and binding it) is retried once on another port.
 */
export async function startCodeServer(opts = {}) {
  ensureCodeServer();
  if (opts.port !== undefined) return startOnce(opts, opts.port);
  try {
    return await startOnce(opts, await freePort());
  } catch (e) {
    console.error(`code-server: first start failed (${e.message}); retrying on another port`);
    return startOnce(opts, await freePort());
  }
}

async function startOnce(opts, port) {
  const runDir = opts.runDir ?? freshRunDir(opts.label ?? 'cs');
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(runDir, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const logFile = join(runDir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // workspaceTrust: true keeps VS Code's trust model on, so an untrusted folder opens in Restricted Mode.
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    // its own config file, so nothing is written to ~/.config/code-server
    '--config',
    join(runDir, 'config.yaml'),
  ];
  if (opts.workspace) args.push(opts.workspace);
  // detached: own process group, so stop() also ends the extension host and other children.
  const child = spawn(codeServerBin(), args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...opts.env },
  });
  closeSync(out);
  liveGroups.add(child.pid);
  child.once('exit', () => liveGroups.delete(child.pid));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, sleep(5000)]);
    // Whatever of the group outlived code-server itself (extension host, pty host) goes now.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* group already empty */
    }
  };
  try {
    await waitForHttp(`${origin}/healthz`, child, 60_000, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { origin, port, runDir, logFile, pid: child.pid, child, stop };
}

/**
 * Installs a packaged extension (.vsix) the way users do, `code-server --install-extension`, into the extensions
 * folder a later startCodeServer({ runDir }) uses. Throws with code-server's output when it refuses the package.
 */
export function installExtension(vsix, runDir) {
  ensureCodeServer();
  const r = spawnSync(
    codeServerBin(),
    [
      '--install-extension',
      resolve(vsix),
      '--force',
      '--extensions-dir',
      join(runDir, 'extensions'),
      '--user-data-dir',
      join(runDir, 'user-data'),
      '--config',
      join(runDir, 'config.yaml'),
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (r.status !== 0)
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}): ${r.stdout}${r.stderr}`);
  return `${r.stdout}${r.stderr}`.trim();
}

/** The workbench URL opening `folder`, optionally with a payload (extension development / tests). */
export function workbenchUrl(origin, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const host = new URL(origin).host;
  const remote = (p) => `vscode-remote://${host}${resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const q = new URLSearchParams();
  if (folder) q.set('folder', resolve(folder));
  q.set('payload', JSON.stringify(payload));
  return `${origin}/?${q.toString()}`;
}

export const chromiumPath = process.env.DNE_CHROMIUM || '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Debian Chromium via playwright-core (never `playwright install`: no download here). */
export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: run scripts/setup-machine.sh as root (apt-get install chromium) or set DNE_CHROMIUM`,
    );
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
