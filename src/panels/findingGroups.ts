import type { Finding, Severity } from '../engine/types';

export interface FindingGroup {
  severity: Severity;
  title: string;
  /** Each finding with its index in `Analysis.findings` (the highlight refers to it). */
  items: { finding: Finding; index: number }[];
}

const TITLES: Readonly<Record<Severity, string>> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Findings by severity, errors first, keeping the engine's order inside each group; empty groups are left out. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return ORDER.map((severity) => ({
    severity,
    title: TITLES[severity],
    items: findings.flatMap((finding, index) => (finding.severity === severity ? [{ finding, index }] : [])),
  })).filter((group) => group.items.length > 0);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
