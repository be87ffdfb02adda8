import { expect, type Locator, type PlannerPage, test } from './fixtures';

/** The drawn box of a plan node: a dimmed node is drawn faint (by its colours, its text kept at 4.5:1). */
const body = (node: Locator) => node.locator('.epp-node');

async function expectInView(planner: PlannerPage, node: Locator): Promise<void> {
  const canvas = await planner.canvasBox();
  await expect
    .poll(async () => {
      const box = await node.boundingBox();
      return (
        box !== null &&
        box.x >= canvas.x &&
        box.y >= canvas.y &&
        box.x + box.width <= canvas.x + canvas.width &&
        box.y + box.height <= canvas.y + canvas.height
      );
    })
    .toBe(true);
}

test.beforeEach(async ({ planner }) => {
  // The first visit opens the combined example: three sites, three firewalls, one X.400 mismatch.
  await planner.start();
});

test('choosing a finding selects what fixes it, highlights and brings into view what it is about', async ({
  planner,
}) => {
  await planner.openTab('Findings');
  const finding = planner.finding('RFC1006_PORT_MISMATCH');
  await finding.getByRole('button').click();
  await expect(finding.getByRole('button')).toHaveAttribute('aria-current', 'true');

  // Both servers stay emphasised and in view; the connector between them is what is selected.
  for (const name of ['EXAMS01', 'EXBRU01']) {
    await expect(body(planner.node(name))).not.toHaveAttribute('data-tone', 'dim');
    await expectInView(planner, planner.node(name));
  }
  await expect(planner.connector('EXAMS01', 'EXBRU01')).toHaveClass(/\bselected\b/);
  // Nodes it is not about are dimmed and not selected.
  await expect(planner.node('Home POP3 users')).not.toHaveClass(/\bselected\b/);
  await expect(body(planner.node('Home POP3 users'))).toHaveAttribute('data-tone', 'dim');

  await expect(planner.inspector.getByRole('heading', { name: 'AMS-BRU' })).toBeVisible();
  await expect(planner.inspector.getByLabel('RFC1006 port of EXAMS01')).toBeVisible();
  await expect(planner.inspector.getByLabel('RFC1006 port of EXBRU01')).toBeFocused();
  await planner.screenshot('finding-chosen');
});

test('selecting a firewall highlights the paths through it and dims the rest', async ({ planner, page }) => {
  await planner.selectNode('FW-INTERNAL');
  // On its paths: the DMZ server and the Amsterdam servers it talks to.
  for (const name of ['FW-INTERNAL', 'EXDMZ01', 'EXAMS01', 'DMZ', 'Amsterdam LAN']) {
    await expect(body(planner.node(name))).not.toHaveAttribute('data-tone', 'dim');
  }
  // POP3 users reach the DMZ server through FW-EDGE only; Utrecht's users never leave Utrecht.
  for (const name of ['Home POP3 users', 'Utrecht Outlook users', 'FW-WAN']) {
    await expect(body(planner.node(name))).toHaveAttribute('data-tone', 'dim');
  }
  await expect(planner.inspector.getByRole('list', { name: 'Rules FW-INTERNAL needs' })).toBeVisible();
  await planner.screenshot('firewall-selected');

  // Escape clears the selection and every node is drawn plainly again.
  await page.keyboard.press('Escape');
  await expect(body(planner.node('Home POP3 users'))).not.toHaveAttribute('data-tone', 'dim');
  await expect(planner.node('FW-INTERNAL')).not.toHaveClass(/\bselected\b/);
});

test('choosing a port matrix row highlights its flow from source to destination', async ({ planner }) => {
  await planner.openTab('Port matrix');
  const row = planner.matrix
    .getByRole('row')
    .filter({ hasText: 'Home POP3 users' })
    .filter({ hasText: '995' });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(row).toHaveAttribute('data-highlighted', 'true');

  for (const name of ['Home POP3 users', 'FW-EDGE', 'EXDMZ01']) {
    await expect(body(planner.node(name))).not.toHaveAttribute('data-tone', 'dim');
    await expectInView(planner, planner.node(name));
  }
  for (const name of ['Mobile IMAP4 users', 'FW-INTERNAL', 'EXAMS01']) {
    await expect(body(planner.node(name))).toHaveAttribute('data-tone', 'dim');
  }
  const line = (a: string, b: string) => planner.link(a, b).locator('path.react-flow__edge-path');
  await expect(line('Home POP3 users', 'FW-EDGE')).toHaveCSS('opacity', '1');
  await expect(line('Mobile IMAP4 users', 'FW-EDGE')).toHaveCSS('opacity', '0.2');
  await planner.screenshot('matrix-row-chosen');
});
