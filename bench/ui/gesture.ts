import type { Page } from '@playwright/test';

/**
 * Presses at a point and moves back and forth around it for `ms`, one small
 * step per mouse event, as a person dragging a node or the canvas would;
 * `whilePressed` runs once the press has started the gesture and its result
 * is what `stop` returns just before the release.
 */
export async function wiggle<T>(
  page: Page,
  at: { x: number; y: number },
  reach: number,
  ms: number,
  around: { start?: () => Promise<void>; stop?: () => Promise<T> } = {},
): Promise<T | undefined> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 4, at.y + 2);
  await around.start?.();
  const started = Date.now();
  for (let t = 0; t < ms; t = Date.now() - started) {
    const phase = (t / 1000) * 2 * Math.PI;
    await page.mouse.move(at.x + reach * Math.sin(phase), at.y + (reach / 3) * Math.sin(2 * phase));
  }
  const result = await around.stop?.();
  await page.mouse.move(at.x, at.y);
  await page.mouse.up();
  return result;
}
