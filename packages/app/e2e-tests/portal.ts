import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The repository's root. */
export const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Where the browser tests save their screenshots; `scripts/readme-screenshots.mjs` copies the
 * README's from here into docs/screenshots/.
 */
export const SCREENSHOTS = resolve(REPO_ROOT, 'test-results/screenshots');

/** The path of a screenshot by its file name (its folder is created). */
export function screenshotPath(name: string): string {
  const path = resolve(SCREENSHOTS, name);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/**
 * Clicks Enter on the sign-in page until the app opens: a click while the backend restarts (the
 * start command's development server restarts it when a file changes) leaves the page asking.
 */
async function enterAsGuest(page: Page): Promise<void> {
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(async () => {
    if (await enterButton.isVisible()) {
      await enterButton.click();
    }
    await expect(enterButton).toBeHidden({ timeout: 10_000 });
  }).toPass({ timeout: 120_000 });
}

/** Opens `path` and signs in as the guest on the sign-in page. */
export async function signInAsGuest(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Enter' })).toBeVisible();
  await enterAsGuest(page);
}

/**
 * Opens `path` in a page of a context that has signed in already: the sign-in page may still
 * ask (the guest session lives in the page), or the app may open directly.
 */
export async function openSignedIn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const enterButton = page.getByRole('button', { name: 'Enter' });
  const homeLinkOfSidebar = page.getByRole('link', { name: 'Home' }).first();
  // whichever comes first; the other wait ends with the page (never awaited, so caught)
  await Promise.race(
    [enterButton, homeLinkOfSidebar].map(l =>
      l.waitFor().catch(() => undefined),
    ),
  );
  await enterAsGuest(page);
  await expect(homeLinkOfSidebar).toBeVisible();
}

/** The table status card of the kubevela plugin on an entity page. */
export function statusCard(page: Page): Locator {
  return page.getByTestId('kubevela-table-status-card');
}

/**
 * The local platform the start command runs for the portal (scripts/portal-platform.sh
 * records it): the test needs its DynamoDB endpoint to make DynamoDB refuse a call.
 */
export function portalPlatform(): { dynamodbEndpoint: string } {
  const file = resolve(REPO_ROOT, '.local-platform/portal/platform.json');
  if (!existsSync(file)) {
    throw new Error(
      `${file} does not exist: these tests need the portal of ./scripts/start.sh with its local platform (not VELA_TABLES_PLATFORM=none)`,
    );
  }
  const info = JSON.parse(readFileSync(file, 'utf8'));
  if (!info.dynamodb?.endpoint) {
    throw new Error(`${file} names no DynamoDB endpoint`);
  }
  return { dynamodbEndpoint: info.dynamodb.endpoint };
}

/**
 * A link button of the home page by its text (Backstage's LinkButton: an anchor that MUI gives
 * the role "button").
 */
export function homeLink(page: Page, text: string): Locator {
  return page.locator('a', { hasText: text });
}

/** A refusal the local DynamoDB server gives instead of running a call. */
export interface DynamoDbFault {
  /** The DynamoDB operation, e.g. `CreateTable`. */
  operation: string;
  /** Only calls for this table. */
  tableName: string;
  /** DynamoDB's error code, e.g. `LimitExceededException`. */
  code: string;
  /** The error message, in DynamoDB's words. */
  message: string;
}

// The faults endpoint of the local DynamoDB server (scripts/platform/moto_server.py; the
// protocol of packages/local-platform/src/dynamodbFaults.ts), which the frontend package cannot
// import. Each process clears only the faults it injected.
const FAULT_OWNER = `e2e-${process.pid}`;

async function faultsRequest(
  endpoint: string,
  method: 'POST' | 'DELETE',
  body: object,
): Promise<void> {
  const url = new URL('/_vela_tables/faults', endpoint);
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, owner: FAULT_OWNER }),
  });
  if (response.status !== 200) {
    throw new Error(
      `${method} ${url}: HTTP ${response.status} ${await response.text()}`,
    );
  }
}

/** Makes the local DynamoDB server refuse matching calls with the given error. */
export function injectDynamoDbFault(
  endpoint: string,
  fault: DynamoDbFault,
): Promise<void> {
  return faultsRequest(endpoint, 'POST', fault);
}

/** Clears every fault this process injected. */
export function clearDynamoDbFaults(endpoint: string): Promise<void> {
  return faultsRequest(endpoint, 'DELETE', {});
}
