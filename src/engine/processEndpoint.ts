/** Endpoint resolution against this process: its environment, home folder, platform and file system. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { EngineEndpoint } from './api';
import { resolveEndpoint } from './endpoint';
import type { EndpointFs } from './tlsFiles';

/** A missing file or folder (or a file where a folder was expected) is `undefined`; other errors throw. */
function unlessMissing<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/** Reads files and folders synchronously. */
export const nodeEndpointFs: EndpointFs = {
  readFile: (file) => unlessMissing(() => fs.readFileSync(file)),
  listDir: (dir) => unlessMissing(() => fs.readdirSync(dir)),
};

/** Resolves the endpoint for this process; throws an EngineError on a bad address or a missing context. */
export function resolveProcessEndpoint(setting?: string, contextSetting?: string): EngineEndpoint {
  return resolveEndpoint({
    setting,
    contextSetting,
    env: process.env,
    platform: process.platform,
    homeDir: os.homedir(),
    fs: nodeEndpointFs,
  });
}
