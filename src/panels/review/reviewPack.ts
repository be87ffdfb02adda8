/**
 * What a review pack says (the printed design-review document of SPEC §10's
 * workflow): a title block, the findings, the changes since the baseline, the
 * open notes and the port matrix per firewall. Pure: the document component
 * only lays this out, and the tests read it without a browser.
 */

import type { ChangedFinding, ObjectChange, PlanComparison } from '../../compare/types';
import { compareStrings } from '../../engine/compare';
import { portMatrixRows } from '../../engine/matrix';
import type { Analysis, Finding, MatrixRow } from '../../engine/types';
import { UNTITLED_PLAN_NAME } from '../../model/defaults';
import type { Plan } from '../../model/types';
import { objectLabels, PLAN_SUBJECT } from './objectLabels';

/** One firewall's rows: its port matrix, or its rules to remove and add. */
export interface FirewallRows {
  firewall: { id: string; name: string };
  rows: MatrixRow[];
}

export interface PackChanges {
  /** How the older side is named: "the review of 3 May 2025, 14:02". */
  since: string;
  removed: FirewallRows[];
  added: FirewallRows[];
  findingsAppeared: Finding[];
  findingsWentAway: Finding[];
  objects: { change: ObjectChange['change']; kind: string; name: string; fields: string[] }[];
}

export interface ReviewPackContent {
  title: string;
  /** When it was printed, as people read it. */
  printed: string;
  /** What the changes are measured from; null when the plan has no baseline. */
  baseline: string | null;
  counts: { sites: number; nodes: number; firewalls: number; matrixRows: number };
  findings: Finding[];
  /** Null when there is nothing to compare with. */
  changes: PackChanges | null;
  openNotes: { about: string; text: string }[];
  matrix: FirewallRows[];
}

export interface ReviewPackInput {
  plan: Plan;
  analysis: Analysis;
  /** The comparison with the baseline (older) and what the baseline is called; null without one. */
  review: { comparison: PlanComparison; since: string } | null;
  /** When printed, already written for people. */
  printed: string;
}

function byFirewall(rows: readonly MatrixRow[]): FirewallRows[] {
  const groups = new Map<string, FirewallRows>();
  for (const row of rows) {
    const id = row.firewallId ?? '';
    let group = groups.get(id);
    if (!group) {
      group = { firewall: { id, name: row.firewall }, rows: [] };
      groups.set(id, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()].sort(
    (a, b) =>
      compareStrings(a.firewall.name, b.firewall.name) || compareStrings(a.firewall.id, b.firewall.id),
  );
}

/** A field's value as the pack prints it. */
export function fieldValueText(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldsText(change: ObjectChange): string[] {
  if (change.change !== 'changed') return [];
  return change.fields.map((f) => `${f.field}: ${fieldValueText(f.old)} → ${fieldValueText(f.new)}`);
}

const findingOf = (changes: readonly ChangedFinding[]) => changes.map((c) => c.finding);

/** The content of the review pack of a plan. */
export function reviewPackContent({ plan, analysis, review, printed }: ReviewPackInput): ReviewPackContent {
  const rows = portMatrixRows(plan, analysis);
  const labels = objectLabels(plan);
  const openNotes = plan.notes
    .filter((n) => !n.resolved)
    .map((n) => ({ about: n.about === null ? PLAN_SUBJECT : (labels.get(n.about) ?? n.about), text: n.text }))
    .sort((a, b) => {
      // Notes about the plan first, then by what they are about; the plan's order within one subject.
      const plan = Number(b.about === PLAN_SUBJECT) - Number(a.about === PLAN_SUBJECT);
      return plan || compareStrings(a.about, b.about);
    });
  let changes: PackChanges | null = null;
  if (review) {
    const { comparison } = review;
    changes = {
      since: review.since,
      removed: byFirewall(comparison.rows.removed.map((r) => r.row)),
      added: byFirewall(comparison.rows.added.map((r) => r.row)),
      findingsAppeared: findingOf(comparison.findings.appeared),
      findingsWentAway: findingOf(comparison.findings.wentAway),
      objects: comparison.objects.map((o) => ({
        change: o.change,
        kind: o.kind,
        name: o.name || o.id,
        fields: fieldsText(o),
      })),
    };
  }
  return {
    title: plan.name || UNTITLED_PLAN_NAME,
    printed,
    baseline: review ? review.since : null,
    counts: {
      sites: plan.sites.length,
      nodes: plan.nodes.length,
      firewalls: plan.nodes.filter((n) => n.type === 'firewall').length,
      matrixRows: rows.length,
    },
    findings: analysis.findings,
    changes,
    openNotes,
    matrix: byFirewall(rows),
  };
}
