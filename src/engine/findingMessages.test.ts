/**
 * Each finding of SPEC §5 in full: its code, severity, exact message, KB articles and subjects. A
 * message is what the architect reads, so a changed word, a name swapped for an id or a missing
 * clause must fail a test, which a test of fragments (toContain) lets through.
 */
import { describe, expect, it } from 'vitest';
import type { ClientProtocol, Plan } from '../model/types';
import { chain, client, connector, firewall, link, makePlan, network, server } from '../test/factories';
import { analyzePlan } from './analyze';

/** A server and one client of it on one LAN. */
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

/** One server linked to nothing else that talks. */
function serverPlan(overrides: Parameters<typeof server>[2]): Plan {
  return makePlan({ nodes: [server('s', 'A', { name: 'EX01', ...overrides })] });
}

describe('every finding, in full', () => {
  it('names a named X.400 connector in RFC1006_PORT_MISMATCH', () => {
    expect(
      analyzePlan(
        makePlan({
          nodes: [
            server('a', 'A', { name: 'EXA', rfc1006Port: 102 }),
            server('b', 'B', { name: 'EXB', rfc1006Port: 2000 }),
            network('wan'),
          ],
          links: [link('a', 'wan'), link('wan', 'b')],
          connectors: [{ id: 'k1', type: 'x400', a: 'a', b: 'b', name: 'AMS-BRU' }],
        }),
      ).findings,
    ).toEqual([
      {
        code: 'RFC1006_PORT_MISMATCH',
        severity: 'error',
        message:
          'The X.400 connector AMS-BRU joins EXA (RFC1006 port 102) and EXB (RFC1006 port 2000): every MTA that talks over X.400 connectors must use the same port (KB 176466, scenario 6b; KB 161931). Set HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters value "RFC1006 Port Number" (REG_DWORD) to the same value on both servers.',
        kb: ['KB 176466', 'KB 161931'],
        subjects: ['a', 'b', 'k1'],
      },
    ]);
  });

  it('PROTOCOL_NOT_IN_VERSION for POP3 on 4.0', () => {
    expect(analyzePlan(clientPlan('pop3', { exchange: '4.0' }, { sendsMail: false })).findings).toEqual([
      {
        code: 'PROTOCOL_NOT_IN_VERSION',
        severity: 'error',
        message:
          'Users uses POP3, but EX01 runs Exchange 4.0 and POP3 needs Exchange 5.0 or later (KB 176466). Upgrade EX01 or point Users at a server that runs 5.0 or later.',
        kb: ['KB 176466'],
        subjects: ['c', 's'],
      },
    ]);
  });

  it('PROTOCOL_NOT_IN_VERSION for IMAP4 on 5.0', () => {
    expect(analyzePlan(clientPlan('imap4', { exchange: '5.0' }, { sendsMail: false })).findings).toEqual([
      {
        code: 'PROTOCOL_NOT_IN_VERSION',
        severity: 'error',
        message:
          'Users uses IMAP4, but EX01 runs Exchange 5.0 and IMAP4 needs Exchange 5.5 or later (KB 176466). Upgrade EX01 or point Users at a server that runs 5.5 or later.',
        kb: ['KB 176466'],
        subjects: ['c', 's'],
      },
    ]);
  });

  it('AUTH_NOT_IN_VERSION for LDAP with NTLM on 5.0', () => {
    expect(analyzePlan(clientPlan('ldap', { exchange: '5.0' }, { auth: 'ntlm' })).findings).toEqual([
      {
        code: 'AUTH_NOT_IN_VERSION',
        severity: 'error',
        message:
          'Users uses LDAP with Windows NT Challenge/Response (NTLM), but EX01 runs Exchange 5.0; LDAP with NTLM needs Exchange 5.5 (KB 175440: Exchange 5.0 accepts only simple authentication). Use basic or SSL authentication, or upgrade EX01 to 5.5.',
        kb: ['KB 175440'],
        subjects: ['c', 's'],
      },
    ]);
  });

  it('PROTOCOL_DISABLED for IMAP4 turned off', () => {
    expect(
      analyzePlan(clientPlan('imap4', { services: { imap4: false } }, { sendsMail: false })).findings,
    ).toEqual([
      {
        code: 'PROTOCOL_DISABLED',
        severity: 'error',
        message:
          'Users uses IMAP4, but IMAP4 is turned off on EX01. Turn it on for EX01 or point Users at a server that offers it.',
        kb: ['KB 176466'],
        subjects: ['c', 's'],
      },
    ]);
  });

  it('NO_INTERNET_MAIL for a sending POP3 client', () => {
    expect(analyzePlan(clientPlan('pop3', {}, { sendsMail: true })).findings).toEqual([
      {
        code: 'NO_INTERNET_MAIL',
        severity: 'error',
        message:
          'Users sends mail over SMTP (TCP 25), but EX01 runs no Internet Mail Service to accept it (KB 176466, scenarios 1 and 2). Turn on the Internet Mail Service on EX01, or turn off sending for Users.',
        kb: ['KB 176466'],
        subjects: ['c', 's'],
      },
    ]);
  });

  it('CONNECTOR_SAME_SITE for an X.400 connector', () => {
    expect(
      analyzePlan(
        makePlan({
          nodes: [server('a', 'A', { name: 'EXA' }), server('b', 'A', { name: 'EXB' }), network('lan')],
          links: [link('a', 'lan'), link('lan', 'b')],
          connectors: [connector('x400', 'a', 'b', 'k1')],
        }),
      ).findings,
    ).toEqual([
      {
        code: 'CONNECTOR_SAME_SITE',
        severity: 'error',
        message:
          'The X.400 connector joins EXA and EXB, which are both in site A: connectors join different sites, and servers of one site already talk over RPC (KB 176466, scenario 5). Move one server to another site or remove the connector.',
        kb: ['KB 176466'],
        subjects: ['a', 'b', 'k1'],
      },
    ]);
  });

  it('CLIENT_WITHOUT_SERVER for no server, a firewall and an unknown id, and FIREWALL_UNUSED', () => {
    expect(
      analyzePlan(
        makePlan({
          nodes: [
            client('c1', null, { name: 'No server' }),
            client('c2', 'fw', { name: 'Firewall as server' }),
            client('c3', 'ghost', { name: 'Ghost server' }),
            firewall('fw', { name: 'FW' }),
          ],
        }),
      ).findings,
    ).toEqual([
      {
        code: 'CLIENT_WITHOUT_SERVER',
        severity: 'error',
        message:
          'Firewall as server names FW as its server, but FW is not an Exchange server. Choose the Exchange server Firewall as server uses.',
        kb: ['KB 176466'],
        subjects: ['c2', 'fw'],
      },
      {
        code: 'CLIENT_WITHOUT_SERVER',
        severity: 'error',
        message:
          'Ghost server names ghost as its server, but the plan has no such node. Choose the Exchange server Ghost server uses.',
        kb: ['KB 176466'],
        subjects: ['c3'],
      },
      {
        code: 'CLIENT_WITHOUT_SERVER',
        severity: 'error',
        message:
          'No server has no server, so it needs no ports yet. Choose the Exchange server No server uses.',
        kb: ['KB 176466'],
        subjects: ['c1'],
      },
      {
        code: 'FIREWALL_UNUSED',
        severity: 'info',
        message:
          'No flow crosses FW: it lies on no shortest path between endpoints that talk. Link it where traffic passes, or remove it from the plan.',
        kb: ['KB 176466'],
        subjects: ['fw'],
      },
    ]);
  });

  it('STATIC_PORT_IN_CLIENT_POOL and STATIC_PORT_WELL_KNOWN', () => {
    expect(analyzePlan(serverPlan({ staticPorts: { mta: 3000, directory: 100 } })).findings).toEqual([
      {
        code: 'STATIC_PORT_IN_CLIENT_POOL',
        severity: 'warning',
        message:
          'The static MTA RPC port of EX01 is 3000, inside 1024-5000, the pool Windows NT hands out to outgoing connections: another process may hold it when the service starts (KB 180795, KB 194952). Choose a port above 5000 (KB 155831).',
        kb: ['KB 180795', 'KB 194952', 'KB 155831'],
        subjects: ['s'],
      },
      {
        code: 'STATIC_PORT_WELL_KNOWN',
        severity: 'info',
        message:
          'The static directory (DS) RPC port of EX01 is 100, a well-known port (below 1024): make sure no registered service on EX01 uses it (KB 194952), or choose a port above 5000.',
        kb: ['KB 194952'],
        subjects: ['s'],
      },
    ]);
  });

  it('DYNAMIC_RPC_PORTS on 5.5 with nothing narrowed: both ways to fix it', () => {
    expect(
      analyzePlan(
        makePlan({
          nodes: [
            client('c', 's', { name: 'Users', address: 'any', notifications: true }),
            firewall('fw', { name: 'FW' }),
            server('s', 'A', { name: 'EX01', address: '10.0.0.1' }),
          ],
          links: chain('c', 'fw', 's'),
        }),
      ).findings,
    ).toEqual([
      {
        code: 'DYNAMIC_RPC_PORTS',
        severity: 'warning',
        message:
          'FW must open TCP 1024-65535 to EX01 because the directory (DS) RPC port of EX01 is dynamic: the RPC endpoint mapper (TCP 135) hands it out at random (KB 176466). To open a single port instead, set HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters value "TCP/IP port" (REG_DWORD) on EX01 to a free port above 5000 and restart the computer; Exchange 4.0, 5.0 and 5.5 offer it (KB 148732, KB 155831). Or, to narrow the range, set HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\Internet value "Ports" (REG_MULTI_SZ) on EX01 to a range above 5000 of at least 20 ports, such as 5000-5020, with "PortsInternetAvailable"="Y" and "UseInternetPorts"="Y" (REG_SZ), restart the computer and give EX01 the same range as its RPC ports (KB 154596, KB 217351).',
        kb: ['KB 176466', 'KB 148732', 'KB 155831', 'KB 154596'],
        subjects: ['fw', 's'],
      },
      {
        code: 'DYNAMIC_RPC_PORTS',
        severity: 'warning',
        message:
          'FW must open TCP 1024-65535 to EX01 because the information store (IS) RPC port of EX01 is dynamic: the RPC endpoint mapper (TCP 135) hands it out at random (KB 176466). To open a single port instead, set HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem value "TCP/IP port" (REG_DWORD) on EX01 to a free port above 5000 and restart the computer; Exchange 4.0, 5.0 and 5.5 offer it (KB 148732, KB 155831). Or, to narrow the range, set HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\Internet value "Ports" (REG_MULTI_SZ) on EX01 to a range above 5000 of at least 20 ports, such as 5000-5020, with "PortsInternetAvailable"="Y" and "UseInternetPorts"="Y" (REG_SZ), restart the computer and give EX01 the same range as its RPC ports (KB 154596, KB 217351).',
        kb: ['KB 176466', 'KB 148732', 'KB 155831', 'KB 154596'],
        subjects: ['fw', 's'],
      },
    ]);
  });

  it('STATIC_PORT_CONFLICT among three static ports', () => {
    expect(
      analyzePlan(serverPlan({ staticPorts: { directory: 6000, store: 6000, mta: 6000 } })).findings,
    ).toEqual([
      {
        code: 'STATIC_PORT_CONFLICT',
        severity: 'error',
        message:
          'On EX01, port 6000 is wanted by the static directory (DS) RPC port, the static information store (IS) RPC port and the static MTA RPC port: a service whose port is already taken cannot register it and fails (error 1720, KB 180795). Give each of them its own port on EX01; a static RPC port a free one above 5000.',
        kb: ['KB 180795'],
        subjects: ['s'],
      },
    ]);
  });

  it('RPC_RANGE_SMALL for one port, and for few ports below 5000', () => {
    expect(
      analyzePlan(
        makePlan({
          nodes: [
            server('s', 'A', { name: 'EX01', rpcPorts: { from: 6000, to: 6000 } }),
            server('t', 'B', { name: 'EX02', rpcPorts: { from: 4000, to: 4010 } }),
          ],
        }),
      ).findings,
    ).toEqual([
      {
        code: 'RPC_RANGE_SMALL',
        severity: 'warning',
        message:
          'The RPC range of EX01, 6000, holds 1 port: too few ports make services fail to start ("The endpoint cannot be created"); open at least 15 to 20 ports above 5000 (KB 217351). To fix it, set HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\Internet value "Ports" (REG_MULTI_SZ) on EX01 to a range above 5000 of at least 20 ports, such as 5000-5020, with "PortsInternetAvailable"="Y" and "UseInternetPorts"="Y" (REG_SZ), restart the computer and give EX01 the same range as its RPC ports (KB 154596, KB 217351).',
        kb: ['KB 217351', 'KB 154596'],
        subjects: ['s'],
      },
      {
        code: 'RPC_RANGE_SMALL',
        severity: 'warning',
        message:
          'The RPC range of EX02, 4000-4010, holds 11 ports and starts below 5000, in the pool Windows gives to outgoing connections: too few ports make services fail to start ("The endpoint cannot be created"); open at least 15 to 20 ports above 5000 (KB 217351). To fix it, set HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Rpc\\Internet value "Ports" (REG_MULTI_SZ) on EX02 to a range above 5000 of at least 20 ports, such as 5000-5020, with "PortsInternetAvailable"="Y" and "UseInternetPorts"="Y" (REG_SZ), restart the computer and give EX02 the same range as its RPC ports (KB 154596, KB 217351).',
        kb: ['KB 217351', 'KB 154596'],
        subjects: ['t'],
      },
    ]);
  });
});
