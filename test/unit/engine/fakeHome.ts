/** A temporary home folder with a real Docker config and context store, laid out as the CLI writes it. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolveEndpointInput } from '../../../src/engine/endpoint';
import { nodeEndpointFs } from '../../../src/engine/processEndpoint';

export class FakeHome {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-engine-home-'));
  readonly dockerDir = path.join(this.dir, '.docker');

  write(relative: string, content: string): string {
    const file = path.join(this.dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  /** A context as `docker context create` stores it, optionally with TLS files. */
  context(
    name: string,
    host: string,
    options: { skipTls?: boolean; tls?: string[]; configDir?: string; description?: string } = {},
  ): void {
    const id = createHash('sha256').update(name).digest('hex');
    const base = options.configDir ?? '.docker';
    this.write(
      `${base}/contexts/meta/${id}/meta.json`,
      JSON.stringify({
        Name: name,
        Metadata: options.description ? { Description: options.description } : {},
        Endpoints: { docker: { Host: host, SkipTLSVerify: options.skipTls ?? false } },
      }),
    );
    for (const f of options.tls ?? []) this.write(`${base}/contexts/tls/${id}/docker/${f}`, `${name}-${f}`);
  }

  input(env: Record<string, string>, extra: Partial<ResolveEndpointInput> = {}): ResolveEndpointInput {
    return { env, platform: 'linux', homeDir: this.dir, fs: nodeEndpointFs, ...extra };
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
