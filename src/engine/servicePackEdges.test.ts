/**
 * The ports in force at the service packs where they change (SPEC §3.1): 4.0 SP3 against SP4 for the
 * MTA's static port and the RFC1006 port (KB 161931), 5.5 SP1 against SP2 for the MTA's bind-back
 * (KB 191594). Each pair differs by one service pack, so a rule off by one fails one side.
 */
import { describe, expect, it } from 'vitest';
import type { ExchangeVersion, Plan } from '../model/types';
import { chain, client, connector, firewall, link, makePlan, server, siteConnector } from '../test/factories';
import { analyzePlan } from './analyze';
import { dynamicRange, ldapPort, rfc1006Port, runsService, staticRpcPort } from './portInForce';

const flowRows = (plan: Plan) =>
  analyzePlan(plan).flows.map(
    (f) => `${f.source}>${f.destination} ${f.service} ${f.ports.from}-${f.ports.to} ${f.dynamic} ${f.status}`,
  );
const codes = (plan: Plan) => analyzePlan(plan).findings.map((f) => `${f.code} ${f.subjects.join(',')}`);

/** Two servers of two sites joined by a Site Connector through a firewall; a client of `s` behind it,
 * with notifications on (its UDP notification flow is no dynamic RPC port: never a warning). */
function siteConnectorPlan(exchange: ExchangeVersion, servicePack: number): Plan {
  return makePlan({
    nodes: [
      client('c', 's', { name: 'Users', sendsMail: false, address: 'any', notifications: true }),
      firewall('fw', { name: 'FW' }),
      server('s', 'A', {
        name: 'EX',
        address: '10.0.0.1',
        exchange,
        servicePack,
        staticPorts: { directory: 6001, store: 6002, mta: 6003 },
      }),
      server('t', 'B', {
        name: 'EXT',
        address: '10.0.0.2',
        exchange,
        servicePack,
        staticPorts: { mta: 6003 },
      }),
    ],
    links: [...chain('c', 'fw', 's'), link('fw', 't')],
    connectors: [siteConnector('A', 'B')],
  });
}

describe('the static MTA port at 4.0 SP3 and SP4 (KB 161931)', () => {
  it('is ignored on SP3: the MTA flows use the dynamic range, broken by FEATURE_NOT_IN_VERSION', () => {
    const plan = siteConnectorPlan('4.0', 3);
    expect(flowRows(plan)).toEqual([
      's>t RPC endpoint mapper 135-135 false ok',
      's>t MTA (RPC) 1024-65535 true error',
      's>c New-mail notification (UDP) 1024-65535 false ok',
      't>s RPC endpoint mapper 135-135 false ok',
      't>s MTA (RPC) 1024-65535 true error',
      'c>s RPC endpoint mapper 135-135 false ok',
      'c>s Directory (RPC) 6001-6001 false ok',
      'c>s Information Store (RPC) 6002-6002 false ok',
    ]);
    expect(codes(plan)).toEqual([
      'FEATURE_NOT_IN_VERSION s',
      'FEATURE_NOT_IN_VERSION t',
      'DYNAMIC_RPC_PORTS fw,s',
      'DYNAMIC_RPC_PORTS fw,t',
    ]);
  });

  it('is in force from SP4: single-port MTA flows through the firewall are ok, not warnings', () => {
    const plan = siteConnectorPlan('4.0', 4);
    expect(flowRows(plan)).toEqual([
      's>t RPC endpoint mapper 135-135 false ok',
      's>t MTA (RPC) 6003-6003 false ok',
      's>c New-mail notification (UDP) 1024-65535 false ok',
      't>s RPC endpoint mapper 135-135 false ok',
      't>s MTA (RPC) 6003-6003 false ok',
      'c>s RPC endpoint mapper 135-135 false ok',
      'c>s Directory (RPC) 6001-6001 false ok',
      'c>s Information Store (RPC) 6002-6002 false ok',
    ]);
    expect(codes(plan)).toEqual([]);
  });

  it('is what staticRpcPort reports, while the directory, store and System Attendant ports hold on SP0', () => {
    const s = (servicePack: number) =>
      server('s', 'A', {
        exchange: '4.0',
        servicePack,
        staticPorts: { directory: 6001, store: 6002, mta: 6003, systemAttendant: 6004 },
      });
    expect([staticRpcPort(s(3), 'mta'), staticRpcPort(s(4), 'mta')]).toEqual([null, 6003]);
    expect(
      (['directory', 'store', 'systemAttendant'] as const).map((rpc) => staticRpcPort(s(0), rpc)),
    ).toEqual([6001, 6002, 6004]);
    expect(staticRpcPort(server('d', 'A'), 'directory')).toBeNull();
  });
});

describe('the RFC1006 port at 4.0 SP3 and SP4 (KB 161931)', () => {
  const x400Plan = (servicePack: number) =>
    makePlan({
      nodes: [
        server('a', 'A', {
          name: 'EXA',
          address: '10.0.0.1',
          exchange: '4.0',
          servicePack,
          rfc1006Port: 2000,
        }),
        firewall('fw', { name: 'FW' }),
        server('b', 'B', {
          name: 'EXB',
          address: '10.0.0.2',
          exchange: '4.0',
          servicePack,
          rfc1006Port: 2000,
        }),
      ],
      links: chain('a', 'fw', 'b'),
      connectors: [connector('x400', 'a', 'b', 'k')],
    });

  it('stays 102 on SP3, and the X.400 flows are broken by FEATURE_NOT_IN_VERSION', () => {
    expect(flowRows(x400Plan(3))).toEqual([
      'a>b X.400 (RFC1006) 102-102 false error',
      'b>a X.400 (RFC1006) 102-102 false error',
    ]);
    expect(codes(x400Plan(3))).toEqual(['FEATURE_NOT_IN_VERSION a', 'FEATURE_NOT_IN_VERSION b']);
  });

  it('moves to the RFC1006 port from SP4 on', () => {
    expect(flowRows(x400Plan(4))).toEqual([
      'a>b X.400 (RFC1006) 2000-2000 false ok',
      'b>a X.400 (RFC1006) 2000-2000 false ok',
    ]);
    expect(codes(x400Plan(4))).toEqual([]);
    expect([rfc1006Port(server('s', 'A', { exchange: '5.0', rfc1006Port: 2000 }))]).toEqual([2000]);
  });
});

describe('the MTA bind-back at 5.5 SP1 and SP2 (KB 191594)', () => {
  it('breaks the Site Connector through a firewall on SP1, for both servers', () => {
    const plan = siteConnectorPlan('5.5', 1);
    expect(flowRows(plan)).toEqual([
      's>t RPC endpoint mapper 135-135 false error',
      's>t MTA (RPC) 6003-6003 false error',
      's>c New-mail notification (UDP) 1024-65535 false ok',
      't>s RPC endpoint mapper 135-135 false error',
      't>s MTA (RPC) 6003-6003 false error',
      'c>s RPC endpoint mapper 135-135 false ok',
      'c>s Directory (RPC) 6001-6001 false ok',
      'c>s Information Store (RPC) 6002-6002 false ok',
    ]);
    expect(codes(plan)).toEqual(['STATIC_MTA_PORT_REPLY s,fw', 'STATIC_MTA_PORT_REPLY t,fw']);
  });

  it('is fixed on SP2', () => {
    const plan = siteConnectorPlan('5.5', 2);
    expect(analyzePlan(plan).flows.map((f) => f.status)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    expect(codes(plan)).toEqual([]);
  });
});

describe('the other ports in force', () => {
  it('LDAP: the LDAP port on 5.5, 389 before', () => {
    expect(ldapPort(server('s', 'A', { ldapPort: 390 }))).toBe(390);
    expect(ldapPort(server('s', 'A', { exchange: '5.0', ldapPort: 390 }))).toBe(389);
  });

  it('DYN: the restricted range when there is one, else 1024-65535', () => {
    expect(dynamicRange(server('s', 'A'))).toEqual({ from: 1024, to: 65535 });
    expect(dynamicRange(server('s', 'A', { rpcPorts: { from: 6000, to: 6020 } }))).toEqual({
      from: 6000,
      to: 6020,
    });
  });

  it('a service runs only when it is turned on and the version has it', () => {
    expect(runsService(server('s', 'A', { exchange: '5.0' }), 'imap4')).toBe(false);
    expect(runsService(server('s', 'A', { exchange: '5.5' }), 'imap4')).toBe(true);
    expect(runsService(server('s', 'A', { services: { imap4: false } }), 'imap4')).toBe(false);
  });
});
