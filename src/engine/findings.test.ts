import { describe, expect, it } from 'vitest';
import type { ClientProtocol, ExchangeVersion, Plan, ServerNode } from '../model/types';
import { chain, client, connector, firewall, link, makePlan, network, server } from '../test/factories';
import { analyzePlan } from './analyze';
import { FINDING_CATALOG } from './findingCatalog';
import type { Finding, FindingCode } from './types';

function findings(plan: Plan, code?: FindingCode): Finding[] {
  const all = analyzePlan(plan).findings;
  return code ? all.filter((f) => f.code === code) : all;
}

/** A server and one client of it on one LAN: a plan with nothing to say. */
function clientPlan(
  protocol: ClientProtocol,
  serverOverrides: Parameters<typeof server>[2] = {},
  clientOverrides: Parameters<typeof client>[2] = {},
): Plan {
  return makePlan({
    nodes: [
      server('s', 'A', { name: 'EX01', ...serverOverrides }),
      client('c', 's', { name: 'Users', protocol, ...clientOverrides }),
      network('lan'),
    ],
    links: [link('c', 'lan'), link('lan', 's')],
  });
}

/** One server linked to nothing else that talks: only its own settings matter. */
function serverPlan(overrides: Parameters<typeof server>[2]): Plan {
  return makePlan({ nodes: [server('s', 'A', { name: 'EX01', ...overrides })] });
}

describe('a plan with nothing wrong', () => {
  it('has no findings', () => {
    expect(findings(clientPlan('mapi'))).toEqual([]);
    expect(findings(clientPlan('pop3', { services: { internetMail: true } }, { auth: 'ssl' }))).toEqual([]);
  });
});

describe('RFC1006_PORT_MISMATCH', () => {
  const plan = (aPort: number, bPort: number, type: 'x400' | 'site' = 'x400') =>
    makePlan({
      nodes: [
        server('a', 'A', { name: 'EXA', rfc1006Port: aPort }),
        server('b', 'B', { name: 'EXB', rfc1006Port: bPort }),
        network('wan'),
      ],
      links: [link('a', 'wan'), link('wan', 'b')],
      connectors: [connector(type, 'a', 'b', 'k1')],
    });

  it('fires when the two servers of an X.400 connector use different RFC1006 ports', () => {
    const [f] = findings(plan(102, 2000), 'RFC1006_PORT_MISMATCH');
    expect(f?.severity).toBe('error');
    expect(f?.subjects).toEqual(['a', 'b', 'k1']);
    expect(f?.message).toContain('EXA (RFC1006 port 102)');
    expect(f?.message).toContain('EXB (RFC1006 port 2000)');
    expect(f?.message).toContain('same port');
    expect(f?.kb).toEqual(['KB 176466', 'KB 161931']);
  });

  it('names an unnamed connector by its servers, never by its id', () => {
    const [f] = findings(plan(102, 2000), 'RFC1006_PORT_MISMATCH');
    expect(f?.message).toMatch(/^The X\.400 connector joins EXA \(RFC1006 port 102\) and EXB/);
    expect(f?.message).not.toContain('k1');
  });

  it('stays quiet when both use the same port, or when the connector is a Site Connector', () => {
    expect(findings(plan(2000, 2000))).toEqual([]);
    expect(findings(plan(102, 2000, 'site'), 'RFC1006_PORT_MISMATCH')).toEqual([]);
  });
});

describe('PROTOCOL_NOT_IN_VERSION', () => {
  const cases: [ClientProtocol, ExchangeVersion, boolean][] = [
    ['pop3', '4.0', true],
    ['pop3', '5.0', false],
    ['ldap', '4.0', true],
    ['ldap', '5.0', false],
    ['nntp', '4.0', true],
    ['nntp', '5.0', false],
    ['imap4', '4.0', true],
    ['imap4', '5.0', true],
    ['imap4', '5.5', false],
    ['mapi', '4.0', false],
  ];
  it.each(cases)('%s against Exchange %s: fires %s', (protocol, exchange, fires) => {
    const found = findings(
      clientPlan(protocol, { exchange }, { sendsMail: false }),
      'PROTOCOL_NOT_IN_VERSION',
    );
    expect(found).toHaveLength(fires ? 1 : 0);
    if (fires) {
      expect(found[0]?.subjects).toEqual(['c', 's']);
      expect(found[0]?.message).toContain(`EX01 runs Exchange ${exchange}`);
      expect(found[0]?.message).toContain(protocol === 'imap4' ? 'needs Exchange 5.5' : 'needs Exchange 5.0');
    }
  });

  it('still emits the flows, marked as errors', () => {
    const analysis = analyzePlan(clientPlan('imap4', { exchange: '5.0' }, { sendsMail: false }));
    expect(analysis.flows.map((f) => [f.service, f.status])).toEqual([['IMAP4', 'error']]);
  });
});

describe('AUTH_NOT_IN_VERSION', () => {
  it('fires for LDAP with NTLM against a server before 5.5 (KB 175440)', () => {
    const [f] = findings(clientPlan('ldap', { exchange: '5.0' }, { auth: 'ntlm' }), 'AUTH_NOT_IN_VERSION');
    expect(f?.severity).toBe('error');
    expect(f?.kb).toEqual(['KB 175440']);
    expect(f?.message).toContain('Users uses LDAP with Windows NT Challenge/Response');
  });

  it('stays quiet for 5.5, for basic or SSL, and for other protocols', () => {
    expect(findings(clientPlan('ldap', { exchange: '5.5' }, { auth: 'ntlm' }))).toEqual([]);
    expect(findings(clientPlan('ldap', { exchange: '5.0' }, { auth: 'basic' }))).toEqual([]);
    expect(findings(clientPlan('ldap', { exchange: '5.0' }, { auth: 'ssl' }))).toEqual([]);
    expect(findings(clientPlan('nntp', { exchange: '5.0' }, { auth: 'ntlm' }))).toEqual([]);
  });
});

describe('PROTOCOL_DISABLED', () => {
  it.each(['pop3', 'imap4', 'ldap', 'nntp'] as const)(
    'fires when %s is turned off on the server',
    (protocol) => {
      const plan = clientPlan(protocol, { services: { [protocol]: false } }, { sendsMail: false });
      const [f] = findings(plan, 'PROTOCOL_DISABLED');
      expect(f?.subjects).toEqual(['c', 's']);
      expect(f?.message).toContain('is turned off on EX01');
    },
  );

  it('stays quiet when the protocol is on, and for mapi clients', () => {
    expect(findings(clientPlan('pop3', {}, { sendsMail: false }))).toEqual([]);
    const allOff = { pop3: false, imap4: false, ldap: false, nntp: false };
    expect(findings(clientPlan('mapi', { services: allOff }))).toEqual([]);
  });
});

describe('NO_INTERNET_MAIL', () => {
  it.each(['pop3', 'imap4'] as const)(
    'fires for a %s client that sends mail to a server without it',
    (protocol) => {
      const analysis = analyzePlan(
        clientPlan(protocol, { services: { internetMail: false } }, { sendsMail: true }),
      );
      const found = analysis.findings.filter((f) => f.code === 'NO_INTERNET_MAIL');
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toContain('EX01 runs no Internet Mail Service');
      // Only the SMTP flow is broken: the client still retrieves its mail.
      expect(analysis.flows.map((f) => [f.service, f.status])).toEqual([
        ['SMTP', 'error'],
        [protocol === 'pop3' ? 'POP3' : 'IMAP4', 'ok'],
      ]);
    },
  );

  it('stays quiet when the server runs it, when the client does not send, and for ldap clients', () => {
    expect(findings(clientPlan('pop3', { services: { internetMail: true } }, { sendsMail: true }))).toEqual(
      [],
    );
    expect(findings(clientPlan('imap4', {}, { sendsMail: false }))).toEqual([]);
    expect(findings(clientPlan('ldap', {}, { sendsMail: true }))).toEqual([]);
  });
});

describe('FEATURE_NOT_IN_VERSION (KB 161931)', () => {
  it('fires for a static MTA port on 4.0 before Service Pack 4', () => {
    const [f] = findings(
      serverPlan({ exchange: '4.0', servicePack: 3, staticPorts: { mta: 6003 } }),
      'FEATURE_NOT_IN_VERSION',
    );
    expect(f?.subjects).toEqual(['s']);
    expect(f?.message).toContain('static MTA RPC port (6003)');
    expect(f?.message).toContain('Service Pack 4');
  });

  it('fires for an RFC1006 port other than 102 on 4.0 before Service Pack 4', () => {
    const [f] = findings(
      serverPlan({ exchange: '4.0', servicePack: 0, rfc1006Port: 2000 }),
      'FEATURE_NOT_IN_VERSION',
    );
    expect(f?.message).toContain('RFC1006 port 2000');
  });

  it('stays quiet from 4.0 Service Pack 4 on, in 5.0, and for the directory and store ports', () => {
    const mtaAndRfc = { staticPorts: { mta: 6003 }, rfc1006Port: 2000 };
    expect(findings(serverPlan({ exchange: '4.0', servicePack: 4, ...mtaAndRfc }))).toEqual([]);
    expect(findings(serverPlan({ exchange: '5.0', ...mtaAndRfc }))).toEqual([]);
    expect(findings(serverPlan({ exchange: '4.0', staticPorts: { directory: 6001, store: 6002 } }))).toEqual(
      [],
    );
  });

  it('marks the MTA flows to that server as errors, not its endpoint mapper flows', () => {
    const plan = makePlan({
      nodes: [
        server('old', 'A', { exchange: '4.0', servicePack: 2, staticPorts: { mta: 6003 } }),
        server('peer', 'A'),
        network('lan'),
      ],
      links: [link('old', 'lan'), link('lan', 'peer')],
    });
    const toOld = analyzePlan(plan).flows.filter((f) => f.destination === 'old');
    expect(toOld.map((f) => [f.service, f.status])).toEqual([
      ['RPC endpoint mapper', 'ok'],
      ['Directory (RPC)', 'ok'],
      ['MTA (RPC)', 'error'],
    ]);
  });
});

describe('CONNECTOR_SAME_SITE', () => {
  const plan = (bSite: string) =>
    makePlan({
      nodes: [server('a', 'A', { name: 'EXA' }), server('b', bSite, { name: 'EXB' }), network('lan')],
      links: [link('a', 'lan'), link('lan', 'b')],
      connectors: [connector('x400', 'a', 'b', 'k1')],
    });

  it('fires for a connector between two servers of one site', () => {
    const [f] = findings(plan('A'), 'CONNECTOR_SAME_SITE');
    expect(f?.subjects).toEqual(['a', 'b', 'k1']);
    expect(f?.message).toContain('both in site A');
  });

  it('stays quiet between sites', () => {
    expect(findings(plan('B'))).toEqual([]);
  });
});

describe('CLIENT_WITHOUT_SERVER', () => {
  it('fires for a null server, a node that is not a server, and an id that names no node', () => {
    const plan = makePlan({
      nodes: [
        client('c1', null, { name: 'No server' }),
        client('c2', 'fw', { name: 'Firewall as server' }),
        client('c3', 'ghost', { name: 'Ghost server' }),
        firewall('fw', { name: 'FW' }),
      ],
    });
    const found = findings(plan, 'CLIENT_WITHOUT_SERVER');
    expect(found.map((f) => f.subjects)).toEqual([['c2', 'fw'], ['c3'], ['c1']]);
    expect(found[0]?.message).toContain('FW is not an Exchange server');
    expect(found[1]?.message).toContain('no such node');
    expect(found[2]?.message).toContain('has no server');
  });

  it('names a client that names itself once', () => {
    const [f] = findings(makePlan({ nodes: [client('c', 'c', { name: 'Loop' })] }), 'CLIENT_WITHOUT_SERVER');
    expect(f?.subjects).toEqual(['c']);
    expect(f?.message).toContain('Loop is not an Exchange server');
  });

  it('stays quiet for a client of a server', () => {
    expect(findings(clientPlan('mapi'), 'CLIENT_WITHOUT_SERVER')).toEqual([]);
  });
});

describe('STATIC_PORT_CONFLICT (KB 180795)', () => {
  it('fires when two static ports of one server are equal', () => {
    const found = findings(
      serverPlan({ staticPorts: { directory: 6000, store: 6000 } }),
      'STATIC_PORT_CONFLICT',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('port 6000');
    expect(found[0]?.message).toContain('directory (DS)');
    expect(found[0]?.message).toContain('information store (IS)');
    expect(found[0]?.message).toContain('error 1720');
    expect(found[0]?.kb).toEqual(['KB 180795']);
  });

  it('fires for a static port equal to 135 or to the RFC1006 port', () => {
    expect(
      findings(serverPlan({ staticPorts: { directory: 135 } }), 'STATIC_PORT_CONFLICT')[0]?.message,
    ).toContain('RPC endpoint mapper');
    expect(
      findings(serverPlan({ staticPorts: { mta: 6000 }, rfc1006Port: 6000 }), 'STATIC_PORT_CONFLICT')[0]
        ?.message,
    ).toContain('X.400 (RFC1006)');
    expect(findings(serverPlan({ staticPorts: { mta: 102 } }), 'STATIC_PORT_CONFLICT')).toHaveLength(1);
  });

  const wellKnown: [number, keyof ServerNode['services']][] = [
    [25, 'internetMail'],
    [110, 'pop3'],
    [995, 'pop3'],
    [143, 'imap4'],
    [993, 'imap4'],
    [389, 'ldap'],
    [636, 'ldap'],
    [119, 'nntp'],
    [563, 'nntp'],
  ];
  it.each(wellKnown)('fires for port %i while %s runs, and not when it is off', (port, service) => {
    const on = serverPlan({ staticPorts: { store: port }, services: { [service]: true } });
    const off = serverPlan({ staticPorts: { store: port }, services: { [service]: false } });
    expect(findings(on, 'STATIC_PORT_CONFLICT')).toHaveLength(1);
    expect(findings(off, 'STATIC_PORT_CONFLICT')).toEqual([]);
  });

  const claimants: [number, keyof ServerNode['services'], string][] = [
    [25, 'internetMail', 'SMTP (Internet Mail Service)'],
    [110, 'pop3', 'POP3'],
    [995, 'pop3', 'POP3 over SSL'],
    [143, 'imap4', 'IMAP4'],
    [993, 'imap4', 'IMAP4 over SSL'],
    [389, 'ldap', 'LDAP'],
    [636, 'ldap', 'LDAP over SSL'],
    [119, 'nntp', 'NNTP'],
    [563, 'nntp', 'NNTP over SSL'],
  ];
  it.each(claimants)('names port %i of %s as %s', (port, service, claimant) => {
    const on = serverPlan({ staticPorts: { store: port }, services: { [service]: true } });
    expect(findings(on, 'STATIC_PORT_CONFLICT')[0]?.message).toContain(
      `port ${port} is wanted by the static information store (IS) RPC port and ${claimant}: `,
    );
  });

  it('stays quiet for distinct free ports above 5000', () => {
    const services = { internetMail: true };
    expect(
      findings(serverPlan({ staticPorts: { directory: 6001, store: 6002, mta: 6003 }, services })),
    ).toEqual([]);
  });

  it('marks the flows to the conflicting services as errors', () => {
    const plan = clientPlan('mapi', { staticPorts: { directory: 6000, store: 6000 } });
    expect(analyzePlan(plan).flows.map((f) => f.status)).toEqual(['ok', 'error', 'error']);
  });
});

describe('DYNAMIC_RPC_PORTS', () => {
  const behindFirewalls = (serverOverrides: Parameters<typeof server>[2], firewalls = ['fw']) =>
    makePlan({
      nodes: [
        client('c', 's', { name: 'Users' }),
        client('c2', 's', { name: 'More users' }),
        network('out'),
        ...firewalls.map((id) => firewall(id, { name: id.toUpperCase() })),
        network('lan'),
        server('s', 'A', { name: 'EX01', ...serverOverrides }),
      ],
      links: [
        link('c', 'out'),
        link('c2', 'out'),
        ...firewalls.flatMap((id) => [link('out', id), link(id, 'lan')]),
        link('lan', 's'),
      ],
    });

  it('fires once per firewall, destination server and RPC service, however many flows', () => {
    const found = findings(behindFirewalls({}, ['fw', 'fw2']), 'DYNAMIC_RPC_PORTS');
    expect(found.map((f) => f.subjects)).toEqual([
      ['fw', 's'],
      ['fw', 's'],
      ['fw2', 's'],
      ['fw2', 's'],
    ]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(
      found.every((f) => f.message.startsWith('FW') && f.message.includes('TCP 1024-65535 to EX01')),
    ).toBe(true);
  });

  it('names the registry value that makes the directory and the store static', () => {
    const messages = findings(behindFirewalls({}), 'DYNAMIC_RPC_PORTS').map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toContain(
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters value "TCP/IP port" (REG_DWORD)',
    );
    expect(messages.join('\n')).toContain(
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem value "TCP/IP port" (REG_DWORD)',
    );
    expect(messages.every((m) => m.includes('Exchange 4.0, 5.0 and 5.5'))).toBe(true);
  });

  it('names the MTA value, offered from 4.0 Service Pack 4, and says when the server needs SP4 first', () => {
    const plan = (servicePack: number) =>
      makePlan({
        nodes: [
          server('s', 'A', { name: 'EX01', exchange: '4.0', servicePack, staticPorts: { directory: 6001 } }),
          server('t', 'A', { name: 'EX02', exchange: '4.0', servicePack, staticPorts: { directory: 6001 } }),
          firewall('fw'),
        ],
        links: [link('s', 'fw'), link('fw', 't')],
      });
    const sp4 = findings(plan(4), 'DYNAMIC_RPC_PORTS');
    expect(sp4).toHaveLength(2);
    expect(sp4[0]?.message).toContain(
      'MSExchangeMTA\\Parameters value "TCP/IP port for RPC listens" (REG_DWORD)',
    );
    expect(sp4[0]?.message).toContain('Exchange 4.0 Service Pack 4, 5.0 and 5.5');
    expect(sp4[0]?.message).not.toContain('first');
    expect(sp4[0]?.kb).toEqual(['KB 176466', 'KB 161931', 'KB 154596']);
    const sp2 = findings(plan(2), 'DYNAMIC_RPC_PORTS');
    expect(sp2[0]?.message).toContain('runs Exchange 4.0 Service Pack 2');
    expect(sp2[0]?.message).toContain('install Service Pack 4 first');
  });

  it('marks dynamic RPC flows through a firewall as warnings', () => {
    const flows = analyzePlan(behindFirewalls({})).flows.filter((f) => f.source === 'c');
    expect(flows.map((f) => f.status)).toEqual(['ok', 'warning', 'warning']);
  });

  it('stays quiet with static ports, or when no firewall stands between', () => {
    expect(
      findings(behindFirewalls({ staticPorts: { directory: 6001, store: 6002 } }), 'DYNAMIC_RPC_PORTS'),
    ).toEqual([]);
    const noFirewall = makePlan({
      nodes: [client('c', 's'), network('lan'), server('s', 'A')],
      links: [...chain('c', 'lan', 's')],
    });
    expect(findings(noFirewall)).toEqual([]);
  });
});

describe('STATIC_PORT_IN_CLIENT_POOL and STATIC_PORT_WELL_KNOWN', () => {
  it.each([1024, 3000, 5000])('warns that %i lies in the pool of outgoing connections', (port) => {
    const found = findings(serverPlan({ staticPorts: { mta: port } }));
    expect(found.map((f) => [f.code, f.severity])).toEqual([['STATIC_PORT_IN_CLIENT_POOL', 'warning']]);
    expect(found[0]?.message).toContain(`MTA RPC port of EX01 is ${port}`);
    expect(found[0]?.message).toContain('above 5000');
    expect(found[0]?.kb).toEqual(['KB 180795', 'KB 194952', 'KB 155831']);
  });

  it.each([1, 1023])('notes that %i is a well-known port', (port) => {
    const found = findings(serverPlan({ staticPorts: { directory: port } }));
    expect(found.map((f) => [f.code, f.severity])).toEqual([['STATIC_PORT_WELL_KNOWN', 'info']]);
    expect(found[0]?.kb).toEqual(['KB 194952']);
  });

  it('stays quiet above 5000 and for dynamic ports', () => {
    expect(findings(serverPlan({ staticPorts: { directory: 5001, store: 65535 } }))).toEqual([]);
    expect(findings(serverPlan({}))).toEqual([]);
  });
});

describe('MAPI_NOTIFICATIONS_UDP (KB 264035)', () => {
  const plan = (protocol: ClientProtocol, between: 'firewall' | 'network') =>
    makePlan({
      nodes: [
        client('c', 's', { name: 'Users', protocol, sendsMail: false }),
        between === 'firewall' ? firewall('mid', { name: 'FW' }) : network('mid'),
        server('s', 'A', { name: 'EX01', staticPorts: { directory: 6001, store: 6002 } }),
      ],
      links: [...chain('c', 'mid', 's')],
    });

  it('notes a mapi client whose flows cross a firewall', () => {
    const found = findings(plan('mapi', 'firewall'), 'MAPI_NOTIFICATIONS_UDP');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('info');
    expect(found[0]?.subjects).toEqual(['c', 's', 'mid']);
    expect(found[0]?.message).toContain('Users reaches EX01 through FW');
  });

  it('stays quiet without a firewall, and for other protocols', () => {
    expect(findings(plan('mapi', 'network'))).toEqual([]);
    expect(findings(plan('pop3', 'firewall'), 'MAPI_NOTIFICATIONS_UDP')).toEqual([]);
  });
});

describe('FIREWALL_UNUSED', () => {
  it('notes a firewall no flow crosses, and not one that a flow crosses', () => {
    const plan = makePlan({
      nodes: [
        client('c', 's', { protocol: 'ldap', address: 'any' }),
        firewall('used'),
        firewall('idle', { name: 'Idle' }),
        server('s', 'A', { address: '10.0.0.1' }),
      ],
      links: [...chain('c', 'used', 's'), link('idle', 's')],
    });
    const found = findings(plan);
    expect(found.map((f) => [f.code, f.subjects])).toEqual([['FIREWALL_UNUSED', ['idle']]]);
    expect(found[0]?.message).toContain('No flow crosses Idle');
  });
});

describe('the finding catalog', () => {
  it('has an entry for every code with the severity of SPEC §5', () => {
    const severities = Object.fromEntries(
      Object.entries(FINDING_CATALOG).map(([code, e]) => [code, e.severity]),
    );
    expect(severities).toEqual({
      RFC1006_PORT_MISMATCH: 'error',
      NO_NETWORK_PATH: 'error',
      PROTOCOL_NOT_IN_VERSION: 'error',
      AUTH_NOT_IN_VERSION: 'error',
      PROTOCOL_DISABLED: 'error',
      NO_INTERNET_MAIL: 'error',
      FEATURE_NOT_IN_VERSION: 'error',
      CONNECTOR_SAME_SITE: 'error',
      CONNECTOR_SERVER_NOT_IN_SITE: 'error',
      CLIENT_WITHOUT_SERVER: 'error',
      OWA_SERVER_VERSION: 'error',
      RPC_THROUGH_NAT: 'error',
      STATIC_MTA_PORT_REPLY: 'error',
      STATIC_PORT_CONFLICT: 'error',
      DYNAMIC_RPC_PORTS: 'warning',
      IMS_WITHOUT_DNS: 'warning',
      NO_INTERNET_MAIL_SERVER: 'warning',
      OWA_NTLM: 'warning',
      RPC_RANGE_SMALL: 'warning',
      STATIC_PORT_IN_CLIENT_POOL: 'warning',
      ADDRESS_MISSING: 'warning',
      STATIC_PORT_WELL_KNOWN: 'info',
      MAPI_NOTIFICATIONS_UDP: 'info',
      FIREWALL_UNUSED: 'info',
      ANALYSIS_LIMIT: 'error',
    });
  });
});
