/** Endpoint resolution against this process: its environment, home folder, platform and file system. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { EngineEndpoint } from './api';
import { resolveEndpoint } from './endpoint';
import type { EndpointFs } from './tlsFiles';

/** Reads files synchronously; a missing file (or a file where a folder was expected) is `undefined`. */
export const nodeEndpointFs: EndpointFs = {
  readFile(file) {
    try {
      return fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw e;
    }
  },
};

/** Resolves the endpoint for this process; throws an EngineError on a bad address or a missing context. */
export function resolveProcessEndpoint(setting?: string): EngineEndpoint {
  return resolveEndpoint({
    setting,
    env: process.env,
    platform: process.platform,
    homeDir: os.homedir(),
    fs: nodeEndpointFs,
  });
}
