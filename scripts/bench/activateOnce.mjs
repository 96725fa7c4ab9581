// Run as a fresh process by activation.mjs: loads dist/extension.js with a stub `vscode` module and calls
// activate() with a fake context; prints one JSON line with the times, then exits (the engine connection that
// activation schedules for later is not part of activation).
import { createRequire } from 'node:module';
import path from 'node:path';
import { createVscodeStub, fakeExtensionContext } from './vscodeStub.mjs';

const require = createRequire(import.meta.url);
const Module = require('node:module');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const bundle = path.join(root, 'dist', 'extension.js');

const stub = createVscodeStub();
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };

const context = fakeExtensionContext(root);
const start = process.hrtime.bigint();
const extension = require(bundle);
const loaded = process.hrtime.bigint();
await extension.activate(context);
const activated = process.hrtime.bigint();
process.stdout.write(
  `${JSON.stringify({
    requireMs: Number(loaded - start) / 1e6,
    activateMs: Number(activated - loaded) / 1e6,
    totalMs: Number(activated - start) / 1e6,
    subscriptions: context.subscriptions.length,
  })}\n`,
);
process.exit(0);
