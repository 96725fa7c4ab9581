/**
 * What the topology panel's e2e tests share: the panel's webview document inside the workbench, and waiting for a
 * value read from it (the panel follows the engine live, so tests compare until both sides agree).
 */
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './harness';

/** The webview's document: VS Code nests it in two iframes. */
export function webview(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export async function eventually<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
