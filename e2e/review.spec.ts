import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDiff } from './cli';
import { colleague, expect, type StoragePlannerPage, test } from './planStorage';

const MARKUP = '<img src=x onerror=alert(1)>';

/** Writes a note about what is selected (or the plan) with the toolbar's New note, by keyboard. */
async function addNote(planner: StoragePlannerPage, text: string): Promise<void> {
  await planner.page.getByRole('button', { name: 'New note' }).click();
  const field = planner.page.getByRole('form', { name: 'New note' }).getByLabel('Note', { exact: true });
  await expect(field).toBeFocused();
  await field.fill(text);
  await field.press('Control+Enter');
  await expect(field).toHaveValue('');
}

function notesList(planner: StoragePlannerPage) {
  return planner.page.getByRole('list', { name: 'Review notes' });
}

test('a note on a firewall and on the plan: pinned, resolved, undone, kept on reload and in a share link, its markup shown as text', async ({
  planner,
  page,
  browser,
}) => {
  let alerted = false;
  page.on('dialog', (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  await planner.start();
  await planner.selectNode('FW-EDGE');
  await addNote(planner, MARKUP);
  const note = notesList(planner).getByRole('listitem', { name: 'Open note about Firewall FW-EDGE' });
  await expect(note).toContainText(MARKUP);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(planner.node('FW-EDGE')).toHaveAccessibleName(/, 1 open note$/);
  await expect(planner.node('FW-EDGE').locator('.epp-note-pin')).toBeVisible();

  // A note about the plan: nothing selected; shown in the canvas corner.
  await page.keyboard.press('Escape');
  await planner.canvas.click({ position: { x: 5, y: 5 } });
  await addNote(planner, 'Reviewed with the firewall team on Monday.');
  await expect(page.getByRole('button', { name: 'Plan notes: 1 open' })).toBeVisible();
  await planner.screenshot('review-notes-1280');

  // Resolve, undo, resolve again: every change is a plan edit.
  await note.getByRole('button', { name: 'Resolve note about Firewall FW-EDGE' }).click();
  await expect(
    notesList(planner).getByRole('listitem', { name: 'Resolved note about Firewall FW-EDGE' }),
  ).toBeVisible();
  await expect(planner.node('FW-EDGE')).toHaveAccessibleName(/, 1 resolved note$/);
  await planner.undoButton.click();
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Resolve note about Firewall FW-EDGE' }).click();

  // Edit the plan note by keyboard, with a refusal first.
  const planNote = notesList(planner).getByRole('listitem', { name: 'Open note about The plan' });
  await planNote.getByRole('button', { name: 'Edit note about The plan' }).click();
  const edit = planNote.getByLabel('Note text');
  await expect(edit).toBeFocused();
  await edit.fill('   ');
  await edit.press('Control+Enter');
  await expect(planNote.getByRole('alert')).toHaveText('A note needs some text.');
  await edit.fill('Reviewed with the firewall team on Tuesday.');
  await edit.press('Control+Enter');
  await expect(planNote).toContainText('Tuesday');

  // Kept after a reload (autosaved).
  await planner.reopen();
  await planner.page.getByRole('tab', { name: 'Notes' }).click();
  await expect(notesList(planner).getByRole('listitem')).toHaveCount(2);
  await expect(
    notesList(planner).getByRole('listitem', { name: 'Resolved note about Firewall FW-EDGE' }),
  ).toContainText(MARKUP);

  // And in a share link, opened by someone else.
  const url = await planner.copyShareLink();
  const other = await colleague(browser);
  try {
    await other.planner.reopen(url);
    await other.planner.page.getByRole('tab', { name: 'Notes' }).click();
    const theirs = other.planner.page.getByRole('list', { name: 'Review notes' });
    await expect(theirs.getByRole('listitem', { name: 'Open note about The plan' })).toContainText('Tuesday');
    await expect(
      theirs.getByRole('listitem', { name: 'Resolved note about Firewall FW-EDGE' }),
    ).toContainText(MARKUP);
    await expect(other.planner.page.locator('img[src="x"]')).toHaveCount(0);
  } finally {
    await other.context.close();
  }
  expect(alerted).toBe(false);
});

test('mark as reviewed, edit, see the changes on the canvas and in the Changes tab, export the change CSV the command line writes', async ({
  planner,
  page,
}) => {
  await planner.start();
  await planner.planName.fill('Benelux review');
  const before = await planner.exportFile('Export plan');
  await page.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(planner.status).toContainText('Marked as reviewed on');

  // Edits since the review: a server's address, a client gone.
  await planner.selectNode('EXAMS01');
  const address = planner.inspector.getByLabel('Address');
  await address.fill('10.1.0.12');
  await address.press('Enter');
  await planner.selectNode('Partner address book lookups');
  await page.keyboard.press('Delete');
  await expect(planner.node('Partner address book lookups')).toHaveCount(0);
  const after = await planner.exportFile('Export plan');

  // Compare with the baseline, by keyboard through the dialog.
  await page.getByRole('banner').getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare this plan with…' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Changes since review' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(planner.node('EXAMS01')).toHaveAccessibleName(/, changed$/);
  await expect(planner.node('EXAMS01').locator('.epp-change-changed')).toBeVisible();
  await expect(planner.node('FW-EDGE')).toHaveAccessibleName(/, firewall rules changed$/);
  const ghost = planner.canvas.locator('.react-flow__node.epp-ghost');
  await expect(ghost).toHaveCount(1);
  await expect(ghost).toHaveAttribute('aria-label', 'Client Partner address book lookups, removed');
  await expect(page.getByRole('region', { name: 'Change legend' })).toBeVisible();

  const changes = page.getByRole('tabpanel', { name: 'Changes' });
  await expect(changes).toContainText('Changes since the review of');
  await expect(changes.getByRole('table', { name: 'Rule changes on FW-EDGE' })).toContainText(
    'Partner address book lookups',
  );
  await expect(changes.getByRole('table', { name: 'Rule changes on FW-INTERNAL' })).toContainText(
    '10.1.0.12',
  );
  await expect(changes.getByRole('list', { name: 'Changed objects' })).toContainText(
    '− Removed client Partner address book lookups',
  );

  // Choosing a change shows it on the canvas.
  await changes
    .getByRole('list', { name: 'Changed objects' })
    .getByRole('button', { name: /Changed server EXAMS01/ })
    .click();
  await expect(planner.node('FW-EDGE').locator('.epp-node')).toHaveAttribute('data-tone', 'dim');
  await expect(planner.node('EXAMS01').locator('.epp-node')).not.toHaveAttribute('data-tone', 'dim');

  await planner.screenshot('review-compare-1280');
  await page.setViewportSize({ width: 1024, height: 768 });
  await planner.screenshot('review-compare-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The change CSV, byte for byte what the command line writes for the two plan files.
  const dir = tmpdir();
  const oldFile = join(dir, `review-old-${process.pid}.json`);
  const newFile = join(dir, `review-new-${process.pid}.json`);
  await writeFile(oldFile, before.bytes);
  await writeFile(newFile, after.bytes);
  const fromCli = runDiff(oldFile, newFile);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    changes.getByRole('button', { name: 'Export change CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('benelux-review-changes.csv');
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  const cli = await fromCli;
  expect(cli.status).toBe(1);
  expect(bytes.toString('utf8')).toBe(cli.stdout.toString('utf8'));
  expect(bytes.equals(cli.stdout)).toBe(true);

  // Escape leaves compare mode (the first clears the highlight).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(ghost).toHaveCount(0);
  await expect(planner.node('EXAMS01')).not.toHaveAccessibleName(/changed/);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Compare with…' })).toBeVisible();
});

test("a reviewer opens a link with its baseline, sees the changes, writes a note; the author compares the reviewer's link and takes over the note", async ({
  planner,
  page,
  browser,
}) => {
  await planner.start();
  await page.getByRole('button', { name: 'Mark as reviewed' }).click();
  await planner.selectNode('EXAMS01');
  const address = planner.inspector.getByLabel('Address');
  await address.fill('10.1.0.12');
  await address.press('Enter');
  const url = await planner.copyShareLink();
  expect(url).toMatch(/#plan=2\.[A-Za-z0-9_-]+&review=2\.[A-Za-z0-9_-]+$/);
  await page.keyboard.press('Escape');

  const other = await colleague(browser);
  let reviewerLink: string;
  try {
    await other.planner.reopen(url);
    const reviewer = other.planner;
    await expect(reviewer.status).toContainText('showing what changed since its last review');
    await expect(reviewer.node('EXAMS01')).toHaveAccessibleName(/, changed$/);
    await reviewer.page.getByRole('banner').getByRole('button', { name: 'Stop comparing' }).click();
    // Leaving compare mode redraws the nodes; a click during that redraw can land on the old node.
    await expect(reviewer.node('EXAMS01')).not.toHaveAccessibleName(/, changed$/);
    await reviewer.selectNode('EXAMS01');
    await addNote(reviewer, 'Is 10.1.0.12 in the DMZ range?');
    reviewerLink = await reviewer.copyShareLink();
  } finally {
    await other.context.close();
  }

  await page.getByRole('banner').getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare this plan with…' });
  await dialog.getByLabel('Share link to compare with').fill('#plan=2.broken');
  await dialog.getByRole('button', { name: 'Compare with the link' }).click();
  await expect(dialog.getByRole('alert')).toContainText('damaged or incomplete');
  await dialog.getByLabel('Share link to compare with').fill(reviewerLink);
  await dialog.getByRole('button', { name: 'Compare with the link' }).click();
  await expect(dialog).toBeHidden();
  const changes = page.getByRole('tabpanel', { name: 'Changes' });
  await expect(changes.getByRole('list', { name: 'Changed objects' })).toContainText('note');
  await changes.getByRole('button', { name: 'Take over notes' }).click();
  await expect(planner.status).toContainText('Took over the notes of the shared plan');
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(
    page
      .getByRole('list', { name: 'Review notes' })
      .getByRole('listitem', { name: 'Open note about Exchange server EXAMS01' }),
  ).toContainText('Is 10.1.0.12 in the DMZ range?');
  await expect(planner.node('EXAMS01')).toHaveAccessibleName(/1 open note/);
});

test('the inspector adds, edits and resolves a note on the selected firewall, each step undoable', async ({
  planner,
  page,
}) => {
  await planner.start();
  await planner.selectNode('FW-EDGE');
  const notes = planner.inspector.getByRole('region', { name: 'Notes about Firewall FW-EDGE' });
  const form = notes.getByRole('form', { name: 'Add a note about Firewall FW-EDGE' });
  const field = form.getByLabel('New note');

  // An empty note is refused in place.
  await field.focus();
  await field.press('Control+Enter');
  await expect(form.getByRole('alert')).toHaveText('A note needs some text.');

  await field.fill('Is IMAP4 over SSL still used by the mobile users?');
  await field.press('Control+Enter');
  await expect(field).toHaveValue('');
  const note = notes.getByRole('listitem', { name: 'Open note about Firewall FW-EDGE' });
  await expect(note).toContainText('Is IMAP4 over SSL still used');
  await expect(planner.node('FW-EDGE')).toHaveAccessibleName(/, 1 open note$/);

  // Edit by keyboard: Edit focuses the text, Ctrl+Enter saves.
  await note.getByRole('button', { name: 'Edit note about Firewall FW-EDGE' }).click();
  const edit = note.getByLabel('Note text');
  await expect(edit).toBeFocused();
  await edit.fill('IMAP4 over SSL: ask the mobile team before closing 993.');
  await edit.press('Control+Enter');
  await expect(note).toContainText('ask the mobile team');

  await note.getByRole('button', { name: 'Resolve note about Firewall FW-EDGE' }).click();
  const resolved = notes.getByRole('listitem', { name: 'Resolved note about Firewall FW-EDGE' });
  await expect(resolved).toBeVisible();
  await expect(planner.node('FW-EDGE')).toHaveAccessibleName(/, 1 resolved note$/);
  await planner.screenshot('review-inspector-note');

  // The Notes tab holds the same note; Undo steps back through resolve, edit and add.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(
    page
      .getByRole('list', { name: 'Review notes' })
      .getByRole('listitem', { name: 'Resolved note about Firewall FW-EDGE' }),
  ).toContainText('ask the mobile team');
  await planner.undoButton.click();
  await expect(note).toContainText('ask the mobile team');
  await planner.undoButton.click();
  await expect(note).toContainText('Is IMAP4 over SSL still used');
  await planner.undoButton.click();
  await expect(notes.getByRole('listitem')).toHaveCount(0);
  await expect(planner.node('FW-EDGE')).not.toHaveAccessibleName(/note/);
});
