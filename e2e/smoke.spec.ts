import { expect, test } from '@playwright/test';

test('the planner loads without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Exchange Port Planner' })).toBeVisible();
  expect(errors).toEqual([]);
});
