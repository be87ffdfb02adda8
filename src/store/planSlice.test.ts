import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyPlan } from '../model/defaults';
import { firewall, makePlan } from '../test/factories';
import { usePlanner } from './store';

const stored = makePlan({ name: 'Stored', nodes: [firewall('fw1')] });

beforeEach(() => {
  usePlanner.getState().setPlan(createEmptyPlan());
  usePlanner.temporal.getState().clear();
});

describe('opened view', () => {
  it('is taken once, by the plan it was opened with', () => {
    usePlanner.getState().openPlan(stored, { x: 3, y: 4, zoom: 0.9 });
    expect(usePlanner.getState().plan).toBe(stored);
    expect(usePlanner.getState().takeOpenedView({ ...stored })).toBeUndefined();
    expect(usePlanner.getState().takeOpenedView(stored)).toEqual({ x: 3, y: 4, zoom: 0.9 });
    expect(usePlanner.getState().takeOpenedView(stored)).toBeUndefined();
  });

  it('goes when another plan replaces the opened one before the canvas took it', () => {
    usePlanner.getState().openPlan(stored, 'fit');
    usePlanner.getState().setPlan(makePlan({ name: 'Imported' }));
    expect(usePlanner.getState().openedView).toBeNull();
    expect(usePlanner.getState().takeOpenedView(stored)).toBeUndefined();
  });

  it('is not given again when Undo returns to the opened plan', () => {
    usePlanner.getState().openPlan(stored, { x: 1, y: 1, zoom: 1 });
    expect(usePlanner.getState().takeOpenedView(stored)).toEqual({ x: 1, y: 1, zoom: 1 });
    usePlanner.getState().updateNode('fw1', { name: 'Renamed' });
    usePlanner.temporal.getState().undo();
    expect(usePlanner.getState().plan).toBe(stored);
    expect(usePlanner.getState().takeOpenedView(stored)).toBeUndefined();
  });
});
