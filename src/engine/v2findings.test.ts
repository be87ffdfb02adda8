/** The findings of plan format version 2 (SPEC §5): each firing with its exact message, and quiet. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/types';
import {
  chain,
  client,
  dns,
  firewall,
  link,
  makePlan,
  network,
  newsHost,
  owa,
  server,
  site,
  siteConnector,
  smtpHost,
} from '../test/factories';
import { analyzePlan } from './analyze';
import type { FindingCode } from './types';

const found = (plan: Plan, code: FindingCode) =>
  analyzePlan(plan)
    .findings.filter((f) => f.code === code)
    .map((f) => ({ ...f }));
const messages = (plan: Plan, code: FindingCode) => found(plan, code).map((f) => f.message);

const DS_VALUE =
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters value "TCP/IP port" (REG_DWORD)';
const RPC_RANGE = 'HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\Internet value "Ports" (REG_MULTI_SZ)';

describe('FEATURE_NOT_IN_VERSION (v2)', () => {
  it('fires for an LDAP port other than 389 before 5.5 and says 389 is in force', () => {
    const plan = makePlan({ nodes: [server('s', 'A', { name: 'EX', exchange: '5.0', ldapPort: 390 })] });
    expect(found(plan, 'FEATURE_NOT_IN_VERSION')).toEqual([
      {
        code: 'FEATURE_NOT_IN_VERSION',
        severity: 'error',
        kb: ['KB 224447'],
        subjects: ['s'],
        message:
          'EX has LDAP port 390, but it runs Exchange 5.0, and only Exchange 5.5 can move LDAP off 389 (KB 224447), so its directory answers LDAP on 389 instead. Upgrade EX to 5.5 or keep port 389.',
      },
    ]);
  });

  it('says which port the MTA and RFC1006 use instead before 4.0 SP4', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', {
          name: 'EX',
          exchange: '4.0',
          servicePack: 3,
          staticPorts: { mta: 6003 },
          rfc1006Port: 2000,
          rpcPorts: { from: 5000, to: 5100 },
        }),
      ],
    });
    expect(messages(plan, 'FEATURE_NOT_IN_VERSION')).toEqual([
      'EX has RFC1006 port 2000, but it runs Exchange 4.0 Service Pack 3 and can change it from 102 only from Service Pack 4 on, with HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters value "RFC1006 Port Number" (REG_DWORD) (KB 161931), so its MTA listens on 102 instead. Install Service Pack 4 on EX or keep port 102.',
      'EX has a static MTA RPC port (6003), but it runs Exchange 4.0 Service Pack 3; HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters value "TCP/IP port for RPC listens" (REG_DWORD) needs Service Pack 4 (KB 161931), so its MTA listens on a dynamic port (5000-5100) instead. Install Service Pack 4 on EX or leave its MTA port dynamic.',
    ]);
  });

  it('stays quiet for an LDAP port on 5.5 and for 389 anywhere', () => {
    const plan = makePlan({
      nodes: [server('a', 'A', { ldapPort: 390 }), server('b', 'A', { exchange: '4.0' })],
    });
    expect(found(plan, 'FEATURE_NOT_IN_VERSION')).toEqual([]);
  });
});

describe('CONNECTOR_SAME_SITE and CONNECTOR_SERVER_NOT_IN_SITE (v2)', () => {
  it('fires for a site connector that joins a site to itself', () => {
    const plan = makePlan({
      sites: [site('A', { name: 'Ams' })],
      nodes: [server('s', 'A')],
      connectors: [siteConnector('A', 'A', { name: 'Loop' }, 'k')],
    });
    expect(found(plan, 'CONNECTOR_SAME_SITE')).toEqual([
      {
        code: 'CONNECTOR_SAME_SITE',
        severity: 'error',
        kb: ['KB 176466'],
        subjects: ['A', 'k'],
        message:
          'The Site Connector Loop joins site Ams to itself: a Site Connector joins two sites, and servers of one site already talk over RPC (KB 176466, scenario 5). Choose another site for one of its ends or remove the connector.',
      },
    ]);
  });

  it('fires for a bridgehead outside its half and a target outside the other site', () => {
    const plan = makePlan({
      sites: [site('A', { name: 'Ams' }), site('B', { name: 'Bru' })],
      nodes: [server('a1', 'A', { name: 'EXA' }), server('b1', 'B', { name: 'EXB' })],
      connectors: [siteConnector('A', 'B', { bridgeheadA: 'b1', targetsB: ['b1'] }, 'k')],
    });
    expect(found(plan, 'CONNECTOR_SERVER_NOT_IN_SITE').map((f) => [f.subjects, f.message])).toEqual([
      [
        ['b1', 'k'],
        'The Site Connector has EXB as the bridgehead of its half in site Ams, but EXB is in site Bru, so that half sends nothing. Choose a server of Ams as its bridgehead, or let any server of Ams send.',
      ],
      [
        ['b1', 'k'],
        'The Site Connector lists EXB as a target of its half in site Bru, but EXB is in site Bru, not in Ams, so it is left out. Choose target servers of Ams.',
      ],
    ]);
  });

  it('stays quiet for bridgeheads and targets in their sites', () => {
    const plan = makePlan({
      nodes: [server('a1', 'A'), server('b1', 'B')],
      connectors: [
        siteConnector('A', 'B', { bridgeheadA: 'a1', targetsA: ['b1'], bridgeheadB: 'b1', targetsB: ['a1'] }),
      ],
    });
    expect(found(plan, 'CONNECTOR_SERVER_NOT_IN_SITE')).toEqual([]);
    expect(found(plan, 'CONNECTOR_SAME_SITE')).toEqual([]);
  });
});

describe('CLIENT_WITHOUT_SERVER (v2)', () => {
  it('fires for a web client of a server, an OWA node without servers and a news host without a server', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'EX' }),
        client('w', 's', { name: 'Web users', protocol: 'web' }),
        owa('o', [], { name: 'OWA01' }),
        newsHost('n', null, { name: 'ISP news' }),
      ],
    });
    expect(found(plan, 'CLIENT_WITHOUT_SERVER').map((f) => [f.subjects, f.kb, f.message])).toEqual([
      [
        ['n'],
        ['KB 176466'],
        'ISP news has no server, so it needs no ports yet. Choose the Exchange server whose Internet News Service feeds news with ISP news.',
      ],
      [
        ['o'],
        ['KB 259240'],
        'OWA01 opens no Exchange server: browsers still reach it, but it can open no mailbox (KB 259240). Choose the Exchange servers OWA01 opens mailboxes on; the first is the one it reads the directory from.',
      ],
      [
        ['w', 's'],
        ['KB 259240'],
        'Web users names EX as its Outlook Web Access server, but EX is not an Outlook Web Access server. Choose the Outlook Web Access server Web users uses.',
      ],
    ]);
  });

  it('stays quiet for a web client of an OWA node with servers and a news host with a server', () => {
    const plan = makePlan({
      nodes: [server('s', 'A'), owa('o', ['s']), client('w', 'o', { protocol: 'web' }), newsHost('n', 's')],
    });
    expect(found(plan, 'CLIENT_WITHOUT_SERVER')).toEqual([]);
  });
});

describe('OWA_SERVER_VERSION and OWA_NTLM (v2)', () => {
  it('fires for a 4.0 server of an OWA node, and for a web client using NTLM', () => {
    const plan = makePlan({
      nodes: [
        owa('o', ['d', 's'], { name: 'OWA01' }),
        server('d', 'A', { name: 'EXD' }),
        server('s', 'A', { name: 'EXS', exchange: '4.0' }),
        client('w', 'o', { name: 'Web users', protocol: 'web', auth: 'ntlm' }),
        network('lan'),
      ],
      links: [link('o', 'lan'), link('d', 'lan'), link('s', 'lan'), link('w', 'lan')],
    });
    expect(found(plan, 'OWA_SERVER_VERSION')).toEqual([
      {
        code: 'OWA_SERVER_VERSION',
        severity: 'error',
        kb: ['KB 198920'],
        subjects: ['o', 's'],
        message:
          'OWA01 opens mailboxes on EXS, which runs Exchange 4.0: Outlook Web Access works with Exchange 5.0 and 5.5 only (KB 198920). Upgrade EXS, or move its mailboxes to a 5.0 or 5.5 server and let OWA01 open that one.',
      },
    ]);
    expect(found(plan, 'OWA_NTLM')).toEqual([
      {
        code: 'OWA_NTLM',
        severity: 'warning',
        kb: ['KB 175891'],
        subjects: ['w', 'o'],
        message:
          'Web users signs in to OWA01 with Windows NT Challenge/Response (NTLM): Outlook Web Access on its own server cannot pass NTLM credentials on to Exchange, so public folders and other servers fail (KB 175891). Use Basic authentication over SSL for Web users.',
      },
    ]);
    const owaFlows = analyzePlan(plan).flows.filter((f) => f.relationship.kind === 'owa');
    expect(owaFlows.filter((f) => f.status === 'error').map((f) => `${f.source}>${f.destination}`)).toEqual([
      's>o',
      'o>s',
      'o>s',
    ]);
  });

  it('stays quiet for 5.0 and 5.5 servers and for basic or SSL', () => {
    const plan = makePlan({
      nodes: [
        owa('o', ['d', 's']),
        server('d', 'A', { exchange: '5.0' }),
        server('s', 'A'),
        client('w', 'o', { protocol: 'web', auth: 'basic' }),
        client('x', 'o', { protocol: 'web', auth: 'ssl' }),
      ],
    });
    expect(found(plan, 'OWA_SERVER_VERSION')).toEqual([]);
    expect(found(plan, 'OWA_NTLM')).toEqual([]);
  });
});

describe('RPC_THROUGH_NAT (v2)', () => {
  const natPlan = (nat: boolean, protocol: 'mapi' | 'pop3' = 'mapi') =>
    makePlan({
      nodes: [
        client('c', 's', { name: 'Outlook', protocol, sendsMail: false, address: 'any' }),
        firewall('fw', { name: 'FW-NAT', nat }),
        server('s', 'A', { name: 'EX', address: '10.0.0.1', staticPorts: { directory: 6001, store: 6002 } }),
      ],
      links: chain('c', 'fw', 's'),
    });

  it('fires once per firewall and pair for RPC through address translation, and breaks the RPC flows', () => {
    expect(found(natPlan(true), 'RPC_THROUGH_NAT')).toEqual([
      {
        code: 'RPC_THROUGH_NAT',
        severity: 'error',
        kb: ['KB 238954', 'KB 154596'],
        subjects: ['s', 'c', 'fw'],
        message:
          "RPC between EX and Outlook crosses FW-NAT, which translates addresses: address translation breaks RPC, because the endpoint mapper's answers carry addresses and ports the translation does not follow (KB 238954, KB 154596). Let this traffic pass FW-NAT without address translation, or place EX and Outlook on the same side of it.",
      },
    ]);
    expect(analyzePlan(natPlan(true)).flows.map((f) => f.status)).toEqual(['error', 'error', 'error']);
  });

  it('stays quiet without NAT and for flows that are not RPC', () => {
    expect(found(natPlan(false), 'RPC_THROUGH_NAT')).toEqual([]);
    expect(found(natPlan(true, 'pop3'), 'RPC_THROUGH_NAT')).toEqual([]);
  });
});

describe('STATIC_MTA_PORT_REPLY (v2)', () => {
  const plan = (servicePack: number, mta: number | null, throughFirewall = true) =>
    makePlan({
      nodes: [
        server('a', 'A', { name: 'EXA', address: '10.1.0.1' }),
        firewall('fw', { name: 'FW-WAN' }),
        server('b', 'B', { name: 'EXB', address: '10.2.0.1', servicePack, staticPorts: { mta } }),
      ],
      links: throughFirewall ? chain('a', 'fw', 'b') : [link('a', 'b')],
      connectors: [siteConnector('A', 'B')],
    });

  it('fires for 5.5 before SP2 with a static MTA port when the site connector crosses a firewall', () => {
    expect(found(plan(1, 6003), 'STATIC_MTA_PORT_REPLY')).toEqual([
      {
        code: 'STATIC_MTA_PORT_REPLY',
        severity: 'error',
        kb: ['KB 191594'],
        subjects: ['b', 'fw'],
        message:
          'EXB runs Exchange 5.5 Service Pack 1 with a static MTA RPC port (6003), and its Site Connector traffic crosses FW-WAN: before Service Pack 2 the called MTA does not bind back on the port the caller asked for, so a firewall that passes only the static port stops the Site Connector (event 9322, KB 191594). Install Service Pack 2 or later on EXB.',
      },
    ]);
    expect(analyzePlan(plan(1, 6003)).flows.every((f) => f.status === 'error')).toBe(true);
  });

  it('stays quiet from SP2 on, with a dynamic MTA port, and without a firewall', () => {
    expect(found(plan(2, 6003), 'STATIC_MTA_PORT_REPLY')).toEqual([]);
    expect(found(plan(1, null), 'STATIC_MTA_PORT_REPLY')).toEqual([]);
    expect(found(plan(1, 6003, false), 'STATIC_MTA_PORT_REPLY')).toEqual([]);
  });
});

describe('STATIC_PORT_CONFLICT (v2: every port as in force)', () => {
  it('fires for the System Attendant against the store, and for the LDAP port against POP3', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'EX', ldapPort: 110, staticPorts: { store: 6002, systemAttendant: 6002 } }),
      ],
    });
    expect(messages(plan, 'STATIC_PORT_CONFLICT')).toEqual([
      'On EX, port 110 is wanted by POP3 and LDAP: a service whose port is already taken cannot register it and fails (error 1720, KB 180795). Give each of them its own port on EX; a static RPC port a free one above 5000.',
      'On EX, port 6002 is wanted by the static information store (IS) RPC port and the static System Attendant (SA) RPC port: a service whose port is already taken cannot register it and fails (error 1720, KB 180795). Give each of them its own port on EX; a static RPC port a free one above 5000.',
    ]);
  });

  it('stays quiet for a port the version ignores and a service the version lacks', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', {
          exchange: '4.0',
          servicePack: 3,
          staticPorts: { mta: 6002, store: 6002 },
          rfc1006Port: 6002,
        }),
        server('t', 'A', { exchange: '5.0', ldapPort: 110, services: { pop3: false } }),
        server('u', 'A', { exchange: '5.0', staticPorts: { directory: 143 } }),
      ],
    });
    expect(found(plan, 'STATIC_PORT_CONFLICT')).toEqual([]);
  });
});

describe('DYNAMIC_RPC_PORTS narrowed by rpcPorts (v2)', () => {
  it('names the restricted range, the registry value that makes the port static, and no range advice', () => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { address: 'any' }),
        firewall('fw', { name: 'FW' }),
        server('s', 'A', {
          name: 'EX',
          address: '10.0.0.1',
          rpcPorts: { from: 5000, to: 5100 },
          staticPorts: { store: 6002 },
        }),
      ],
      links: chain('c', 'fw', 's'),
    });
    expect(found(plan, 'DYNAMIC_RPC_PORTS')).toEqual([
      {
        code: 'DYNAMIC_RPC_PORTS',
        severity: 'warning',
        kb: ['KB 176466', 'KB 148732', 'KB 155831', 'KB 154596'],
        subjects: ['fw', 's'],
        message: `FW must open TCP 5000-5100 to EX because the directory (DS) RPC port of EX is dynamic: the RPC endpoint mapper (TCP 135) hands it out at random (KB 176466), from the range 5000-5100 that HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\Internet value "Ports" allows (KB 154596). To open a single port instead, set ${DS_VALUE} on EX to a free port above 5000 and restart the computer; Exchange 4.0, 5.0 and 5.5 offer it (KB 148732, KB 155831).`,
      },
    ]);
  });

  it('tells how to narrow the range when nothing narrows it, and covers the System Attendant', () => {
    const plan = makePlan({
      nodes: [
        client('adm', 's', { protocol: 'admin', address: 'any' }),
        firewall('fw', { name: 'FW' }),
        server('s', 'A', { name: 'EX', address: '10.0.0.1', staticPorts: { directory: 6001, store: 6002 } }),
      ],
      links: chain('adm', 'fw', 's'),
    });
    expect(messages(plan, 'DYNAMIC_RPC_PORTS')).toEqual([
      `FW must open TCP 1024-65535 to EX because the System Attendant (SA) RPC port of EX is dynamic: the RPC endpoint mapper (TCP 135) hands it out at random (KB 176466). To open a single port instead, set HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters value "TCP/IP port" (REG_DWORD) on EX to a free port above 5000 and restart the computer; Exchange 4.0, 5.0 and 5.5 offer it (KB 148732). Or, to narrow the range, set ${RPC_RANGE} on EX to a range above 5000 of at least 20 ports, such as 5000-5020, with "PortsInternetAvailable"="Y" and "UseInternetPorts"="Y" (REG_SZ), restart the computer and give EX the same range as its RPC ports (KB 154596, KB 217351).`,
    ]);
  });

  it('stays quiet for the RPC replies to OWA, which are no server port', () => {
    const plan = makePlan({
      nodes: [
        owa('o', ['s'], { address: '192.0.2.1' }),
        firewall('fw'),
        server('s', 'A', { address: '10.0.0.1', staticPorts: { directory: 6001, store: 6002 } }),
      ],
      links: chain('o', 'fw', 's'),
    });
    expect(found(plan, 'DYNAMIC_RPC_PORTS')).toEqual([]);
  });
});

describe('IMS_WITHOUT_DNS and NO_INTERNET_MAIL_SERVER (v2)', () => {
  it('fires for an Internet Mail Service that delivers itself without DNS or smart host', () => {
    const plan = makePlan({
      nodes: [
        server('n', 'A', { name: 'EXN', services: { internetMail: true } }),
        smtpHost('h', { direction: 'outbound' }),
      ],
    });
    expect(found(plan, 'IMS_WITHOUT_DNS')).toEqual([
      {
        code: 'IMS_WITHOUT_DNS',
        severity: 'warning',
        kb: ['KB 182821', 'KB 182339'],
        subjects: ['n'],
        message:
          'EXN runs the Internet Mail Service and delivers mail to SMTP hosts itself, but it has neither a DNS server nor a smart host: to deliver outgoing mail it looks up MX and host records over DNS (UDP 53, KB 182821), or it forwards all messages to a smart host (KB 182339). Choose the DNS server EXN asks, or a smart host to forward its mail to.',
      },
    ]);
  });

  it('stays quiet with DNS, with a smart host, or with inbound hosts only', () => {
    const quiet = [
      makePlan({
        nodes: [server('n', 'A', { services: { internetMail: true }, dns: 'd' }), dns('d'), smtpHost('h')],
      }),
      makePlan({
        nodes: [server('n', 'A', { services: { internetMail: true }, smartHost: 'h' }), smtpHost('h')],
      }),
      makePlan({
        nodes: [
          server('n', 'A', { services: { internetMail: true } }),
          smtpHost('h', { direction: 'inbound' }),
        ],
      }),
    ];
    for (const plan of quiet) expect(found(plan, 'IMS_WITHOUT_DNS')).toEqual([]);
  });

  it('warns of an inbound SMTP host when no server runs the Internet Mail Service', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { exchange: '4.0' }),
        smtpHost('h', { name: 'Internet', direction: 'inbound' }),
      ],
    });
    expect(found(plan, 'NO_INTERNET_MAIL_SERVER')).toEqual([
      {
        code: 'NO_INTERNET_MAIL_SERVER',
        severity: 'warning',
        kb: ['KB 176466'],
        subjects: ['h'],
        message:
          'Internet delivers mail to this organization over SMTP (TCP 25), but no server runs the Internet Mail Service to accept it (KB 176466, scenario 1). Turn on the Internet Mail Service on a server, or make Internet outbound only.',
      },
    ]);
    const outbound = makePlan({ nodes: [server('s', 'A'), smtpHost('h', { direction: 'outbound' })] });
    expect(found(outbound, 'NO_INTERNET_MAIL_SERVER')).toEqual([]);
    const served = makePlan({
      nodes: [server('s', 'A', { services: { internetMail: true } }), smtpHost('h')],
    });
    expect(found(served, 'NO_INTERNET_MAIL_SERVER')).toEqual([]);
  });
});

describe('RPC_RANGE_SMALL (v2)', () => {
  it.each([
    [
      { from: 4000, to: 4010 },
      'The RPC range of EX, 4000-4010, holds 11 ports and starts below 5000, in the pool Windows gives to outgoing connections',
    ],
    [{ from: 6000, to: 6000 }, 'The RPC range of EX, 6000, holds 1 port'],
    [
      { from: 4999, to: 5100 },
      'The RPC range of EX, 4999-5100, starts below 5000, in the pool Windows gives to outgoing connections',
    ],
  ])('fires for %j', (rpcPorts, start) => {
    const plan = makePlan({ nodes: [server('s', 'A', { name: 'EX', rpcPorts })] });
    expect(messages(plan, 'RPC_RANGE_SMALL')).toEqual([
      `${start}: too few ports make services fail to start ("The endpoint cannot be created"); open at least 15 to 20 ports above 5000 (KB 217351). To fix it, set ${RPC_RANGE} on EX to a range above 5000 of at least 20 ports, such as 5000-5020, with "PortsInternetAvailable"="Y" and "UseInternetPorts"="Y" (REG_SZ), restart the computer and give EX the same range as its RPC ports (KB 154596, KB 217351).`,
    ]);
  });

  it('stays quiet for 20 ports from 5000 on, and without a range', () => {
    const plan = makePlan({
      nodes: [server('a', 'A', { rpcPorts: { from: 5000, to: 5019 } }), server('b', 'A')],
    });
    expect(found(plan, 'RPC_RANGE_SMALL')).toEqual([]);
  });
});

describe('ADDRESS_MISSING (v2)', () => {
  it('fires for an endpoint without an address whose flows cross a firewall, naming the firewalls', () => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { name: 'Users', protocol: 'ldap' }),
        firewall('f2', { name: 'B-FW' }),
        firewall('f1', { name: 'A-FW' }),
        server('s', 'A', { name: 'EX', address: '10.0.0.1' }),
      ],
      links: chain('c', 'f2', 'f1', 's'),
    });
    expect(found(plan, 'ADDRESS_MISSING')).toEqual([
      {
        code: 'ADDRESS_MISSING',
        severity: 'warning',
        kb: ['KB 176466'],
        subjects: ['c', 'f1', 'f2'],
        message:
          'Users has no address, but its flows cross A-FW and B-FW: the firewall rules cannot name it. Give Users its IPv4 or IPv6 address, its network as a CIDR block, or "any".',
      },
    ]);
  });

  it('stays quiet with an address, or when no firewall stands between', () => {
    const plan = makePlan({
      nodes: [client('c', 's', { protocol: 'ldap' }), server('s', 'A')],
      links: [link('c', 's')],
    });
    expect(found(plan, 'ADDRESS_MISSING')).toEqual([]);
  });
});

describe('MAPI_NOTIFICATIONS_UDP (v2)', () => {
  const plan = (notifications: boolean) =>
    makePlan({
      nodes: [
        client('c', 's', { name: 'Outlook', notifications, address: 'any' }),
        firewall('fw', { name: 'FW' }),
        server('s', 'A', { name: 'EX', address: '10.0.0.1' }),
      ],
      links: chain('c', 'fw', 's'),
    });

  it('says how to let notifications through when they are off', () => {
    expect(messages(plan(false), 'MAPI_NOTIFICATIONS_UDP')).toEqual([
      'Outlook reaches EX through FW: new-mail notifications are UDP packets from EX to Outlook, from a port above 1024 to a port above 1024, that cannot be configured (KB 264035). If the firewall blocks them, Outlook still works but learns of new mail only when it polls; to let them through, turn on new-mail notifications for Outlook.',
    ]);
  });

  it('stays quiet when the firewalls let notifications through', () => {
    expect(found(plan(true), 'MAPI_NOTIFICATIONS_UDP')).toEqual([]);
    expect(analyzePlan(plan(true)).flows.find((f) => f.protocol === 'UDP')?.firewalls).toEqual(['fw']);
  });
});

describe('PROTOCOL_NOT_IN_VERSION and PROTOCOL_DISABLED for newsfeeds (v2)', () => {
  it('fires for a news host of a 4.0 server and of a server with NNTP off', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'EX', exchange: '4.0', services: { nntp: false } }),
        newsHost('n', 's', { name: 'ISP news' }),
      ],
    });
    expect(found(plan, 'PROTOCOL_NOT_IN_VERSION').map((f) => [f.kb, f.message])).toEqual([
      [
        ['KB 176466', 'KB 174199'],
        'ISP news uses NNTP newsfeeds, but EX runs Exchange 4.0 and NNTP newsfeeds needs Exchange 5.0 or later (KB 176466). Upgrade EX or point ISP news at a server that runs 5.0 or later.',
      ],
    ]);
    expect(messages(plan, 'PROTOCOL_DISABLED')).toEqual([
      'ISP news exchanges NNTP newsfeeds with EX, but NNTP is turned off on EX (KB 174199). Turn it on for EX or choose a server that offers it.',
    ]);
  });

  it('stays quiet for a 5.0 server running NNTP, and for admin clients of 4.0', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { exchange: '5.0' }),
        newsHost('n', 's'),
        server('t', 'A', {
          exchange: '4.0',
          services: { pop3: false, imap4: false, ldap: false, nntp: false },
        }),
        client('adm', 't', { protocol: 'admin' }),
      ],
    });
    expect(found(plan, 'PROTOCOL_NOT_IN_VERSION')).toEqual([]);
    expect(found(plan, 'PROTOCOL_DISABLED')).toEqual([]);
  });
});

describe('more v2 edges', () => {
  it('CLIENT_WITHOUT_SERVER for a web client with no server, or one that names no node', () => {
    const plan = makePlan({
      nodes: [
        client('w', null, { name: 'Web', protocol: 'web' }),
        client('x', 'gone', { name: 'Lost', protocol: 'web' }),
      ],
    });
    expect(messages(plan, 'CLIENT_WITHOUT_SERVER')).toEqual([
      'Lost names gone as its Outlook Web Access server, but the plan has no such node. Choose the Outlook Web Access server Lost uses.',
      'Web has no server, so it needs no ports yet. Choose the Outlook Web Access server Web uses.',
    ]);
  });

  it('CLIENT_WITHOUT_SERVER for a news host that names a node that is not a server', () => {
    const plan = makePlan({
      nodes: [client('c', null, { name: 'Users' }), newsHost('n', 'c', { name: 'ISP news' })],
    });
    expect(found(plan, 'CLIENT_WITHOUT_SERVER').map((f) => [f.subjects, f.message])).toContainEqual([
      ['n', 'c'],
      'ISP news names Users as its server, but Users is not an Exchange server. Choose the Exchange server whose Internet News Service feeds news with ISP news.',
    ]);
  });

  it('NO_INTERNET_MAIL names the mail server the client sends to, and stays quiet for an SMTP host', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'EXS', services: { internetMail: true } }),
        server('m', 'A', { name: 'EXM' }),
        smtpHost('relay', { direction: 'inbound' }),
        client('p', 's', { name: 'Pop', protocol: 'pop3', smtpServer: 'm' }),
        client('q', 's', { name: 'Imap', protocol: 'imap4', smtpServer: 'relay' }),
      ],
    });
    expect(found(plan, 'NO_INTERNET_MAIL').map((f) => [f.subjects, f.message])).toEqual([
      [
        ['p', 'm'],
        'Pop sends mail over SMTP (TCP 25), but EXM runs no Internet Mail Service to accept it (KB 176466, scenarios 1 and 2). Turn on the Internet Mail Service on EXM, or turn off sending for Pop.',
      ],
    ]);
  });

  it('a sending client whose smtpServer is neither a server nor an SMTP host sends nothing', () => {
    const plan = makePlan({
      nodes: [server('s', 'A'), dns('d'), client('p', 's', { protocol: 'pop3', smtpServer: 'd' })],
    });
    expect(analyzePlan(plan).flows.map((f) => `${f.destination} ${f.service}`)).toEqual(['s POP3']);
    expect(found(plan, 'NO_INTERNET_MAIL')).toEqual([]);
  });

  it('PROTOCOL_NOT_IN_VERSION of a client cites KB 176466 only', () => {
    const plan = makePlan({
      nodes: [server('s', 'A', { exchange: '5.0' }), client('c', 's', { protocol: 'imap4' })],
    });
    expect(found(plan, 'PROTOCOL_NOT_IN_VERSION').map((f) => f.kb)).toEqual([['KB 176466']]);
    expect(found(plan, 'PROTOCOL_DISABLED').map((f) => f.kb)).toEqual([]);
  });

  it('CONNECTOR_SERVER_NOT_IN_SITE once for a target listed twice', () => {
    const plan = makePlan({
      nodes: [server('a1', 'A'), server('b1', 'B')],
      connectors: [siteConnector('A', 'B', { targetsA: ['a1', 'a1'] }, 'k')],
    });
    expect(found(plan, 'CONNECTOR_SERVER_NOT_IN_SITE').map((f) => f.subjects)).toEqual([['a1', 'k']]);
  });

  it('IMS_WITHOUT_DNS stays quiet without the Internet Mail Service; NO_INTERNET_MAIL_SERVER fires for both ways', () => {
    const plan = makePlan({ nodes: [server('s', 'A'), smtpHost('h', { name: 'Net', direction: 'both' })] });
    expect(found(plan, 'IMS_WITHOUT_DNS')).toEqual([]);
    expect(found(plan, 'NO_INTERNET_MAIL_SERVER').map((f) => f.subjects)).toEqual([['h']]);
  });

  it('STATIC_MTA_PORT_REPLY stays quiet for Exchange 5.0 before SP2', () => {
    const plan = makePlan({
      nodes: [
        server('a', 'A'),
        firewall('fw'),
        server('b', 'B', { exchange: '5.0', servicePack: 1, staticPorts: { mta: 6003 } }),
      ],
      links: chain('a', 'fw', 'b'),
      connectors: [siteConnector('A', 'B')],
    });
    expect(found(plan, 'STATIC_MTA_PORT_REPLY')).toEqual([]);
  });

  it('RPC_THROUGH_NAT counts the RPC replies to OWA, once for the pair', () => {
    const plan = makePlan({
      nodes: [
        owa('o', ['s'], { name: 'OWA01' }),
        firewall('fw', { name: 'FW', nat: true }),
        server('s', 'A', { name: 'EX', staticPorts: { directory: 6001, store: 6002 } }),
      ],
      links: chain('o', 'fw', 's'),
    });
    expect(found(plan, 'RPC_THROUGH_NAT').map((f) => f.subjects)).toEqual([['s', 'o', 'fw']]);
    const reply = analyzePlan(plan).flows.find((f) => f.rpc === 'reply');
    expect(reply?.status).toBe('error');
  });

  it('MAPI_NOTIFICATIONS_UDP is about mapi clients only, not the Administrator program', () => {
    const plan = makePlan({
      nodes: [client('adm', 's', { protocol: 'admin' }), firewall('fw'), server('s', 'A')],
      links: chain('adm', 'fw', 's'),
    });
    expect(found(plan, 'MAPI_NOTIFICATIONS_UDP')).toEqual([]);
  });

  it('STATIC_PORT_IN_CLIENT_POOL and STATIC_PORT_WELL_KNOWN look at the ports in force, the System Attendant included', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { name: 'EX', staticPorts: { systemAttendant: 4000 } }),
        server('t', 'A', { name: 'EX4', exchange: '4.0', servicePack: 3, staticPorts: { mta: 4000 } }),
        server('u', 'A', { name: 'EXU', staticPorts: { systemAttendant: 800 } }),
      ],
    });
    expect(messages(plan, 'STATIC_PORT_IN_CLIENT_POOL')).toEqual([
      'The static System Attendant (SA) RPC port of EX is 4000, inside 1024-5000, the pool Windows NT hands out to outgoing connections: another process may hold it when the service starts (KB 180795, KB 194952). Choose a port above 5000 (KB 155831).',
    ]);
    expect(messages(plan, 'STATIC_PORT_WELL_KNOWN')).toEqual([
      'The static System Attendant (SA) RPC port of EXU is 800, a well-known port (below 1024): make sure no registered service on EXU uses it (KB 194952), or choose a port above 5000.',
    ]);
  });
});
