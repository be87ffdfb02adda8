/**
 * Where each finding leads: the findings come from the engine itself, so a
 * change of a subject's order or of a message's wording that the mapping
 * relies on fails here.
 */
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import type { FindingCode } from '../engine/types';
import type { Plan } from '../model/types';
import {
  chain,
  client,
  connector,
  dns,
  firewall,
  link,
  makePlan,
  network,
  newsHost,
  owa,
  server,
  siteConnector,
  smtpHost,
} from '../test/factories';
import { findingFix } from './findingFix';

/** The fix of the only finding of `code` in the plan. */
function fixOf(plan: Plan, code: FindingCode) {
  const found = analyzePlan(plan).findings.filter((f) => f.code === code);
  expect(found).toHaveLength(1);
  return findingFix(found[0] as (typeof found)[number], plan);
}

/** Every fix of `code`, in the engine's order. */
function fixesOf(plan: Plan, code: FindingCode) {
  return analyzePlan(plan)
    .findings.filter((f) => f.code === code)
    .map((f) => findingFix(f, plan));
}

const x400Plan = (aPort: number, bPort: number) =>
  makePlan({
    nodes: [
      server('a', 'A', { rfc1006Port: aPort }),
      server('b', 'B', { rfc1006Port: bPort }),
      network('wan'),
    ],
    links: chain('a', 'wan', 'b'),
    connectors: [{ id: 'k1', type: 'x400', a: 'a', b: 'b' }],
  });

describe('findingFix', () => {
  it('leads an RFC1006 mismatch to the connector and the port off the default', () => {
    expect(fixOf(x400Plan(102, 1102), 'RFC1006_PORT_MISMATCH')).toEqual({
      select: 'k1',
      field: 'rfc1006Port:b',
    });
    expect(fixOf(x400Plan(1102, 102), 'RFC1006_PORT_MISMATCH')).toEqual({
      select: 'k1',
      field: 'rfc1006Port:a',
    });
    expect(fixOf(x400Plan(2000, 3000), 'RFC1006_PORT_MISMATCH')).toEqual({
      select: 'k1',
      field: 'rfc1006Port:a',
    });
  });

  it('leads an X.400 connector inside one site to the second server’s site', () => {
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'A'), network('lan')],
      links: chain('a', 'lan', 'b'),
      connectors: [connector('x400', 'a', 'b', 'k1')],
    });
    expect(fixOf(plan, 'CONNECTOR_SAME_SITE')).toEqual({ select: 'b', field: 'site' });
  });

  it('leads a Site Connector to its own site to the connector, with no field', () => {
    const plan = makePlan({ nodes: [server('a', 'A')], connectors: [siteConnector('A', 'A', {}, 'k1')] });
    expect(fixOf(plan, 'CONNECTOR_SAME_SITE')).toEqual({ select: 'k1', field: null });
  });

  it('leads a misplaced bridgehead or target to that half of the Site Connector', () => {
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'B'), network('wan')],
      links: chain('a', 'wan', 'b'),
      connectors: [siteConnector('A', 'B', { bridgeheadB: 'a' }, 'k1')],
    });
    expect(fixOf(plan, 'CONNECTOR_SERVER_NOT_IN_SITE')).toEqual({ select: 'k1', field: 'bridgehead:B' });
    const targets = makePlan({
      nodes: [server('a', 'A'), server('b', 'B'), network('wan')],
      links: chain('a', 'wan', 'b'),
      connectors: [siteConnector('A', 'B', { targetsA: ['a'] }, 'k1')],
    });
    expect(fixOf(targets, 'CONNECTOR_SERVER_NOT_IN_SITE')).toEqual({ select: 'k1', field: 'targets:A' });
  });

  it('leads a client’s version, service and authentication findings to the field that fixes each', () => {
    const lan = (nodes: Plan['nodes']) =>
      makePlan({ nodes: [...nodes, network('lan')], links: chain('c', 'lan', 's') });
    expect(
      fixOf(
        lan([
          server('s', 'A', { exchange: '4.0' }),
          client('c', 's', { protocol: 'pop3', sendsMail: false }),
        ]),
        'PROTOCOL_NOT_IN_VERSION',
      ),
    ).toEqual({ select: 's', field: 'exchange' });
    expect(
      fixOf(
        lan([
          server('s', 'A', { services: { imap4: false } }),
          client('c', 's', { protocol: 'imap4', sendsMail: false }),
        ]),
        'PROTOCOL_DISABLED',
      ),
    ).toEqual({ select: 's', field: 'service:imap4' });
    expect(
      fixOf(lan([server('s', 'A'), client('c', 's', { protocol: 'pop3' })]), 'NO_INTERNET_MAIL'),
    ).toEqual({ select: 's', field: 'service:internetMail' });
    expect(
      fixOf(
        lan([server('s', 'A', { exchange: '5.0' }), client('c', 's', { protocol: 'ldap', auth: 'ntlm' })]),
        'AUTH_NOT_IN_VERSION',
      ),
    ).toEqual({ select: 'c', field: 'auth' });
  });

  it('leads a news host whose server has NNTP off to that server’s NNTP box', () => {
    const plan = makePlan({
      nodes: [server('s', 'A', { services: { nntp: false } }), newsHost('n', 's'), network('lan')],
      links: chain('n', 'lan', 's'),
    });
    expect(fixOf(plan, 'PROTOCOL_DISABLED')).toEqual({ select: 's', field: 'service:nntp' });
  });

  it('leads a node without a server to its server picker', () => {
    expect(fixOf(makePlan({ nodes: [client('c', null)] }), 'CLIENT_WITHOUT_SERVER')).toEqual({
      select: 'c',
      field: 'server',
    });
    expect(fixOf(makePlan({ nodes: [newsHost('n', null)] }), 'CLIENT_WITHOUT_SERVER')).toEqual({
      select: 'n',
      field: 'server',
    });
    expect(fixOf(makePlan({ nodes: [owa('o')] }), 'CLIENT_WITHOUT_SERVER')).toEqual({
      select: 'o',
      field: 'servers',
    });
  });

  it('leads a server’s own settings to the port, range, pack or version that fixes them', () => {
    expect(
      fixOf(
        makePlan({ nodes: [server('s', 'A', { exchange: '4.0', servicePack: 2, rfc1006Port: 1102 })] }),
        'FEATURE_NOT_IN_VERSION',
      ),
    ).toEqual({ select: 's', field: 'rfc1006Port' });
    expect(
      fixOf(
        makePlan({
          nodes: [server('s', 'A', { exchange: '4.0', servicePack: 2, staticPorts: { mta: 6003 } })],
        }),
        'FEATURE_NOT_IN_VERSION',
      ),
    ).toEqual({ select: 's', field: 'staticPort:mta' });
    expect(
      fixOf(
        makePlan({ nodes: [server('s', 'A', { exchange: '5.0', ldapPort: 390 })] }),
        'FEATURE_NOT_IN_VERSION',
      ),
    ).toEqual({ select: 's', field: 'ldapPort' });
    expect(
      fixOf(
        makePlan({ nodes: [server('s', 'A', { staticPorts: { store: 4000 } })] }),
        'STATIC_PORT_IN_CLIENT_POOL',
      ),
    ).toEqual({ select: 's', field: 'staticPort:store' });
    expect(
      fixOf(
        makePlan({ nodes: [server('s', 'A', { staticPorts: { systemAttendant: 900 } })] }),
        'STATIC_PORT_WELL_KNOWN',
      ),
    ).toEqual({ select: 's', field: 'staticPort:systemAttendant' });
    expect(
      fixOf(
        makePlan({ nodes: [server('s', 'A', { staticPorts: { directory: 6001, store: 6001 } })] }),
        'STATIC_PORT_CONFLICT',
      ),
    ).toEqual({ select: 's', field: 'staticPort:directory' });
    expect(
      fixOf(
        makePlan({ nodes: [server('s', 'A', { rpcPorts: { from: 6000, to: 6005 } })] }),
        'RPC_RANGE_SMALL',
      ),
    ).toEqual({ select: 's', field: 'rpcRange' });
    expect(
      fixOf(
        makePlan({ nodes: [server('s', 'A', { services: { internetMail: true } }), smtpHost('h')] }),
        'IMS_WITHOUT_DNS',
      ),
    ).toEqual({ select: 's', field: 'dns' });
  });

  it('leads each dynamic RPC port through a firewall to that static port of the server', () => {
    // Servers of one site talk to each other's directory and MTA over RPC.
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'A'), firewall('fw')],
      links: chain('a', 'fw', 'b'),
    });
    expect(new Set(fixesOf(plan, 'DYNAMIC_RPC_PORTS').map((f) => `${f.select} ${f.field}`))).toEqual(
      new Set(['a staticPort:directory', 'a staticPort:mta', 'b staticPort:directory', 'b staticPort:mta']),
    );
  });

  it('leads flows through firewalls to the firewall’s NAT box, the endpoint’s address, the client’s notifications', () => {
    const nat = makePlan({
      nodes: [server('s', 'A'), client('c', 's', { sendsMail: false }), firewall('fw', { nat: true })],
      links: chain('c', 'fw', 's'),
    });
    expect(fixOf(nat, 'RPC_THROUGH_NAT')).toEqual({ select: 'fw', field: 'nat' });
    expect(fixOf(nat, 'MAPI_NOTIFICATIONS_UDP')).toEqual({ select: 'c', field: 'notifications' });
    expect(fixesOf(nat, 'ADDRESS_MISSING')[0]?.field).toBe('address');
  });

  it('leads to the object alone when no single field fixes the finding', () => {
    expect(fixOf(makePlan({ nodes: [firewall('fw')] }), 'FIREWALL_UNUSED')).toEqual({
      select: 'fw',
      field: null,
    });
    const apart = makePlan({ nodes: [server('s', 'A'), client('c', 's', { sendsMail: false })] });
    expect(fixOf(apart, 'NO_NETWORK_PATH')).toEqual({ select: 'c', field: null });
    expect(
      fixOf(makePlan({ nodes: [smtpHost('h', { direction: 'inbound' })] }), 'NO_INTERNET_MAIL_SERVER'),
    ).toEqual({ select: 'h', field: 'direction' });
  });

  it('leads OWA findings to the server’s version and the client’s authentication', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { exchange: '4.0', servicePack: 4 }),
        owa('o', ['s']),
        client('w', 'o', { protocol: 'web', auth: 'ntlm' }),
        network('lan'),
        dns('d'),
      ],
      links: [link('w', 'lan'), link('lan', 'o'), link('o', 'lan2'), link('lan2', 's')],
    });
    expect(fixOf(plan, 'OWA_SERVER_VERSION')).toEqual({ select: 's', field: 'exchange' });
    expect(fixOf(plan, 'OWA_NTLM')).toEqual({ select: 'w', field: 'auth' });
  });

  it('leads nowhere when the object is no longer in the plan', () => {
    const plan = x400Plan(102, 1102);
    const finding = analyzePlan(plan).findings[0];
    expect(finding).toBeDefined();
    if (!finding) return;
    expect(findingFix(finding, { ...plan, connectors: [] })).toEqual({ select: null, field: null });
  });
});
