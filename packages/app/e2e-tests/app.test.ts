import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

// The components declared in the repository's catalog-info.yaml, as the catalog shows them
// (by title when they have one).
const CATALOG_INFO_COMPONENTS = parseAllDocuments(
  readFileSync(resolve(__dirname, '../../../catalog-info.yaml'), 'utf8'),
)
  .map(doc => doc.toJS())
  .filter(entity => entity.kind === 'Component')
  .map(entity => ({
    name: entity.metadata.name as string,
    shown: (entity.metadata.title ?? entity.metadata.name) as string,
  }));

test.use({ viewport: { width: 1600, height: 1000 } });

async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
}

test('the catalog lists the components of catalog-info.yaml', async ({ page }) => {
  expect(CATALOG_INFO_COMPONENTS.length).toBeGreaterThan(0);
  await signInAsGuest(page);

  await expect(page.getByRole('heading', { name: /Catalog/ })).toBeVisible();
  const search = page.getByPlaceholder('Search');
  for (const { name, shown } of CATALOG_INFO_COMPONENTS) {
    await search.fill(name);
    await expect(page.getByRole('link', { name: shown, exact: true })).toBeVisible();
  }
  await search.fill('');
  // the guest is a member of platform-team (app-config.yaml), which owns the examples, so the
  // catalog opens on the "Owned" filter
  await expect(page.getByText(/(All|Owned) Components \(\d+\)/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/catalog.png', fullPage: true });
});

test('an example table goes Ready through the engine stand-in and shows the engine comparison', async ({ page }) => {
  // manifests/examples/kro/dynamodb-basic-kro.yaml, applied by the start command: the real
  // vela-core renders the KRO instance, the real KRO creates the ACK Table, and the local stand-in
  // for the ACK controller creates the table in the DynamoDB server and writes the ACK status.
  await signInAsGuest(page, '/catalog/default/component/dynamodb-basic-kro');

  const card = page.getByText('DynamoDB table status').locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(card.getByTestId('table-phase')).toHaveText('Ready', { timeout: 120_000 });
  await expect(card.getByText('arn:aws:dynamodb:us-west-2:123456789012:table/', { exact: false }).first()).toBeVisible();
  await expect(card.getByText('local stand-in').first()).toBeVisible();
  await expect(card.getByText('DynamoDBTable', { exact: false }).first()).toBeVisible();
  await card.screenshot({ path: 'test-results/screenshots/entity-status.png' });

  // Entity page tabs are links to their paths.
  await page.getByRole('link', { name: 'DynamoDB', exact: true }).click();
  await expect(page.getByText('DynamoDB engines compared')).toBeVisible();
  for (const type of ['aws-dynamodb-xp', 'aws-dynamodb-kro', 'aws-dynamodb-kratix']) {
    await expect(page.getByText(type, { exact: true }).first()).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screenshots/engine-comparison.png', fullPage: true });
});
