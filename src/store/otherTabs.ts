/**
 * One plan open in two tabs of the same browser. Both autosave to the same
 * entry, so without this the tab that saves last would silently replace what
 * the other saved. Every tab hears about the other's writes (the `storage`
 * event: the browser tells each other tab of the origin what changed), and a
 * write to the plan open here stops this tab from saving over it until the
 * person chooses: open that version here, or keep this tab's plan as a copy
 * in the list. Either way both versions were seen, and neither is lost
 * without a choice.
 */
import { encodePlan, INDEX_KEY, nameInPlanText, planKey } from '../io/planLibraryEntries';
import { UNTITLED_PLAN_NAME } from '../model/defaults';
import { PLAN_LIMITS } from '../model/types';
import { refreshPlanList } from './libraryReport';
import { openNewPlan, openStoredPlan, type PersistenceContext } from './planOpening';

/** The name this tab's version gets when it is kept beside the other tab's. */
export function keptCopyName(name: string): string {
  const suffix = ' (this tab)';
  return `${(name || UNTITLED_PLAN_NAME).slice(0, PLAN_LIMITS.nameLength - suffix.length)}${suffix}`;
}

export interface OtherTabs {
  /** Another tab changed `key` to `newValue` (null: removed; a null key: it cleared all storage). */
  storageChanged(key: string | null, newValue: string | null): void;
  /** Opens the version the other tab saved, leaving this tab's unsaved version behind. */
  openTheirs(): void;
  /** Stores this tab's version as a new plan of the list and opens it; the other tab's stays as it is. */
  keepMineAsCopy(): void;
}

export function createOtherTabs(context: PersistenceContext): OtherTabs {
  const { store } = context;
  return {
    storageChanged(key, newValue) {
      if (key === INDEX_KEY || key === null) refreshPlanList(context);
      const id = store.getState().openPlanId;
      if (id === null || (key !== null && key !== planKey(id))) return;
      // The same document as this tab's needs no choice (both tabs made the same change, or only one saved).
      if (key !== null && newValue !== null && newValue === encodePlan(store.getState().plan)) {
        if (store.getState().otherTabChange?.id === id) store.setState({ otherTabChange: null });
        return;
      }
      const deleted = newValue === null;
      store.setState({ otherTabChange: { id, name: deleted ? '' : nameInPlanText(newValue), deleted } });
    },
    openTheirs() {
      const change = store.getState().otherTabChange;
      if (!change || change.deleted) return;
      // Opened while the change is still marked, so that nothing pending here is written over it first.
      if (openStoredPlan(context, change.id)) store.setState({ otherTabChange: null });
    },
    keepMineAsCopy() {
      const change = store.getState().otherTabChange;
      if (!change) return;
      const plan = store.getState().plan;
      openNewPlan(context, { ...plan, name: keptCopyName(plan.name) });
      store.setState({ otherTabChange: null });
    },
  };
}
