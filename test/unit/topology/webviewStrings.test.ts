import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The string literals of `call('...')` in a source text. */
function literalsOf(text: string, call: string): string[] {
  const found: string[] = [];
  const re = new RegExp(`\\b${call.replace('.', '\\.')}\\(\\s*'((?:[^'\\\\]|\\\\.)*)'`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) found.push(m[1]);
  return found;
}

describe('topology webview strings', () => {
  it('the host translates exactly the messages the webview shows (none left in English, none stale)', () => {
    const dir = join(__dirname, '..', '..', '..', 'webview');
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts') && x !== 'l10n.ts')) {
      for (const m of literalsOf(readFileSync(join(dir, f), 'utf8'), 'tr')) used.add(m);
    }
    const host = readFileSync(join(__dirname, '..', '..', '..', 'src', 'topology', 'webviewStrings.ts'), 'utf8');
    const translated = new Set(literalsOf(host, 'vscode.l10n.t'));
    // Keys as the formatter writes them: quoted, or bare when they are identifiers (Disconnect: ...).
    const keys = new Set(
      [...host.matchAll(/^ {4}(?:'((?:[^'\\]|\\.)*)'|([A-Za-z_$][\w$]*)):/gm)].map((m) => m[1] ?? m[2]),
    );
    assert.ok(used.size > 30, 'the webview speaks through tr()');
    assert.deepEqual(
      [...used].filter((m) => !translated.has(m) || !keys.has(m)),
      [],
      'every webview message is translated',
    );
    assert.deepEqual(
      [...keys].filter((k) => !used.has(k)),
      [],
      'no stale entry',
    );
    for (const k of keys)
      assert.ok(literalsOf(host, 'vscode.l10n.t').includes(k), `${k} is translated under its own key`);
  });
});
