/**
 * What the e2e suites that make their own engine resources and open webviews share: the page's console messages
 * about the Content-Security-Policy (every frame's, the webviews' included), collected as they come, and the
 * clean-up that runs every docker command and reports, not throws, the ones that fail, so the rest still run.
 */
import type { Page } from 'playwright-core';
import { docker } from './harness';

/** The list fills as the page logs CSP refusals; a suite asserts it stays empty. */
export function collectCspMessages(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) messages.push(m.text());
  });
  return messages;
}

/** Runs each `docker` command in order (containers before their networks); a failure is logged and skipped. */
export function removeResources(commands: string[][]): void {
  for (const args of commands) {
    try {
      docker(...args);
    } catch (err) {
      console.error(`e2e clean-up: ${(err as Error).message}`);
    }
  }
}
