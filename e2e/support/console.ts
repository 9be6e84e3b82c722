// Collects what the page reports as going wrong: console errors, uncaught page errors
// and failed requests. A test of normal use expects all three to stay empty.
import type { Page } from '@playwright/test';

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

export function watchProblems(page: Page): PageProblems {
  const p: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (m) => { if (m.type() === 'error') p.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => p.pageErrors.push(e.message));
  page.on('requestfailed', (r) => p.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) p.failedRequests.push(`${r.url()} ${r.status()}`); });
  return p;
}
