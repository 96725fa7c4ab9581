/**
 * OpenSSH's known_hosts, read the way `ssh` reads it for one host: plain names (`host`, `[host]:port` for a port
 * other than 22, comma-separated, `*`/`?` patterns, `!` negations) and hashed names (`|1|salt|hmac-sha1`). A line
 * marked @revoked refuses its key; @cert-authority lines are not host keys and are skipped. Pure: text in, keys out.
 */
import { createHmac } from 'node:crypto';
import { hostMatches } from './sshConfig';

export interface KnownHostKeys {
  /** Base64 of the public key blobs accepted for the host (the third field of a known_hosts line). */
  accepted: string[];
  revoked: string[];
}

export function knownHostKeys(text: string, host: string, port: number): KnownHostKeys {
  const name = port === 22 ? host : `[${host}]:${port}`;
  const accepted: string[] = [];
  const revoked: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0]!.startsWith('@') ? fields.shift() : undefined;
    const [hosts, , key] = fields;
    if (!hosts || !key || marker === '@cert-authority') continue;
    if (!hostsMatch(hosts, name)) continue;
    (marker === '@revoked' ? revoked : accepted).push(key);
  }
  return { accepted: accepted.filter((k) => !revoked.includes(k)), revoked };
}

function hostsMatch(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  return hostMatches(field.split(','), name);
}
