/**
 * Compose variable interpolation: $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err},
 * ${VAR:+alt}, ${VAR+alt} and $$ escapes. A value that cannot be resolved is flagged, never guessed, so
 * rules stay quiet on it.
 */

export type Env = ReadonlyMap<string, string>;

export interface Interpolated {
  value: string;
  /** Some variable had no value and no default: the real value is unknown until `compose up`. */
  unresolved: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function interpolate(text: string, env: Env): Interpolated {
  if (!text.includes('$')) return { value: text, unresolved: false };
  let out = '';
  let unresolved = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = findClose(text, i + 2);
      if (close < 0) {
        unresolved = true;
        out += text.slice(i);
        break;
      }
      const r = expandBraced(text.slice(i + 2, close), env);
      out += r.value;
      unresolved ||= r.unresolved;
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (!m) {
      out += '$';
      i++;
      continue;
    }
    const v = env.get(m[0]);
    if (v === undefined) unresolved = true;
    else out += v;
    i += 1 + m[0].length;
  }
  return { value: out, unresolved };
}

/** Index of the `}` closing a `${`, honouring nested `${...}` in defaults. */
function findClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expandBraced(body: string, env: Env): Interpolated {
  const m = NAME.exec(body);
  if (!m) return { value: '', unresolved: true };
  const name = m[0];
  const rest = body.slice(name.length);
  const value = env.get(name);
  if (rest === '') return value === undefined ? { value: '', unresolved: true } : { value, unresolved: false };
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest);
  if (!op) return { value: '', unresolved: true };
  const arg = rest.slice(op[0].length);
  const empty = value === undefined || value === '';
  switch (op[0]) {
    case ':-':
      return empty ? interpolate(arg, env) : { value: value, unresolved: false };
    case '-':
      return value === undefined ? interpolate(arg, env) : { value, unresolved: false };
    case ':?':
      return empty ? { value: '', unresolved: true } : { value: value, unresolved: false };
    case '?':
      return value === undefined ? { value: '', unresolved: true } : { value, unresolved: false };
    case ':+':
      return empty ? { value: '', unresolved: false } : interpolate(arg, env);
    default:
      return value === undefined ? { value: '', unresolved: false } : interpolate(arg, env);
  }
}

/** Parses a .env file (KEY=VALUE, optional quotes, # comments, optional `export `). */
export function parseDotEnv(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2];
    if (
      (v.startsWith('"') && v.endsWith('"') && v.length >= 2) ||
      (v.startsWith("'") && v.endsWith("'") && v.length >= 2)
    ) {
      v = v.slice(1, -1);
    } else {
      v = v.replace(/\s+#.*$/, '');
    }
    env.set(m[1], v);
  }
  return env;
}
