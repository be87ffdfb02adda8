/**
 * Every order the engine gives is by name first, id second (SPEC §3, §5, §6). The plans here give
 * their nodes names that sort the other way round from their ids, so an order taken by id, or by
 * position in the plan, fails.
 */
import { describe, expect, it } from 'vitest';
import { client, firewall, link, makePlan, network, server } from '../test/factories';
import { analyzePlan } from './analyze';
import { allFlowsRows, portMatrixRows } from './matrix';

/**
 * Zulu users (id a, LDAP) and Yankee users (id b, MAPI) reach Alpha (id z) and Beta (id y) through
 * West (id f1) and East (id f2), a redundant pair. Another Alpha (id x) is linked to nothing.
 */
function reversedPlan() {
  return makePlan({
    nodes: [
      client('a', 'z', { name: 'Zulu users', protocol: 'ldap', sendsMail: false }),
      client('b', 'y', { name: 'Yankee users', protocol: 'mapi', sendsMail: false }),
      firewall('f1', { name: 'West' }),
      firewall('f2', { name: 'East' }),
      network('n1', { name: 'Out' }),
      network('n2', { name: 'Lan' }),
      server('y', 'A', { name: 'Beta', staticPorts: { directory: 6001, store: 6002 } }),
      server('z', 'A', { name: 'Alpha' }),
      server('x', 'A', { name: 'Alpha' }),
    ],
    links: [
      link('a', 'n1', 'L9'),
      link('b', 'n1', 'L8'),
      link('n1', 'f1', 'L7'),
      link('n1', 'f2', 'L6'),
      link('f1', 'n2', 'L5'),
      link('f2', 'n2', 'L4'),
      link('n2', 'y', 'L3'),
      link('n2', 'z', 'L2'),
    ],
  });
}

describe('order by name, not by id', () => {
  it('sorts flows by source name, destination name, port and service, equal names by id', () => {
    const flows = analyzePlan(reversedPlan()).flows;
    expect(flows.map((f) => `${f.source}>${f.destination} ${f.ports.from} ${f.service}`)).toEqual([
      'x>z 135 RPC endpoint mapper',
      'z>x 135 RPC endpoint mapper',
      'x>z 1024 Directory (RPC)',
      'z>x 1024 Directory (RPC)',
      'x>z 1024 MTA (RPC)',
      'z>x 1024 MTA (RPC)',
      'x>y 135 RPC endpoint mapper',
      'z>y 135 RPC endpoint mapper',
      'x>y 1024 MTA (RPC)',
      'z>y 1024 MTA (RPC)',
      'x>y 6001 Directory (RPC)',
      'z>y 6001 Directory (RPC)',
      'y>x 135 RPC endpoint mapper',
      'y>z 135 RPC endpoint mapper',
      'y>x 1024 Directory (RPC)',
      'y>z 1024 Directory (RPC)',
      'y>x 1024 MTA (RPC)',
      'y>z 1024 MTA (RPC)',
      'b>y 135 RPC endpoint mapper',
      'b>y 6001 Directory (RPC)',
      'b>y 6002 Information Store (RPC)',
      'a>z 389 LDAP',
    ]);
  });

  it('lists the firewalls a flow crosses by name, its crossings in that order, and its links by id', () => {
    const ldap = analyzePlan(reversedPlan()).flows.find((f) => f.service === 'LDAP');
    expect(ldap?.firewalls).toEqual(['f2', 'f1']);
    expect(ldap?.crossings).toEqual([
      { firewall: 'f2', ingress: 'n1', egress: 'n2' },
      { firewall: 'f1', ingress: 'n1', egress: 'n2' },
    ]);
    expect(ldap?.links).toEqual(['L2', 'L4', 'L5', 'L6', 'L7', 'L9']);
  });

  it('sorts findings by the names of their subjects, and names each finding subject in name order', () => {
    const findings = analyzePlan(reversedPlan()).findings;
    expect(findings.map((f) => `${f.code} ${f.subjects.join(',')}`)).toEqual([
      'NO_NETWORK_PATH x,z',
      'NO_NETWORK_PATH x,y',
      'ADDRESS_MISSING z,f2,f1',
      'ADDRESS_MISSING y,f2,f1',
      'ADDRESS_MISSING b,f2,f1',
      'ADDRESS_MISSING a,f2,f1',
      'MAPI_NOTIFICATIONS_UDP b,y,f2,f1',
    ]);
    expect(findings.find((f) => f.code === 'MAPI_NOTIFICATIONS_UDP')?.message).toBe(
      'Yankee users reaches Beta through East and West: new-mail notifications are UDP packets from Beta to Yankee users, from a port above 1024 to a port above 1024, that cannot be configured (KB 264035). If the firewall blocks them, Yankee users still works but learns of new mail only when it polls; to let them through, turn on new-mail notifications for Yankee users.',
    );
    expect(findings[2]?.message).toBe(
      'Alpha has no address, but its flows cross East and West: the firewall rules cannot name it. Give Alpha its IPv4 or IPv6 address, its network as a CIDR block, or "any".',
    );
  });

  it('orders findings with the same names by message, then by subject ids', () => {
    const plan = makePlan({
      nodes: [
        server('q', 'B', { name: 'EX', exchange: '4.0', ldapPort: 390 }),
        server('p', 'A', { name: 'EX', exchange: '4.0', ldapPort: 390, rfc1006Port: 2000 }),
      ],
    });
    expect(
      analyzePlan(plan).findings.map((f) => `${f.code} ${f.subjects.join(',')} ${f.message.slice(0, 20)}`),
    ).toEqual([
      'FEATURE_NOT_IN_VERSION p EX has LDAP port 390',
      'FEATURE_NOT_IN_VERSION q EX has LDAP port 390',
      'FEATURE_NOT_IN_VERSION p EX has RFC1006 port ',
    ]);
  });

  it('sorts the port matrix by firewall name, and joins the names in the all-flows export by name', () => {
    const plan = reversedPlan();
    const analysis = analyzePlan(plan);
    expect(
      portMatrixRows(plan, analysis).map((r) => `${r.firewall}|${r.firewallId}|${r.source}|${r.port}`),
    ).toEqual([
      'East|f2|Yankee users|135',
      'East|f2|Yankee users|6001',
      'East|f2|Yankee users|6002',
      'East|f2|Zulu users|389',
      'West|f1|Yankee users|135',
      'West|f1|Yankee users|6001',
      'West|f1|Yankee users|6002',
      'West|f1|Zulu users|389',
    ]);
    expect(
      allFlowsRows(plan, analysis)
        .map((r) => r.firewall)
        .slice(-4),
    ).toEqual(['East; West', 'East; West', 'East; West', 'East; West']);
  });
});
