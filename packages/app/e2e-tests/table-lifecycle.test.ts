import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  clearDynamoDbFaults,
  homeLink,
  injectDynamoDbFault,
  openSignedIn,
  portalPlatform,
  screenshotPath,
  signInAsGuest,
  statusCard,
} from './portal';

// Everything a developer sees of one table, on the portal of ./scripts/start.sh: the form, the
// scaffolder task (kubevela:application:build, the server-side dry run, the apply as the portal's
// ServiceAccount, waiting until the table is ready), the catalog entity the catalog module
// ingests from the cluster, its status card while the engine (the real vela-core and KRO, the
// engine stand-ins, moto's DynamoDB server) creates the table, and the engine comparison.
// Screenshots go to test-results/screenshots/ for the README (scripts/readme-screenshots.mjs).
//
// moto creates a table at once, so the engines are Provisioning only for seconds. To see the
// card in Provisioning and in Failed, these tests make the local DynamoDB server refuse the
// table's CreateTable (its faults endpoint), the way DynamoDB refuses when too many tables are
// being created at once: the ACK controller retries such an error (ACK.Recoverable, so the table
// is still Provisioning), Crossplane's provider reports it as a ReconcileError (Failed).

test.use({ viewport: { width: 1280, height: 900 } });

const ENGINES = ['crossplane', 'kro', 'kro-simplified', 'kro-simple', 'kratix'];

/** What DynamoDB answers when too many tables are being created at once. */
const LIMIT_EXCEEDED = {
  operation: 'CreateTable',
  code: 'LimitExceededException',
  message:
    'Subscriber limit exceeded: There is a limit of 256 tables in CREATING state',
};

/** A name no earlier run used (the portal's platform may outlive a run). */
function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

/**
 * Fills the first page of "DynamoDB table (KubeVela)" (name and engine; cluster, namespace and
 * region keep the platform's first choices) and returns the namespace it chose.
 */
async function fillTablePage(
  page: Page,
  name: string,
  engine: string,
): Promise<string> {
  await page.getByRole('textbox', { name: /^Name/ }).fill(name);
  await page.getByRole('combobox', { name: /^Engine/ }).selectOption(engine);
  await expect(page.getByRole('combobox', { name: /^Engine/ })).toHaveValue(
    engine,
  );
  const namespace = page.getByRole('combobox', { name: /^Namespace/ });
  await expect(namespace).not.toHaveValue('');
  return namespace.inputValue();
}

/** Next through the other pages (keys and features keep their defaults), and Create. */
async function create(page: Page) {
  for (let step = 0; step < 3; step++) {
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  }
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Apply the Application').first()).toBeVisible();
}

/**
 * Opens the table's page in a second tab while the task waits for the table, and waits for its
 * card: the catalog module ingests the new Application shortly after the apply, so the page may
 * first say the entity does not exist.
 */
async function openTablePage(page: Page, namespace: string, name: string) {
  const tablePage = await page.context().newPage();
  await openSignedIn(tablePage, `/catalog/${namespace}/resource/${name}`);
  await expect(async () => {
    if (!(await statusCard(tablePage).isVisible())) {
      await tablePage.reload();
    }
    await expect(statusCard(tablePage)).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 120_000 });
  return { tablePage, card: statusCard(tablePage) };
}

test('a table made through the form goes from Provisioning to Ready, with its ARN, timeline and engine comparison', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const { dynamodbEndpoint } = portalPlatform();
  const name = uniqueName('e2e-kros');
  await injectDynamoDbFault(dynamodbEndpoint, {
    ...LIMIT_EXCEEDED,
    tableName: name,
  });
  try {
    // The home page's way in.
    await signInAsGuest(page, '/');
    await homeLink(page, 'Create a table').click();
    const namespace = await fillTablePage(page, name, 'kro-simplified');
    await page.screenshot({ path: screenshotPath('create-form.png') });
    await create(page);

    const { tablePage, card } = await openTablePage(page, namespace, name);
    const phase = card.getByTestId('table-phase');
    await expect(phase).toHaveText('Provisioning', { timeout: 120_000 });
    await card.screenshot({ path: screenshotPath('card-provisioning.png') });
    // what DynamoDB said, as the engine reports it among its conditions
    await card.getByRole('button', { name: /Engine conditions/ }).click();
    await expect(card).toContainText(LIMIT_EXCEEDED.code);

    // DynamoDB takes new tables again: the ACK controller's next try creates it.
    await clearDynamoDbFaults(dynamodbEndpoint);
    await expect(phase).toHaveText('Ready', { timeout: 240_000 });
    await expect(card.getByTestId('table-arn')).toHaveText(
      `arn:aws:dynamodb:us-west-2:123456789012:table/${name}`,
    );
    await expect(card.getByTestId('table-standin')).toHaveText(
      'local stand-in',
    );
    // the timeline (oldest first), from the phase history the backend records: Provisioning
    // first, Ready last. (In between, a new ACK table can be Degraded for a moment: ACTIVE in
    // DynamoDB before the controller's ACK.ResourceSynced turns True.)
    const entries = card.getByTestId('table-timeline-entry');
    await expect
      .poll(async () => {
        const phases = await entries.evaluateAll(list =>
          list.map(e => e.getAttribute('data-phase')),
        );
        return [phases[0], phases[phases.length - 1]];
      })
      .toEqual(['Provisioning', 'Ready']);
    await card.screenshot({ path: screenshotPath('card-ready.png') });
    await tablePage.close();

    // The task, which waited for the table, links to the table's page.
    const entityLink = page.getByRole('link', {
      name: "Open the table's page",
    });
    await expect(entityLink).toBeVisible({ timeout: 180_000 });
    await expect(
      page.getByText('applied to cluster', { exact: false }).first(),
    ).toBeVisible();
    await entityLink.click();
    await expect(page).toHaveURL(
      new RegExp(`/catalog/${namespace}/resource/${name}$`),
    );

    // Its DynamoDB tab: all five engines, this one highlighted, and where it can move.
    await page.getByRole('link', { name: 'DynamoDB', exact: true }).click();
    const comparison = page.getByTestId('engine-comparison');
    await expect(comparison).toBeVisible();
    await expect(
      comparison.getByText('DynamoDB engines compared'),
    ).toBeVisible();
    for (const engine of ENGINES) {
      await expect(
        comparison.getByTestId(`engine-column-${engine}`),
      ).toBeVisible();
    }
    await expect(comparison.locator('[data-current="true"]')).toHaveCount(1);
    await expect(
      comparison.getByTestId('engine-column-kro-simplified'),
    ).toHaveAttribute('data-current', 'true');
    await expect(
      comparison
        .getByTestId('engine-column-kro-simplified')
        .getByText("this table's engine"),
    ).toBeVisible();
    // the moves the migrate template makes link to it (the others say why it does not)
    const migrations = comparison.locator(
      '[data-testid^="migration-option-"][data-automated="true"]',
    );
    await expect(migrations).toHaveCount(1);
    await expect(migrations.first()).toBeVisible();
    const migrateLink = migrations
      .first()
      .getByRole('link', { name: /^Migrate to / });
    const href = new URL(
      (await migrateLink.getAttribute('href'))!,
      'http://localhost',
    );
    expect(href.pathname).toBe(
      '/create/templates/default/migrate-dynamodb-engine',
    );
    const formData = JSON.parse(href.searchParams.get('formData')!);
    expect(formData.entityRef).toBe(`resource:${namespace}/${name}`);
    const target = (await migrations
      .first()
      .getAttribute('data-testid'))!.replace('migration-option-', '');
    expect(formData.targetEngine).toBe(target);
    expect(target).toBe('crossplane');
    // the top of the comparison (the whole page is several screens long)
    await page.screenshot({ path: screenshotPath('engine-comparison.png') });
  } finally {
    await clearDynamoDbFaults(dynamodbEndpoint);
  }
});

test("DynamoDB refusing a new table turns its card Failed with DynamoDB's message", async ({
  page,
}) => {
  test.setTimeout(420_000);
  const { dynamodbEndpoint } = portalPlatform();
  const name = uniqueName('e2e-refused');
  await injectDynamoDbFault(dynamodbEndpoint, {
    ...LIMIT_EXCEEDED,
    tableName: name,
  });
  try {
    await signInAsGuest(page, '/create/templates/default/dynamodb-table');
    const namespace = await fillTablePage(page, name, 'crossplane');
    await create(page);

    const { card } = await openTablePage(page, namespace, name);
    await expect(card.getByTestId('table-phase')).toHaveText('Failed', {
      timeout: 180_000,
    });
    await expect(card.getByTestId('table-failure')).toContainText(
      LIMIT_EXCEEDED.message,
    );
    await card.screenshot({ path: screenshotPath('card-failed.png') });

    // Once DynamoDB takes it, the provider's next try creates the table.
    await clearDynamoDbFaults(dynamodbEndpoint);
    await expect(card.getByTestId('table-phase')).toHaveText('Ready', {
      timeout: 240_000,
    });
  } finally {
    await clearDynamoDbFaults(dynamodbEndpoint);
  }
});
