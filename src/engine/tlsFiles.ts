/** Reading TLS material (ca.pem, cert.pem, key.pem) from a folder through an injected file reader. */
import * as path from 'node:path';
import type { TlsMaterial } from './api';
import { endpointError } from './errors';

export interface EndpointFs {
  /** The file's bytes, or undefined when it does not exist. Other read errors throw. */
  readFile(file: string): Buffer | undefined;
  /** The names in a folder, or undefined when it does not exist (only listing the contexts store needs it). */
  listDir?(dir: string): string[] | undefined;
}

export function readTlsMaterial(dir: string, fs: EndpointFs, verify: boolean): TlsMaterial {
  const ca = fs.readFile(path.join(dir, 'ca.pem'));
  const cert = fs.readFile(path.join(dir, 'cert.pem'));
  const key = fs.readFile(path.join(dir, 'key.pem'));
  if (Boolean(cert) !== Boolean(key)) {
    throw endpointError(
      `The TLS folder ${dir} holds ${cert ? 'cert.pem without key.pem' : 'key.pem without cert.pem'}; ` +
        'a client certificate needs both.',
      dir,
    );
  }
  return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}), verify };
}

/** Whether the folder holds any TLS file at all. */
export function hasTlsFiles(dir: string, fs: EndpointFs): boolean {
  return ['ca.pem', 'cert.pem', 'key.pem'].some((f) => fs.readFile(path.join(dir, f)) !== undefined);
}
