import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  REPO_ROOT,
  homeLink,
  screenshotPath,
  signInAsGuest,
  statusCard,
} from './portal';

// The portal around the plugin, as a new user meets it on the portal of ./scripts/start.sh.

/** The components of a catalog file, as the catalog shows them (by title when they have one). */
function componentsOf(file: string) {
  return parseAllDocuments(readFileSync(resolve(REPO_ROOT, file), 'utf8'))
    .map(doc => doc.toJS())
    .filter(entity => entity?.kind === 'Component')
    .map(entity => ({
      name: entity.metadata.name as string,
      shown: (entity.metadata.title ?? entity.metadata.name) as string,
      linked: Boolean(entity.metadata.annotations?.['app.oam.dev/name']),
    }));
}
const REPOSITORY_COMPONENTS = componentsOf('catalog-info.yaml');
const EXAMPLE_COMPONENTS = componentsOf('manifests/examples/catalog-info.yaml');

test.use({ viewport: { width: 1280, height: 900 } });

/** How many lines the text of an element takes. */
async function linesOf(element: Locator): Promise<number> {
  return element.evaluate(el => {
    const lineHeight =
      parseFloat(getComputedStyle(el).lineHeight) ||
      1.2 * parseFloat(getComputedStyle(el).fontSize);
    return Math.round(el.getBoundingClientRect().height / lineHeight);
  });
}

test('the home page says what the portal offers and leads to creating a table', async ({
  page,
}) => {
  await signInAsGuest(page, '/');
  await expect(
    page.getByRole('heading', { name: 'Vela Tables' }),
  ).toBeVisible();
  for (const offer of [
    'Create a DynamoDB table',
    'Your tables',
    'Compare the engines',
    'Templates',
  ]) {
    await expect(page.getByText(offer, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText(/No widgets added/)).toHaveCount(0);

  await homeLink(page, 'Open the templates').click();
  await expect(page).toHaveURL(/\/create\/templates$/);
  await expect(
    page.getByText('DynamoDB table (KubeVela)').first(),
  ).toBeVisible();

  await page.goBack();
  await homeLink(page, 'Create a table').click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/dynamodb-table$/);
  await expect(page.getByRole('textbox', { name: /^Name/ })).toBeVisible();
});

test('/catalog lists the components, each name on one line', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog');
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole('heading', { name: /Catalog/ })).toBeVisible();
  // the guest is a member of platform-team (app-config.yaml), which owns the examples, so the
  // catalog opens on the "Owned" filter
  await expect(page.getByText(/(All|Owned) Components \(\d+\)/)).toBeVisible();

  const search = page.getByPlaceholder('Search');
  for (const { shown } of [...REPOSITORY_COMPONENTS, ...EXAMPLE_COMPONENTS]) {
    await search.fill(shown);
    const link = page.getByRole('link', { name: shown, exact: true });
    await expect(link).toBeVisible();
    expect(await linesOf(link), `lines of '${shown}'`).toBe(1);
  }
  await search.fill('');
  await page.screenshot({ path: screenshotPath('catalog.png') });
});

test('a Component without a table has no DynamoDB tab; one with a table has it', async ({
  page,
}) => {
  const withoutTable = REPOSITORY_COMPONENTS.find(c => !c.linked)!;
  await signInAsGuest(page, `/catalog/default/component/${withoutTable.name}`);
  await expect(
    page.getByRole('heading', { name: withoutTable.shown }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Overview', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'DynamoDB', exact: true }),
  ).toHaveCount(0);
  await expect(statusCard(page)).toHaveCount(0);

  await page.goto('/catalog/default/component/dynamodb-basic-kro');
  await expect(
    page.getByRole('link', { name: 'DynamoDB', exact: true }),
  ).toBeVisible();
});

test('an example table goes Ready through the engine stand-in', async ({
  page,
}) => {
  // manifests/examples/kro/dynamodb-basic-kro.yaml, applied by the start command: the real
  // vela-core renders the KRO instance, the real KRO creates the ACK Table, and the local stand-in
  // for the ACK controller creates the table in the DynamoDB server and writes the ACK status.
  await signInAsGuest(page, '/catalog/default/component/dynamodb-basic-kro');
  const card = statusCard(page);
  await expect(card.getByTestId('table-phase')).toHaveText('Ready', {
    timeout: 120_000,
  });
  await expect(card.getByTestId('table-arn')).toContainText(
    'arn:aws:dynamodb:us-west-2:123456789012:table/',
  );
  await expect(card.getByTestId('table-standin')).toHaveText('local stand-in');
});

test('the Kubernetes tab of a Crossplane table shows its Application, not an error', async ({
  page,
}) => {
  // dynamodb-basic-xp: a cluster-scoped Crossplane Table, which the Kubernetes plugin cannot
  // list under the entity's namespace; app-config.yaml lists only namespaced kinds.
  await signInAsGuest(
    page,
    '/catalog/default/component/dynamodb-basic-xp/kubernetes',
  );
  // the cluster's accordion, and in it the Application (what the namespaced kinds found)
  const cluster = page.getByText('No pods with errors');
  await expect(cluster).toBeVisible({ timeout: 60_000 });
  await cluster.click();
  await expect(page.getByText('Application', { exact: true })).toBeVisible();
  await expect(
    page.getByText(/Error communicating with Kubernetes|problem retrieving/i),
  ).toHaveCount(0);
  await expect(page.getByText(/404/)).toHaveCount(0);
});

test('error responses of the backend say what went wrong, without stack traces', async ({
  request,
}) => {
  // refused before any plugin code runs (no token), and refused by a plugin (a bad entityRef,
  // with the guest's token): both through Backstage's error handlers
  const backend = 'http://localhost:7007';
  const unauthenticated = await request.get(`${backend}/api/kubevela/engines`);
  expect(unauthenticated.status()).toBe(401);
  const refresh = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await refresh.json()).backstageIdentity.token as string;
  const badInput = await request.get(
    `${backend}/api/kubevela/status?entityRef=${encodeURIComponent(
      'not a ref',
    )}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  expect(badInput.status()).toBeGreaterThanOrEqual(400);
  expect(badInput.status()).toBeLessThan(500);
  for (const response of [unauthenticated, badInput]) {
    const body = await response.json();
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error).not.toHaveProperty('stack');
    // no server paths anywhere in the body
    expect(JSON.stringify(body)).not.toMatch(/node_modules|\.[jt]s:\d+/);
  }
});
