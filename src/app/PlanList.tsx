import { useState } from 'react';
import { isolate } from '../io/bidi';
import type { RemovedPlan } from '../io/planLibrary';
import { UNTITLED_PLAN_NAME } from '../model/defaults';
import { PlanListMenu } from '../panels/toolbar/PlanListMenu';
import { plannerPersistence } from '../store/persistence';
import { usePlanner } from '../store/store';

/** The Plans menu over the plans kept in this browser. */
export function PlanList() {
  const plans = usePlanner((s) => s.storedPlans);
  const currentId = usePlanner((s) => s.openPlanId);
  const currentName = usePlanner((s) => s.plan.name);
  const [deleted, setDeleted] = useState<RemovedPlan | null>(null);
  const storage = plannerPersistence();
  const notify = usePlanner((s) => s.notify);

  return (
    <PlanListMenu
      plans={plans}
      currentId={currentId}
      currentName={currentName}
      onOpen={(id) => {
        setDeleted(null);
        storage.open(id);
      }}
      onNew={() => {
        setDeleted(null);
        storage.newPlan();
      }}
      onRename={(id, name) => storage.rename(id, name)}
      onDuplicate={(id) => {
        const copy = storage.duplicate(id);
        if (copy.ok) notify({ kind: 'info', text: 'Duplicated the plan: the copy is at the top of Plans.' });
      }}
      onDelete={(id) => {
        const removed = storage.remove(id);
        if (!removed) return;
        setDeleted(removed);
        const name = removed.entry.name || UNTITLED_PLAN_NAME;
        notify({
          kind: 'info',
          text: `Deleted the plan "${isolate(name)}". Undo delete in Plans brings it back.`,
        });
      }}
      deleted={deleted ? { name: deleted.entry.name } : null}
      onUndoDelete={() => {
        if (!deleted) return;
        storage.restore(deleted);
        setDeleted(null);
        const name = deleted.entry.name || UNTITLED_PLAN_NAME;
        notify({ kind: 'info', text: `Brought back the plan "${isolate(name)}".` });
      }}
    />
  );
}
