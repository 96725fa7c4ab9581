import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Files that must stay free of `vscode` (and dockerode). Globs, so that split or new files stay covered. */
export const PURE_FILES = [
  'src/common/**/*.ts',
  'src/model/**/*.ts',
  'src/diagnose/**/*.ts',
  'src/compose/rules/**/*.ts',
  'src/compose/model/**/*.ts',
  // What the docker-net-lint CLI and the lint worker load.
  'src/compose/{cli,cliEngine,engineView,lint,lintFile,lintRequest,lintWorker}.ts',
  'src/compose/{project,sarif,symbolIndex,workerProtocol}.ts',
  'src/explorer/present/**/*.ts',
  // The topology graph model, its protocol (shared with the webview bundle), the Mermaid export, the plan overlay.
  'src/topology/graph*.ts',
  'src/topology/graph*/**/*.ts',
  'src/topology/{protocol,mermaid,planOverlay}.ts',
  // The generic webview host's message protocol and page.
  'src/webviewHost/{protocol,html}.ts',
  // The connectivity report's protocol (shared with its webview bundle).
  'src/troubleshoot/protocol.ts',
  // Command logic that unit tests run without the extension host.
  'src/commands/{commandIds,operationArgs,prompter}.ts',
  'src/commands/createNetwork/{stepList,stepRunner,wizardState}.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dockerode', message: 'Only src/engine/ talks to the engine.' }] },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Pure code: runs in plain Node (unit tests, the docker-net-lint CLI, the lint worker, the webview bundle).
    files: PURE_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'Pure module: pass what it needs in (see docs/ARCHITECTURE.md, "Pure parts").' },
            { name: 'dockerode', message: 'Only src/engine/ talks to the engine.' },
          ],
        },
      ],
    },
  },
  {
    // A webview bundle shares only the protocol files with the extension (DESIGN.md).
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!(.+/)?protocol$)',
              message: 'webview/ imports from src/ only protocol files (src/<part>/protocol.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        document: 'readonly',
        window: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
