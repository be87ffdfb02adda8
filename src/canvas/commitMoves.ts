import type { Plan } from '../model/types';
import type { NodeMove } from '../store/planEdits';
import { usePlanner } from '../store/store';

/**
 * What a person should be told about a move: a server that changed site
 * (its flows change with it), or one that was kept in its site because it
 * was dropped outside every site.
 */
export function moveNotice(before: Plan, after: Plan, moves: readonly NodeMove[]): string | null {
  const siteName = (id: string) => after.sites.find((s) => s.id === id)?.name ?? id;
  const messages: string[] = [];
  for (const move of moves) {
    const old = before.nodes.find((n) => n.id === move.id);
    const now = after.nodes.find((n) => n.id === move.id);
    if (old?.type !== 'server' || now?.type !== 'server') continue;
    if (now.site !== old.site) {
      messages.push(`${now.name} now belongs to site ${siteName(now.site)}.`);
    } else if (now.position && (now.position.x !== move.position.x || now.position.y !== move.position.y)) {
      messages.push(
        `${now.name} stays in site ${siteName(now.site)}: an Exchange server always belongs to one site. Drop it inside another site to move it there.`,
      );
    }
  }
  if (messages.length === 0) return null;
  return messages.length === 1 ? (messages[0] ?? null) : `${messages[0]} (and ${messages.length - 1} more)`;
}

/** Commits moved positions to the plan as one undo step, saying so when a server changed or kept its site. */
export function commitMoves(moves: readonly NodeMove[]): void {
  if (moves.length === 0) return;
  const store = usePlanner.getState();
  const before = store.plan;
  store.moveNodes(moves);
  const text = moveNotice(before, usePlanner.getState().plan, moves);
  if (text) store.notify({ kind: 'info', text });
}
