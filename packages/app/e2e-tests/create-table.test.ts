import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1600, height: 1000 } });

// The whole flow a developer follows: the form, kubevela:application:build, a server-side dry
// run, the apply to the local cluster (as the portal's ServiceAccount), and the catalog entity.
test('a developer creates a table from the DynamoDB template', async ({ page }) => {
  const name = `e2e-${Date.now().toString(36)}`;
  await page.goto('/create');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  await page.getByRole('button', { name: /choose/i }).first().waitFor();
  const card = page.locator('article, .MuiCard-root').filter({ hasText: 'DynamoDB table (KubeVela)' }).first();
  await card.getByRole('button', { name: /choose/i }).click();

  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  // Keys and features keep their defaults (an `id` string partition key, nothing switched on).
  for (let step = 0; step < 3; step++) {
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  }
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText(`team-a/${name}`, { exact: false }).first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('applied to cluster', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/create-table.png', fullPage: true });
});
