import { expect, test } from '@playwright/test';
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

test('the catalog lists the components of catalog-info.yaml', async ({ page }) => {
  expect(CATALOG_INFO_COMPONENTS.length).toBeGreaterThan(0);
  await page.goto('/');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  await expect(page.getByRole('heading', { name: /Catalog/ })).toBeVisible();
  const search = page.getByPlaceholder('Search');
  for (const { name, shown } of CATALOG_INFO_COMPONENTS) {
    await search.fill(name);
    await expect(page.getByRole('link', { name: shown, exact: true })).toBeVisible();
  }
  await search.fill('');
  await expect(page.getByText(/All Components \(\d+\)/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/catalog.png', fullPage: true });
});
