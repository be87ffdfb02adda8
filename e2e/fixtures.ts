import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The palette's items, by their accessible names (issue point 10). */
export type PaletteItem =
  | 'Exchange server'
  | 'Client'
  | 'Firewall'
  | 'Network'
  | 'SMTP host'
  | 'OWA server'
  | 'DNS server'
  | 'News host'
  | 'Site';

/** The items of the toolbar's Export menu, by their accessible names. */
export type ExportItem =
  | 'Export port matrix CSV'
  | 'Export all flows CSV'
  | 'Export plan'
  | `Export ${string} firewall rules (ZIP)`
  | 'Export PNG'
  | 'Export SVG';

/** A point relative to the top-left corner of the plan canvas, in screen pixels. */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** The kinds a plan node's accessible name starts with ("Firewall FW01, 1 rule · opens 25, 995"). */
const NODE_KINDS = '(?:Exchange server|Client|Firewall|Network|SMTP host|OWA server|DNS server|News host)';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function centre(box: { x: number; y: number; width: number; height: number }): CanvasPoint {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A rectangle on the page, in screen pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A side of the canvas beyond which nodes can lie; each has an edge cue ("→ 15 more"). */
type Side = 'left' | 'right' | 'up' | 'down';

const CUE_WHERE: Record<Side, string> = {
  left: 'to the left',
  right: 'to the right',
  up: 'above',
  down: 'below',
};
const OPPOSITE: Record<Side, Side> = { left: 'right', right: 'left', up: 'down', down: 'up' };

/** The side `box` overshoots `view` by the most (as the planner's cues count it), or null when wholly in view. */
function sideBeyond(box: Box, view: Box): Side | null {
  const over: [Side, number][] = [
    ['left', view.x - box.x],
    ['right', box.x + box.width - (view.x + view.width)],
    ['up', view.y - box.y],
    ['down', box.y + box.height - (view.y + view.height)],
  ];
  let best: [Side, number] | null = null;
  // Half a pixel is rounding between the canvas's units and the screen's, not a node out of view.
  for (const entry of over) if (entry[1] > 0.5 && (!best || entry[1] > best[1])) best = entry;
  return best ? best[0] : null;
}

/** The part of `box` inside `view`. */
function intersect(box: Box, view: Box): Box {
  const x = Math.max(box.x, view.x);
  const y = Math.max(box.y, view.y);
  const right = Math.min(box.x + box.width, view.x + view.width);
  const bottom = Math.min(box.y + box.height, view.y + view.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** The table as text: its header cells and the cells of every body row. */
export interface TableText {
  header: string[];
  rows: string[][];
}

/**
 * The planner as a person sees it: the palette, the canvas, the inspector,
 * the findings and the port matrix, found by role and accessible name.
 */
export class PlannerPage {
  readonly canvas: Locator;
  readonly inspector: Locator;
  /** The Findings region: one list per severity, each item one finding. */
  readonly findings: Locator;
  readonly matrix: Locator;
  /** Refusals (role alert). */
  readonly alert: Locator;
  /** Confirmations (role status). */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByRole('region', { name: 'Plan canvas' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
    this.findings = page.getByRole('region', { name: 'Findings', exact: true });
    this.matrix = page.getByRole('table', { name: 'Port matrix' });
    this.alert = page.getByRole('alert');
    this.status = page.getByRole('status');
  }

  /**
   * Opens the planner with empty browser storage, as on a first visit, and
   * waits for the plan it opens with. `empty` then deletes everything in it.
   */
  async start({ empty = false }: { empty?: boolean } = {}): Promise<void> {
    // Storage is cleared on a page of the same origin before the planner runs, so no autosave is read.
    await this.page.goto('/favicon.svg');
    await this.page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Exchange Port Planner' })).toBeVisible();
    await expect(this.canvasNodes().first()).toBeVisible();
    if (empty) await this.clearPlan();
  }

  /** Every site and node drawn on the canvas. */
  canvasNodes(): Locator {
    return this.canvas.locator('.react-flow__node');
  }

  /** A plan node (server, client, firewall, network, SMTP host) by its name. */
  node(name: string): Locator {
    return this.canvas.getByRole('group', { name: new RegExp(`^${NODE_KINDS} ${escapeRegExp(name)},`) });
  }

  site(name: string): Locator {
    return this.canvas.getByRole('group', { name: new RegExp(`^Site ${escapeRegExp(name)},`) });
  }

  /** The network link between two nodes, whichever way it was drawn. */
  link(a: string, b: string): Locator {
    const [x, y] = [escapeRegExp(a), escapeRegExp(b)];
    return this.canvas.getByRole('group', { name: new RegExp(`^Link (?:${x} – ${y}|${y} – ${x})(?:,|$)`) });
  }

  /** The X.400 connector between two servers, or the Site connector between two sites. */
  connector(a: string, b: string): Locator {
    const [x, y] = [escapeRegExp(a), escapeRegExp(b)];
    return this.canvas.getByRole('group', {
      name: new RegExp(`^(?:X\\.400|Site) connector (?:${x} – ${y}|${y} – ${x})(?:,|$)`),
    });
  }

  paletteButton(item: PaletteItem): Locator {
    return this.page
      .getByRole('navigation', { name: 'Palette' })
      .getByRole('button', { name: item, exact: true });
  }

  /** The name of what the inspector shows (the single selected item). */
  async inspectedName(): Promise<string> {
    return (await this.inspector.getByRole('heading', { level: 3 }).textContent()) ?? '';
  }

  /** Empties the plan the way a person can: focus the canvas, Ctrl+A, Delete. */
  async clearPlan(): Promise<void> {
    // Tab from the last palette item lands on the first focusable element of the canvas.
    await this.paletteButton('Site').focus();
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await expect(this.canvasNodes()).toHaveCount(0);
  }

  async canvasBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('The plan canvas is not on screen.');
    return box;
  }

  /**
   * Drags a palette item onto the canvas (HTML5 drag and drop, which
   * Playwright drives in Chromium) and returns the name of the item added,
   * which the planner selects and the inspector shows.
   */
  async dragFromPalette(item: PaletteItem, at: CanvasPoint): Promise<string> {
    const before = await this.canvasNodes().count();
    const heading = this.inspector.getByRole('heading', { level: 3 });
    const shown = (await heading.count()) > 0 ? await this.inspectedName() : null;
    await this.paletteButton(item).dragTo(this.canvas, { targetPosition: at });
    // A server dropped outside every site on an empty plan brings a new site with it.
    await expect.poll(() => this.canvasNodes().count()).toBeGreaterThan(before);
    // The new item is selected: the inspector shows it (new items get new names).
    await expect(heading).toHaveText(/\S/);
    if (shown !== null) await expect(heading).not.toHaveText(shown);
    return this.inspectedName();
  }

  /** Centre of a canvas element, in page coordinates. */
  async centreOf(locator: Locator): Promise<CanvasPoint> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('The element is not on screen.');
    return centre(box);
  }

  /**
   * Draws a connection with the mouse: from the handle of `from` nearest to
   * the drop point, onto the middle of `to` (or `at`, relative to the top-left
   * corner of `to`). `to` may be any canvas element (a node, a site, or `from`
   * itself).
   */
  async connect(from: Locator, to: Locator, at?: CanvasPoint): Promise<void> {
    await from.hover();
    const toBox = await to.boundingBox();
    if (!toBox) throw new Error('The element to connect to is not on screen.');
    const target = at ? { x: toBox.x + at.x, y: toBox.y + at.y } : centre(toBox);
    const handles = await from.locator('.react-flow__handle').all();
    let start: CanvasPoint | null = null;
    let best = Number.POSITIVE_INFINITY;
    for (const handle of handles) {
      const at = await this.centreOf(handle);
      const distance = Math.hypot(at.x - target.x, at.y - target.y);
      if (distance < best) {
        best = distance;
        start = at;
      }
    }
    if (!start) throw new Error('The node has no handle to draw from.');
    const mouse = this.page.mouse;
    await mouse.move(start.x, start.y);
    await mouse.down();
    await mouse.move(start.x + 6, start.y + 6, { steps: 2 });
    await mouse.move(target.x, target.y, { steps: 12 });
    await mouse.up();
  }

  /** Draws a link between two named nodes and waits for it to appear. */
  async connectNodes(from: string, to: string): Promise<void> {
    await this.connect(this.node(from), this.node(to));
  }

  /** The edge cue of one side of the canvas ("→ 15 more", named "15 more items to the right (in …): show them"). */
  cue(side: Side): Locator {
    return this.canvas.getByRole('button', {
      name: new RegExp(`^\\d+ more items? ${CUE_WHERE[side]}\\b.*: show them$`),
    });
  }

  /** Where a canvas element is once the view has stopped moving (a cue pans with a short animation). */
  private async settledBox(target: Locator): Promise<Box> {
    let last: Box | null = null;
    for (;;) {
      const box = await target.boundingBox();
      if (!box) throw new Error('The element is not on the canvas.');
      if (last && box.x === last.x && box.y === last.y && box.width === last.width) return box;
      last = box;
      await this.page.waitForTimeout(60);
    }
  }

  /**
   * Brings a plan node into view as a person does: while it lies beyond an
   * edge of the canvas, press that edge's cue ("→ 15 more"), which pans the
   * view that way. A node wider than what is left of the view may end up cut
   * by the opposite edge; then it stays as far in as the cues bring it.
   * Returns the part of the node in view, in page coordinates.
   */
  async bringIntoView(target: Locator): Promise<Box> {
    const view = this.canvas.locator('.react-flow').first();
    let pressed: Side | null = null;
    for (let press = 0; press < 12; press++) {
      const viewBox = await view.boundingBox();
      if (!viewBox) throw new Error('The plan canvas is not on screen.');
      const box = await this.settledBox(target);
      const side = sideBeyond(box, viewBox);
      if (!side || (pressed && side === OPPOSITE[pressed])) return intersect(box, viewBox);
      // The view may still move under the cue (a pan under way ends, an edit redraws the cues):
      // a cue gone before it is pressed is looked for again from where the node now is.
      const pressedCue = await this.cue(side)
        .click({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (pressedCue) pressed = side;
    }
    throw new Error('The edge cues did not bring the node into view.');
  }

  /** Clicks a plan node where a person would: brought into view first, then on the part of it in view. */
  async clickNode(name: string, options: { modifiers?: ('Shift' | 'ControlOrMeta')[] } = {}): Promise<void> {
    const node = this.node(name);
    const shown = await this.bringIntoView(node);
    const box = await this.settledBox(node);
    await node.click({
      ...options,
      position: { x: shown.x + shown.width / 2 - box.x, y: shown.y + shown.height / 2 - box.y },
    });
  }

  async selectNode(name: string): Promise<void> {
    await this.clickNode(name);
    await expect(this.inspector.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  }

  async selectSite(name: string): Promise<void> {
    // The header of a site is where a person grabs it; its middle may hold nodes.
    await this.site(name).click({ position: { x: 40, y: 14 } });
    await expect(this.inspector.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  }

  /**
   * The port badges drawn on an edge: the badge group whose middle sits on
   * the middle of the edge's line (badges are rendered in a separate layer).
   */
  async badgesOn(edge: Locator): Promise<string[]> {
    const path = edge.locator('path').first();
    const box = await path.boundingBox();
    if (!box) return [];
    const mid = centre(box);
    for (const group of await this.canvas.getByTitle(/^Ports: /).all()) {
      const groupBox = await group.boundingBox();
      if (!groupBox) continue;
      const c = centre(groupBox);
      if (Math.abs(c.x - mid.x) <= 3 && Math.abs(c.y - mid.y) <= 3) {
        return (await group.locator('span').allTextContents()).map((t) => t.trim());
      }
    }
    return [];
  }

  /** Opens a results tab (Findings, Port matrix or Firewall rules). */
  async openTab(name: 'Findings' | 'Port matrix' | 'Firewall rules'): Promise<void> {
    const tab = this.page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** The Port matrix table as text, header and rows, after opening its tab. */
  async matrixTable(): Promise<TableText> {
    await this.openTab('Port matrix');
    return this.matrix.evaluate((table: HTMLTableElement) => {
      const header = [...(table.tHead?.rows[0]?.cells ?? [])].map((c) => c.textContent ?? '');
      const rows = [...(table.tBodies[0]?.rows ?? [])]
        .map((r) => [...r.cells].map((c) => c.textContent ?? ''))
        // The row that says the table is empty spans every column.
        .filter((cells) => cells.length === header.length);
      return { header, rows };
    });
  }

  async matrixRows(): Promise<string[][]> {
    return (await this.matrixTable()).rows;
  }

  /** The findings' texts, in the order the list shows them. */
  async findingTexts(): Promise<string[]> {
    await this.openTab('Findings');
    return this.findings.getByRole('listitem').allTextContents();
  }

  /** A finding in the Findings list by its code (and optionally more of its text). */
  finding(code: string, text?: string | RegExp): Locator {
    let item = this.findings.getByRole('listitem').filter({ hasText: code });
    if (text) item = item.filter({ hasText: text });
    return item;
  }

  /** Imports a plan file through "Import plan", as a person choosing it in the file chooser. */
  async importFile(path: string): Promise<void> {
    await this.page.getByLabel('Import plan').setInputFiles(path);
  }

  /** Opens an example from the Templates menu and waits until the planner says it opened it. */
  async loadTemplate(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Templates' }).click();
    await this.page
      .getByRole('menu', { name: 'Templates' })
      .getByRole('menuitem', { name: title, exact: true })
      .click();
    await expect(this.status).toContainText(`Opened the example "${title}"`);
  }

  /** Presses a download button and returns the bytes of the file the browser saved, with its name. */
  async download(
    button: 'Download port matrix CSV' | 'Download all flows CSV',
  ): Promise<{ name: string; bytes: Buffer }> {
    await this.openTab('Port matrix');
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  /** Chooses an item of the Export menu and returns the file the browser saved, with its name. */
  async exportFile(item: ExportItem): Promise<{ name: string; bytes: Buffer }> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  /** Saves a screenshot of the whole page under e2e/screenshots/ for a human look. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: fileURLToPath(new URL(`screenshots/${name}.png`, import.meta.url)) });
  }
}

export const test = base.extend<{ planner: PlannerPage }>({
  planner: async ({ page }, use) => {
    await use(new PlannerPage(page));
  },
});

export type { Locator };
export { expect };
