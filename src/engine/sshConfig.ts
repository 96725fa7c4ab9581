/**
 * The part of OpenSSH's client configuration (~/.ssh/config) an ssh:// engine address needs: HostName, User, Port
 * and IdentityFile for a host alias, as `ssh` decides them (the first value found for a keyword wins, IdentityFile
 * accumulates; Host patterns with `*`, `?` and `!`). `Match` and `Include` blocks are not evaluated: their options
 * are skipped, so they never apply by mistake. Pure: the text comes in, the answer goes out.
 */

export interface SshHostConfig {
  hostName?: string;
  user?: string;
  port?: number;
  /** In the order given, `~` and the %d %h %r %u %% tokens expanded. */
  identityFiles: string[];
}

interface Block {
  /** undefined for a Match block (never applies). */
  patterns?: string[];
  options: Array<[keyword: string, value: string]>;
}

/** The options for `alias` (the host part of ssh://user@alias). */
export function sshConfigFor(
  text: string,
  alias: string,
  context: { homeDir: string; localUser: string; remoteUser?: string },
): SshHostConfig {
  const found = new Map<string, string>();
  const identityFiles: string[] = [];
  for (const block of parseBlocks(text)) {
    if (!block.patterns || !hostMatches(block.patterns, alias)) continue;
    for (const [keyword, value] of block.options) {
      if (keyword === 'identityfile') identityFiles.push(value);
      else if (!found.has(keyword)) found.set(keyword, value);
    }
  }
  const hostName = found.get('hostname')?.replace(/%h/g, alias);
  const user = found.get('user');
  const port = Number(found.get('port'));
  const tokens = {
    d: context.homeDir,
    h: hostName ?? alias,
    r: context.remoteUser ?? user ?? context.localUser,
    u: context.localUser,
  };
  return {
    ...(hostName ? { hostName } : {}),
    ...(user ? { user } : {}),
    ...(Number.isInteger(port) && port > 0 && port < 65536 ? { port } : {}),
    identityFiles: identityFiles.map((f) => expandPath(f, tokens)),
  };
}

function parseBlocks(text: string): Block[] {
  // Options before the first Host line apply to every host.
  const blocks: Block[] = [{ patterns: ['*'], options: [] }];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toLowerCase();
    const value = unquote(match[2]!.trim());
    if (keyword === 'host') blocks.push({ patterns: value.split(/\s+/), options: [] });
    else if (keyword === 'match' || keyword === 'include') blocks.push({ options: [] });
    else blocks[blocks.length - 1]!.options.push([keyword, value]);
  }
  return blocks;
}

/** ssh's rule (ssh_config Host, known_hosts): some positive pattern matches and no negated one does. */
export function hostMatches(patterns: readonly string[], alias: string): boolean {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (globMatches(negated ? p.slice(1) : p, alias)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(text);
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function expandPath(file: string, tokens: Record<'d' | 'h' | 'r' | 'u', string>): string {
  const withTokens = file.replace(/%([dhru%])/g, (_, t: string) =>
    t === '%' ? '%' : tokens[t as 'd' | 'h' | 'r' | 'u'],
  );
  return withTokens.startsWith('~/') ? `${tokens.d}/${withTokens.slice(2)}` : withTokens;
}

/** The identity files ssh tries when the configuration names none. */
export const DEFAULT_IDENTITY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
