/**
 * Findings that follow from the routes (SPEC §5): which flows and firewalls each one is about,
 * with the exact findings, where a looser check would fire too often or name too little.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import { chain, client, firewall, link, makePlan, network, server, siteConnector } from '../test/factories';
import { analyzePlan } from './analyze';
import type { FindingCode } from './types';

const found = (plan: Plan, code: FindingCode) =>
  analyzePlan(plan)
    .findings.filter((f) => f.code === code)
    .map((f) => ({ message: f.message, subjects: f.subjects }));

describe('ADDRESS_MISSING', () => {
  it('names every firewall the endpoint’s flows cross, gathered over flows of different routes', () => {
    const plan = makePlan({
      nodes: [
        client('c1', 's', { name: 'Client 1', protocol: 'pop3', sendsMail: false, address: '10.0.1.1' }),
        client('c2', 's', { name: 'Client 2', protocol: 'pop3', sendsMail: false, address: '10.0.2.1' }),
        firewall('f1', { name: 'North' }),
        firewall('f2', { name: 'East' }),
        network('n'),
        server('s', 'A', { name: 'EX' }),
      ],
      links: [...chain('c1', 'f1', 'n', 's'), ...chain('c2', 'f2', 'n')],
    });
    expect(found(plan, 'ADDRESS_MISSING')).toEqual([
      {
        message:
          'EX has no address, but its flows cross East and North: the firewall rules cannot name it. Give EX its IPv4 or IPv6 address, its network as a CIDR block, or "any".',
        subjects: ['s', 'f2', 'f1'],
      },
    ]);
  });
});

describe('RPC_THROUGH_NAT', () => {
  it('fires for the firewall with nat only, once per pair of endpoints', () => {
    // Client 1 and Client 2 cross NAT; Client 3 crosses the plain firewall Inner.
    const plan = makePlan({
      nodes: [
        client('c1', 's', { name: 'Client 1' }),
        client('c2', 's', { name: 'Client 2' }),
        client('c3', 's', { name: 'Client 3' }),
        firewall('nat', { name: 'NAT', nat: true }),
        firewall('inner', { name: 'Inner' }),
        network('n'),
        server('s', 'A', { name: 'EX' }),
      ],
      links: [...chain('c1', 'nat', 'n', 's'), link('c2', 'nat'), ...chain('c3', 'inner', 'n')],
    });
    expect(found(plan, 'RPC_THROUGH_NAT')).toEqual([
      {
        message:
          "RPC between Client 1 and EX crosses NAT, which translates addresses: address translation breaks RPC, because the endpoint mapper's answers carry addresses and ports the translation does not follow (KB 238954, KB 154596). Let this traffic pass NAT without address translation, or place Client 1 and EX on the same side of it.",
        subjects: ['c1', 's', 'nat'],
      },
      {
        message:
          "RPC between Client 2 and EX crosses NAT, which translates addresses: address translation breaks RPC, because the endpoint mapper's answers carry addresses and ports the translation does not follow (KB 238954, KB 154596). Let this traffic pass NAT without address translation, or place Client 2 and EX on the same side of it.",
        subjects: ['c2', 's', 'nat'],
      },
    ]);
  });
});

describe('STATIC_MTA_PORT_REPLY', () => {
  it('is about site connector flows only, not servers of one site', () => {
    const plan = makePlan({
      nodes: [
        server('a', 'A', { name: 'EX1', staticPorts: { mta: 6003 } }),
        firewall('fw'),
        server('b', 'A', { name: 'EX2' }),
      ],
      links: chain('a', 'fw', 'b'),
    });
    expect(found(plan, 'STATIC_MTA_PORT_REPLY')).toEqual([]);
    const across = makePlan({
      nodes: [
        server('a', 'A', { name: 'EX1', staticPorts: { mta: 6003 } }),
        firewall('fw'),
        server('b', 'B', { name: 'EX2' }),
      ],
      links: chain('a', 'fw', 'b'),
      connectors: [siteConnector('A', 'B')],
    });
    expect(found(across, 'STATIC_MTA_PORT_REPLY').map((f) => f.subjects)).toEqual([['a', 'fw']]);
  });
});

describe('MAPI_NOTIFICATIONS_UDP', () => {
  const plan = (protocol: 'mapi' | 'pop3', notifications: boolean) =>
    makePlan({
      nodes: [
        client('c', 's', { name: 'Desk', protocol, notifications, sendsMail: false }),
        firewall('fw', { name: 'FW' }),
        server('s', 'A', { name: 'EX' }),
      ],
      links: chain('c', 'fw', 's'),
    });

  it('fires for a mapi client without notifications whose flows cross a firewall', () => {
    expect(found(plan('mapi', false), 'MAPI_NOTIFICATIONS_UDP')).toEqual([
      {
        message:
          'Desk reaches EX through FW: new-mail notifications are UDP packets from EX to Desk, from a port above 1024 to a port above 1024, that cannot be configured (KB 264035). If the firewall blocks them, Desk still works but learns of new mail only when it polls; to let them through, turn on new-mail notifications for Desk.',
        subjects: ['c', 's', 'fw'],
      },
    ]);
  });

  it('is quiet for a mapi client with notifications and for a pop3 client', () => {
    expect(found(plan('mapi', true), 'MAPI_NOTIFICATIONS_UDP')).toEqual([]);
    expect(found(plan('pop3', false), 'MAPI_NOTIFICATIONS_UDP')).toEqual([]);
  });
});
