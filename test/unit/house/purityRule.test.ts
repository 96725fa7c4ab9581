/**
 * The layering rule in eslint.config.mjs covers every file that must stay free of `vscode` (and of dockerode), by
 * globs that keep covering files split or added later. Runs ESLint itself on a one-line import at those paths.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The rule's messages for `import ... from '<module>'` in a file at `file` (which need not exist). */
async function importFindings(file: string, module: string): Promise<string[]> {
  const code = `import * as imported from '${module}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const PURE = [
  'src/common/failure.ts',
  'src/model/sessionFeed.ts',
  'src/model/liveTopology.ts',
  'src/diagnose/reachability.ts',
  'src/diagnose/sockets/procNetTcp.ts',
  'src/compose/rules/invalidCidr.ts',
  'src/compose/model/parseCompose.ts',
  'src/compose/lint.ts',
  'src/compose/cli.ts',
  'src/compose/lintWorker.ts',
  'src/explorer/present/networkText.ts',
  'src/topology/graph/build.ts',
  'src/topology/graph/liveGraph.ts',
  'src/topology/graphModel.ts',
  'src/topology/protocol.ts',
  'src/topology/mermaid.ts',
  'src/topology/planOverlay.ts',
  'src/webviewHost/protocol.ts',
  'src/webviewHost/html.ts',
  'src/commands/operationArgs.ts',
  'src/commands/createNetwork/wizardState.ts',
];

describe('ESLint layering rule', function () {
  this.timeout(60_000);

  for (const file of PURE) {
    it(`${file} may import neither vscode nor dockerode`, async () => {
      assert.equal((await importFindings(file, 'vscode')).length, 1, 'vscode import allowed');
      assert.equal((await importFindings(file, 'dockerode')).length, 1, 'dockerode import allowed');
    });
  }

  it('the VS Code parts may import vscode, and only src/engine/ dockerode', async () => {
    assert.deepEqual(await importFindings('src/explorer/treeItems.ts', 'vscode'), []);
    assert.deepEqual(await importFindings('src/topology/panel.ts', 'vscode'), []);
    assert.deepEqual(await importFindings('src/engine/dockerEngine.ts', 'dockerode'), []);
    assert.match((await importFindings('src/explorer/treeItems.ts', 'dockerode'))[0] ?? '', /Only src\/engine\//);
  });
});
