import { describe, expect, it } from 'vitest';
import { chain, client, firewall, link, makePlan, network, server, site } from '../test/factories';
import { analyzePlan } from './analyze';
import { allFlowsRows, formatPorts, portMatrixRows } from './matrix';

describe('formatPorts', () => {
  it('writes a single port as a number and a range with a hyphen', () => {
    expect(formatPorts({ from: 135, to: 135 })).toBe('135');
    expect(formatPorts({ from: 1024, to: 65535 })).toBe('1024-65535');
  });
});

/**
 * Users (LDAP) and Mail users (MAPI) reach EX1 through both firewalls "beta"
 * and "Alpha"; EX2 in another site reaches EX1 through "beta" only.
 */
function plan() {
  return makePlan({
    sites: [site('ams', { name: 'Amsterdam' }), site('utr', { name: 'Utrecht' })],
    nodes: [
      client('c', 'ex1', { name: 'Users', protocol: 'ldap' }),
      client('m', 'ex1', { name: 'Mail users', protocol: 'mapi' }),
      firewall('fb', { name: 'beta' }),
      firewall('fa', { name: 'Alpha' }),
      network('out'),
      network('lan'),
      server('ex1', 'ams', { name: 'EX1' }),
      server('ex2', 'ams', { name: 'EX2', staticPorts: { directory: 6001, mta: 6003 } }),
    ],
    links: [
      link('c', 'out'),
      link('m', 'out'),
      ...chain('out', 'fa', 'fb', 'lan', 'ex1'),
      ...chain('ex2', 'fb'),
    ],
  });
}

describe('portMatrixRows (SPEC §6)', () => {
  it('has one row per firewall and crossing flow, sorted by firewall name by code point, then as the flows', () => {
    const p = plan();
    const analysis = analyzePlan(p);
    const rows = portMatrixRows(p, analysis);
    expect(rows.map((r) => `${r.firewall}|${r.source}|${r.destination}|${r.port}|${r.service}`)).toEqual([
      'Alpha|Mail users|EX1|135|RPC endpoint mapper',
      'Alpha|Mail users|EX1|1024-65535|Directory (RPC)',
      'Alpha|Mail users|EX1|1024-65535|Information Store (RPC)',
      'Alpha|Users|EX1|389|LDAP',
      'beta|EX1|EX2|135|RPC endpoint mapper',
      'beta|EX1|EX2|6001|Directory (RPC)',
      'beta|EX1|EX2|6003|MTA (RPC)',
      'beta|EX2|EX1|135|RPC endpoint mapper',
      'beta|EX2|EX1|1024-65535|Directory (RPC)',
      'beta|EX2|EX1|1024-65535|MTA (RPC)',
      'beta|Mail users|EX1|135|RPC endpoint mapper',
      'beta|Mail users|EX1|1024-65535|Directory (RPC)',
      'beta|Mail users|EX1|1024-65535|Information Store (RPC)',
      'beta|Users|EX1|389|LDAP',
    ]);
    for (const r of rows) {
      expect(analysis.flows[r.flowIndex]?.firewalls).toContain(r.firewallId);
      expect(r.protocol).toBe('TCP');
    }
  });

  it('gives site names of server endpoints and an empty cell for other endpoints', () => {
    const p = plan();
    const rows = portMatrixRows(p, analyzePlan(p));
    const ldap = rows.find((r) => r.service === 'LDAP');
    expect([ldap?.sourceSite, ldap?.destinationSite]).toEqual(['', 'Amsterdam']);
    const intrasite = rows.find((r) => r.source === 'EX1');
    expect([intrasite?.sourceSite, intrasite?.destinationSite]).toEqual(['Amsterdam', 'Amsterdam']);
    expect(ldap?.reason).toBe(
      'Users reads the directory of EX1 over LDAP (KB 176466, scenario 3: LDAP clients).',
    );
  });
});

describe('allFlowsRows (SPEC §6)', () => {
  it('has one row per flow, in flow order, with every firewall it crosses sorted and joined by "; "', () => {
    const p = plan();
    const analysis = analyzePlan(p);
    const rows = allFlowsRows(p, analysis);
    expect(rows).toHaveLength(analysis.flows.length);
    expect(rows.map((r) => r.flowIndex)).toEqual(analysis.flows.map((_, i) => i));
    expect(rows.every((r) => r.firewallId === null)).toBe(true);
    expect(rows.map((r) => `${r.firewall}|${r.source}|${r.destination}|${r.port}`)).toEqual([
      'beta|EX1|EX2|135',
      'beta|EX1|EX2|6001',
      'beta|EX1|EX2|6003',
      'beta|EX2|EX1|135',
      'beta|EX2|EX1|1024-65535',
      'beta|EX2|EX1|1024-65535',
      'Alpha; beta|Mail users|EX1|135',
      'Alpha; beta|Mail users|EX1|1024-65535',
      'Alpha; beta|Mail users|EX1|1024-65535',
      'Alpha; beta|Users|EX1|389',
    ]);
  });

  it('leaves Firewall empty for a flow that crosses none', () => {
    const p = makePlan({
      nodes: [client('c', 's', { protocol: 'pop3', sendsMail: false }), server('s', 'A')],
      links: [link('c', 's')],
    });
    const [row] = allFlowsRows(p, analyzePlan(p));
    expect(row).toMatchObject({
      firewall: '',
      source: 'c',
      sourceSite: '',
      destination: 's',
      destinationSite: 'A',
    });
    expect(row?.port).toBe('110');
  });
});
