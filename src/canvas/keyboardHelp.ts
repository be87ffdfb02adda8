/**
 * The planner's keys, written once: the shortcuts dialog (`?`) lists them all,
 * and the palette's How to box repeats the selection keys people miss.
 * `keys` are the keys pressed together; alternatives are separate entries.
 */
export interface KeyHelp {
  keys: readonly (readonly string[])[];
  does: string;
}

export interface KeyHelpGroup {
  title: string;
  items: readonly KeyHelp[];
}

/** The selection keys of the canvas (React Flow's keyboard model with our multi-select keys). */
export const SELECTION_KEYS: readonly KeyHelp[] = [
  { keys: [['Tab']], does: 'Move to the next link or node on the canvas (Shift+Tab: back).' },
  { keys: [['Enter'], ['Space']], does: 'Select the link or node that has the focus.' },
  {
    keys: [
      ['Shift', 'Enter'],
      ['Ctrl', 'Enter'],
    ],
    does: 'Add it to the selection, or take it out again.',
  },
  { keys: [['Shift', 'Click']], does: 'Add an item to the selection with the mouse.' },
  { keys: [['Ctrl', 'A']], does: 'Select every site and node (on the canvas).' },
  { keys: [['Escape']], does: 'Clear the selection and the highlight; with neither, leave compare mode.' },
];

export const KEY_HELP: readonly KeyHelpGroup[] = [
  {
    title: 'Moving around',
    items: [
      {
        keys: [['Tab']],
        does: 'The first stop is “Skip to diagram”: it takes you past the toolbar and the links to the first node.',
      },
      { keys: [['?']], does: 'Show these keys.' },
    ],
  },
  { title: 'Selecting on the canvas', items: SELECTION_KEYS },
  {
    title: 'Changing the plan',
    items: [
      { keys: [['Enter'], ['Space']], does: 'On a palette item: add it to the plan in view.' },
      {
        keys: [['←'], ['↑'], ['→'], ['↓']],
        does: 'Move the selected nodes (with Shift: four times as far).',
      },
      { keys: [['Delete'], ['Backspace']], does: 'Delete the selection.' },
      { keys: [['Ctrl', 'Z']], does: 'Undo.' },
      {
        keys: [
          ['Ctrl', 'Shift', 'Z'],
          ['Ctrl', 'Y'],
        ],
        does: 'Redo.',
      },
    ],
  },
  {
    title: 'Results',
    items: [
      {
        keys: [['←'], ['→']],
        does: 'On the results tabs: the previous or next tab (Home, End: first, last).',
      },
      {
        keys: [['Enter']],
        does: 'On a finding: select what fixes it and put the keyboard in the field that does.',
      },
      {
        keys: [['↑'], ['↓']],
        does: 'In the port matrix: the previous or next row (Enter highlights its path).',
      },
    ],
  },
];
