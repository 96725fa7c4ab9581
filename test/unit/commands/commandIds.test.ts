/**
 * The typed command ids, the command table and package.json agree: every contributed command has a handler, every
 * handler is contributed, every menu entry and every `command:` link of a welcome view names a known command.
 * `vscode` is stubbed: loading the table needs only the modules, not the extension host.
 */
import '../explorer/vscodeStub';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../../src/commands/commandIds';
import { commandTable } from '../../../src/commands/index';

interface MenuEntry {
  command?: string;
  submenu?: string;
}

interface Manifest {
  contributes: { commands: Array<{ command: string }>; menus: Record<string, MenuEntry[]> };
}

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

const contributed = manifest.contributes.commands.map((c) => c.command);
const tableIds: string[] = commandTable.map((e) => e.id);
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

describe('command ids: table, list and package.json agree', () => {
  it('the list of ids is exactly the commands package.json contributes, each once', () => {
    assert.equal(new Set(COMMAND_IDS).size, COMMAND_IDS.length, 'an id is listed twice');
    assert.equal(new Set(contributed).size, contributed.length, 'a command is contributed twice');
    assert.deepEqual(sorted(COMMAND_IDS), sorted(contributed));
  });

  it('every contributed command has a handler, and every handler is contributed', () => {
    assert.equal(new Set(tableIds).size, tableIds.length, 'the table registers an id twice');
    const handled = new Set(tableIds);
    assert.deepEqual(
      contributed.filter((id) => !handled.has(id)),
      [],
      'contributed without a handler',
    );
    assert.deepEqual(
      [...handled].filter((id) => !contributed.includes(id)),
      [],
      'handled but not contributed',
    );
  });

  it('every menu entry names a contributed command', () => {
    const unknown: string[] = [];
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        if (entry.command === undefined || contributed.includes(entry.command)) continue;
        unknown.push(`${menu}: ${entry.command}`);
      }
    }
    assert.deepEqual(unknown, []);
    assert.ok(Object.values(manifest.contributes.menus).flat().length > 0, 'no menus read');
  });

  it('every command link of a welcome view names a contributed command', () => {
    const linkPattern = /command:(dockerNetworks\.[A-Za-z]+)/g;
    const links = Object.values(nls).flatMap((text) => [...text.matchAll(linkPattern)].map((m) => m[1]));
    assert.ok(links.length > 0, 'no command links read');
    assert.deepEqual(
      links.filter((id) => !contributed.includes(id)),
      [],
    );
  });
});
