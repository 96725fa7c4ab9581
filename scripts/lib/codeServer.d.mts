// Types of codeServer.mjs for TypeScript callers (the e2e harness).
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const repoRoot: string;
export const codeServerVersion: string;
export function codeServerDir(): string;
export function codeServerBin(): string;
export function ensureCodeServer(): void;
export function freePort(): Promise<number>;
export function freshRunDir(prefix: string): string;

export interface StartOptions {
  workspace?: string;
  port?: number;
  runDir?: string;
  extensionsDir?: string;
  env?: Record<string, string>;
  label?: string;
  /** Keep workspace trust on (an untrusted folder opens in Restricted Mode). */
  workspaceTrust?: boolean;
}
export interface CodeServer {
  origin: string;
  port: number;
  runDir: string;
  logFile: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}
export function startCodeServer(opts?: StartOptions): Promise<CodeServer>;
export function installExtension(vsix: string, runDir: string): string;

export interface WorkbenchUrlOptions {
  folder?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}
export function workbenchUrl(origin: string, opts?: WorkbenchUrlOptions): string;
export const chromiumPath: string;
export const chromiumArgs: string[];
export function launchChromium(): Promise<Browser>;
