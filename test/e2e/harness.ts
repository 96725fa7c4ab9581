/**
 * Browser e2e harness: the real VS Code workbench (code-server) with this extension loaded in extension
 * development mode (or, with `vsix`, installed from its package), driven by headless Debian Chromium through
 * playwright-core. `workspaceTrust: true` opens the folder untrusted, in Restricted Mode.
 *
 *   let wb: Workbench;
 *   before(async () => { wb = await Workbench.open(); });
 *   after(async () => { await wb?.close(); });
 *   afterEach(async function () { await wb?.captureOnFailure(this); });
 *   it('...', async () => { await wb.openView(); await wb.treeItem('my-net').waitFor(); await wb.screenshot('x'); });
 *
 * Every Workbench gets its own code-server on a free loopback port with fresh user data. The extension host
 * inherits `env`, so a test can point the extension at another engine (DOCKER_HOST) for error states.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  freshRunDir,
  installExtension,
  launchChromium,
  repoRoot,
  startCodeServer,
  workbenchUrl,
  type CodeServer,
} from '../../scripts/lib/codeServer.mjs';

export const resultsDir = join(repoRoot, 'test-results');
export const defaultWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
/** The aria-label of the extension's activity-bar entry (its view container title). */
export const activityBarLabel = 'Docker Networks';

export interface WorkbenchOptions {
  /** Folder to open; default test/fixtures/workspace. */
  workspace?: string;
  /** User settings written before start (merged over quiet defaults). */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so the extension host (e.g. DOCKER_HOST). */
  env?: Record<string, string>;
  /** Browser viewport; the default suits readable screenshots. */
  viewport?: { width: number; height: number };
  /** A .vsix to install with --install-extension and run instead of the development folder. */
  vsix?: string;
  /** Keep workspace trust on: the folder opens untrusted, in Restricted Mode. */
  workspaceTrust?: boolean;
}

// With trust on: no prompt over the UI; the folder simply stays untrusted (Restricted Mode).
const restrictedModeSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

// Quiet defaults: no welcome page, tips, update or marketplace prompts over the UI being tested.
const baseSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    readonly server: CodeServer,
  ) {}

  /** Starts code-server and Chromium and waits for the workbench; always pair with close(). */
  static async open(opts: WorkbenchOptions = {}): Promise<Workbench> {
    const workspace = opts.workspace ?? defaultWorkspace;
    const runDir = freshRunDir('e2e');
    const userDir = join(runDir, 'user-data', 'User');
    mkdirSync(userDir, { recursive: true });
    const trust = opts.workspaceTrust ? restrictedModeSettings : {};
    writeFileSync(
      join(userDir, 'settings.json'),
      JSON.stringify({ ...baseSettings, ...trust, ...opts.settings }, null, 2),
    );
    if (opts.vsix) console.log(`      ${installExtension(opts.vsix, runDir).split('\n').join('\n      ')}`);
    const server = await startCodeServer({ workspace, runDir, env: opts.env, workspaceTrust: opts.workspaceTrust });
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
      const wb = new Workbench(page, browser, server);
      // the first load parses the whole workbench: on a busy shared machine it takes well over 30 s
      const development = opts.vsix ? {} : { extensionDevelopmentPath: repoRoot };
      await page.goto(workbenchUrl(server.origin, { folder: workspace, ...development }), { timeout: 120_000 });
      await wb.waitForWorkbench();
      return wb;
    } catch (err) {
      await browser?.close();
      await server.stop();
      throw err;
    }
  }

  /** Waits until the workbench is rendered and the extension host has started (activity bar populated). */
  async waitForWorkbench(timeoutMs = 60_000): Promise<void> {
    try {
      await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
      await this.activityBarEntry().waitFor({ timeout: timeoutMs });
    } catch (err) {
      const shot = await this.screenshot('workbench-not-ready').catch(() => 'no screenshot');
      throw new Error(
        `the workbench did not show the "${activityBarLabel}" activity-bar entry within ${timeoutMs / 1000} s ` +
          `(is the extension built and loading?): ${(err as Error).message}\nscreenshot: ${shot}; code-server log: ${this.server.logFile} ` +
          '(kept with DNE_KEEP_RUN_DIR=1)',
      );
    }
  }

  /** For afterEach: saves test-results/FAILED-<test title>.png when the test that just ran failed. */
  async captureOnFailure(ctx: Mocha.Context): Promise<void> {
    const test = ctx.currentTest;
    if (test?.state === 'failed') {
      const shot = await this.screenshot(`FAILED-${test.fullTitle()}`);
      console.log(`      screenshot of the failure: ${shot}`);
    }
  }

  /** The activity-bar entry with this aria-label (default: the extension's). */
  activityBarEntry(label = activityBarLabel): Locator {
    return this.page.locator(`.activitybar .action-label[aria-label^="${label}"]`);
  }

  /** Opens the view container by its activity-bar entry; returns the side bar holding it. */
  async openView(label = activityBarLabel): Promise<Locator> {
    const sideBar = this.page.locator('#workbench\\.parts\\.sidebar');
    const title = sideBar.locator('.composite.title h2', { hasText: label });
    if (!(await title.isVisible())) await this.activityBarEntry(label).click();
    await title.waitFor();
    return sideBar;
  }

  /** A view pane in the side bar by its header title (e.g. 'Networks'); expands it when collapsed. */
  async viewPane(title: string): Promise<Locator> {
    const pane = this.page.locator('#workbench\\.parts\\.sidebar .pane', {
      has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRegExp(title)}$`, 'i') }),
    });
    await pane.first().waitFor();
    const header = pane.first().locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane.first();
  }

  /** A tree row whose label contains `label` (in `within`, else anywhere in the side bar). */
  treeItem(label: string, within?: Locator): Locator {
    const scope = within ?? this.page.locator('#workbench\\.parts\\.sidebar');
    return scope.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first();
  }

  /**
   * Like treeItem, but also finds rows scrolled out of view (the tree is virtualized: only rows in the
   * viewport exist in the DOM), by wheeling through the list top to bottom until the row shows up.
   * Keeps trying until `timeoutMs`, since the row may appear only after an engine event.
   */
  async findTreeItem(label: string, within?: Locator, timeoutMs = 30_000): Promise<Locator> {
    const scope = within ?? this.page.locator('#workbench\\.parts\\.sidebar');
    const row = this.treeItem(label, scope);
    const list = scope.locator('.monaco-list').first();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await row.isVisible()) return row;
      const box = await list.boundingBox();
      if (box) {
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await this.page.mouse.wheel(0, -1e6); // back to the top
        let lastSeen = '';
        for (;;) {
          await this.page.waitForTimeout(50);
          if (await row.isVisible()) return row;
          const bottom = (await scope.locator('.monaco-list-row').last().textContent()) ?? '';
          if (bottom === lastSeen || Date.now() > deadline) break; // end of the list
          lastSeen = bottom;
          await this.page.mouse.wheel(0, box.height * 0.8);
        }
      }
      await this.page.waitForTimeout(500);
    }
    throw new Error(`no tree row labelled "${label}" within ${timeoutMs / 1000} s (scrolled through the whole list)`);
  }

  /** Drags the side bar's edge to `width` px so descriptions (addresses) are not cut off in screenshots. */
  async widenSideBar(width: number): Promise<void> {
    const box = await this.page.locator('#workbench\\.parts\\.sidebar').boundingBox();
    if (!box) throw new Error('no side bar to widen');
    const edge = box.x + box.width - 1;
    const middle = box.y + box.height / 2;
    await this.page.mouse.move(edge, middle);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, middle, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Expands a collapsed tree row (click on its twistie). */
  async expand(row: Locator): Promise<void> {
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  }

  /** Opens a workspace file by name through Quick Open (Ctrl+P), like a user; returns its editor. */
  async quickOpen(fileName: string): Promise<Locator> {
    await this.page.locator('.monaco-workbench').focus({ timeout: 120_000 });
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(fileName);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor();
    await input.press('Enter');
    const editor = this.page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    return editor;
  }

  /** Runs a command by its palette title ("Category: Title") through F1, like a user. */
  async runCommand(title: string): Promise<void> {
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const item = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await item.waitFor();
    await input.press('Enter');
  }

  /**
   * Right-clicks `target` and picks the context-menu entry whose label is exactly `item`; waits until the
   * menu has closed (the action ran). Retries the pick once: a click that lands while the menu is still
   * being laid out can be lost.
   */
  /**
   * Right-clicks `target` until the workbench's context menu shows: a row re-rendered under the pointer (its
   * tooltip or its data just updated) may drop a right-click on a busy machine, and a user would click again.
   */
  async openContextMenu(target: Locator): Promise<Locator> {
    const menu = this.page.locator('.context-view .monaco-menu');
    for (let attempt = 1; ; attempt++) {
      await target.click({ button: 'right' });
      try {
        await menu.waitFor({ timeout: 10_000 });
        return menu;
      } catch (err) {
        if (attempt >= 3) throw new Error(`no context menu after ${attempt} right-clicks: ${(err as Error).message}`);
        await this.page.keyboard.press('Escape');
      }
    }
  }

  async contextMenu(target: Locator, item: string): Promise<void> {
    const menu = await this.openContextMenu(target);
    const entry = menu
      .locator('.action-item .action-label', { hasText: new RegExp(`^\\s*${escapeRegExp(item)}\\s*$`) })
      .first();
    await entry.waitFor();
    for (let attempt = 1; ; attempt++) {
      await entry.hover();
      await entry.click();
      try {
        await menu.waitFor({ state: 'hidden', timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt >= 2)
          throw new Error(`the context menu stayed open after picking "${item}": ${(err as Error).message}`);
      }
    }
  }

  /** Text of visible notification toasts (errors and infos the extension showed). */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  /** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes Chromium and stops code-server; the run folder is removed unless DNE_KEEP_RUN_DIR=1. */
  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await this.server.stop();
      if (!process.env.DNE_KEEP_RUN_DIR) rmSync(this.server.runDir, { recursive: true, force: true });
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The docker CLI helpers are shared with the integration suite: unique names, `docker(...)`, the test image.
export { docker, ncClient, ncServer, removeResources, testImage, uniqueName } from '../integration/support/docker';
