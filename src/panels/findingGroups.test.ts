import { describe, expect, it } from 'vitest';
import type { Finding, FindingCode, Severity } from '../engine/types';
import { countBySeverity, groupFindings } from './findingGroups';

const finding = (severity: Severity, code: FindingCode): Finding => ({
  code,
  severity,
  message: code,
  kb: ['KB 176466'],
  subjects: [],
});

describe('groupFindings', () => {
  it('groups errors, warnings and info in that order and keeps each finding index', () => {
    const findings = [
      finding('info', 'FIREWALL_UNUSED'),
      finding('error', 'NO_NETWORK_PATH'),
      finding('warning', 'DYNAMIC_RPC_PORTS'),
      finding('error', 'RFC1006_PORT_MISMATCH'),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.title, g.items.map((i) => i.index)])).toEqual([
      ['Errors', [1, 3]],
      ['Warnings', [2]],
      ['Info', [0]],
    ]);
    expect(countBySeverity(findings)).toEqual({ error: 2, warning: 1, info: 1 });
  });

  it('leaves out empty groups', () => {
    expect(groupFindings([finding('warning', 'DYNAMIC_RPC_PORTS')]).map((g) => g.severity)).toEqual([
      'warning',
    ]);
    expect(groupFindings([])).toEqual([]);
  });
});
