import { expect, test } from './fixtures';

test.use({ viewport: { width: 1600, height: 1000 } });

test('an X.400 connector between MTAs on different RFC1006 ports is an error until the ports agree', async ({
  planner,
  page,
}) => {
  await planner.start({ empty: true });
  const canvas = await planner.canvasBox();

  // Two sites side by side, an Exchange server dropped in the middle of each.
  const siteA = await planner.dragFromPalette('Site', { x: canvas.width * 0.27, y: canvas.height * 0.45 });
  const boxA = await planner.site(siteA).boundingBox();
  if (!boxA) throw new Error('The first site is not on screen.');
  const siteB = await planner.dragFromPalette('Site', {
    x: boxA.x - canvas.x + boxA.width * 1.5 + 60,
    y: canvas.height * 0.45,
  });
  const boxB = await planner.site(siteB).boundingBox();
  if (!boxB) throw new Error('The second site is not on screen.');
  expect(boxB.x).toBeGreaterThan(boxA.x + boxA.width);
  expect(boxB.x + boxB.width).toBeLessThan(canvas.x + canvas.width);

  const serverA = await planner.dragFromPalette('Exchange server', {
    x: boxA.x - canvas.x + boxA.width / 2,
    y: boxA.y - canvas.y + boxA.height / 2,
  });
  const serverB = await planner.dragFromPalette('Exchange server', {
    x: boxB.x - canvas.x + boxB.width / 2,
    y: boxB.y - canvas.y + boxB.height / 2,
  });
  await expect(planner.site(siteA)).toHaveAccessibleName(`Site ${siteA}, 1 server`);
  await expect(planner.site(siteB)).toHaveAccessibleName(`Site ${siteB}, 1 server`);

  // Drawing between servers of different sites asks what to draw.
  await planner.connectNodes(serverA, serverB);
  const menu = page.getByRole('menu', { name: `Connect ${serverA} and ${serverB}` });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: /^X\.400 connector/ }).click();
  const connector = planner.connector(serverA, serverB);
  await expect(connector).toHaveAccessibleName(`X.400 connector ${serverA} – ${serverB}, port 102`);
  // A connector is drawn unlike a network link: dashed.
  await expect(connector.locator('path.react-flow__edge-path')).not.toHaveCSS('stroke-dasharray', 'none');
  await expect(planner.finding('RFC1006_PORT_MISMATCH')).toHaveCount(0);

  // The second MTA listens on another port: the connector is broken.
  await planner.selectNode(serverB);
  const rfc1006 = planner.inspector.getByLabel('RFC1006 port');
  await rfc1006.fill('103');
  await planner.openTab('Findings');
  const mismatch = planner.finding('RFC1006_PORT_MISMATCH');
  await expect(mismatch).toHaveCount(1);
  await expect(mismatch).toContainText('Error');
  await expect(mismatch).toContainText(serverA);
  await expect(mismatch).toContainText(serverB);
  await expect(connector).toHaveAccessibleName(`X.400 connector ${serverA} – ${serverB}, port 102 ≠ 103`);
  await expect(planner.node(serverB)).toHaveAccessibleName(/, \d+ findings?$/);
  await planner.screenshot('x400-mismatch');

  // Both MTAs on 102 again: the error goes.
  await rfc1006.fill('102');
  await expect(planner.finding('RFC1006_PORT_MISMATCH')).toHaveCount(0);
  await expect(connector).toHaveAccessibleName(`X.400 connector ${serverA} – ${serverB}, port 102`);
  await planner.screenshot('x400-fixed');
});
