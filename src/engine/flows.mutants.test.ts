/**
 * planFlows before routing (SPEC §3.2): the exact flows it makes, the ports it
 * shares between them, and the rows whose port the destination must supply.
 */
import { describe, expect, it } from 'vitest';
import { client, makePlan, server } from '../test/factories';
import { planFlows } from './flows';
import { formatPorts } from './matrix';
import { indexPlan } from './planIndex';
import type { PortTableRow } from './portTable';

describe('planFlows', () => {
  it('gives whole flows, not yet routed, each with its relationship and reason', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'Mail' }),
        client('c1', 's', { name: 'Desk', protocol: 'pop3', sendsMail: false }),
        client('c2', 's', { name: 'Laptop', protocol: 'admin' }),
      ],
    });
    const pop3 = { kind: 'client', client: 'c1', server: 's', protocol: 'pop3', auth: 'basic' };
    const admin = { kind: 'client', client: 'c2', server: 's', protocol: 'admin', auth: 'basic' };
    const flows = planFlows(indexPlan(plan));
    expect(flows.slice(0, 2)).toEqual([
      {
        id: 'c1|s|TCP|110-110|POP3',
        source: 'c1',
        destination: 's',
        protocol: 'TCP',
        ports: { from: 110, to: 110 },
        service: 'POP3',
        dynamic: false,
        reason: 'Desk retrieves mail from Mail over POP3 (KB 176466, scenario 1: POP3 clients).',
        relationship: pop3,
        firewalls: [],
        crossings: [],
        links: [],
        routed: false,
        status: 'ok',
      },
      {
        id: 'c2|s|TCP|135-135|RPC endpoint mapper',
        source: 'c2',
        destination: 's',
        protocol: 'TCP',
        ports: { from: 135, to: 135 },
        service: 'RPC endpoint mapper',
        rpc: 'endpointMapper',
        dynamic: false,
        reason:
          'The Administrator program on Laptop asks the RPC endpoint mapper on Mail for the directory, information store and System Attendant ports (KB 240859, KB 148732: the Administrator program across a firewall).',
        relationship: admin,
        firewalls: [],
        crossings: [],
        links: [],
        routed: false,
        status: 'ok',
      },
    ]);
  });

  it('a static port equal to the start of the dynamic range keeps the two apart', () => {
    const plan = makePlan({
      nodes: [server('s', 'A', { staticPorts: { directory: 1024 } }), client('c', 's', { protocol: 'mapi' })],
    });
    expect(
      planFlows(indexPlan(plan)).map((f) => `${formatPorts(f.ports)} ${f.service} ${f.dynamic}`),
    ).toEqual([
      '135 RPC endpoint mapper false',
      '1024 Directory (RPC) false',
      '1024-65535 Information Store (RPC) true',
    ]);
  });

  it('a row whose port the destination server supplies gives no flow towards a node that is no server', () => {
    const table: PortTableRow[] = [
      {
        id: 'replies',
        pattern: { kind: 'client', protocol: 'mapi', auths: ['basic'] },
        flows: [
          {
            from: 'b',
            to: 'a',
            protocol: 'TCP',
            port: { kind: 'rpc', of: 'store' },
            service: 'RPC',
            sentence: 'x',
          },
          { from: 'b', to: 'a', protocol: 'TCP', port: { kind: 'ldap' }, service: 'LDAP', sentence: 'x' },
          { from: 'b', to: 'a', protocol: 'TCP', port: { kind: 'rfc1006' }, service: 'X.400', sentence: 'x' },
          { from: 'a', to: 'b', protocol: 'TCP', port: { kind: 'ldap' }, service: 'LDAP', sentence: 'x' },
        ],
        citation: 'test',
        kb: [],
      },
    ];
    const plan = makePlan({ nodes: [server('s', 'A', { ldapPort: 390 }), client('c', 's')] });
    expect(planFlows(indexPlan(plan), table).map((f) => f.id)).toEqual(['c|s|TCP|390-390|LDAP']);
  });
});
