import { describe, expect, it } from 'vitest';
import {
  createEmptyPlan,
  DEFAULT_SERVICES,
  DEFAULT_STATIC_PORTS,
  isEmptyPlan,
  LINK_DEFAULTS,
  NODE_DEFAULTS,
  NOTE_DEFAULTS,
  SITE_CONNECTOR_DEFAULTS,
  withDefaults,
} from './defaults';
import { loadPlan } from './load';
import { serializePlan } from './serialize';

describe('defaults', () => {
  it('are the values of SPEC §2', () => {
    expect(DEFAULT_SERVICES).toEqual({
      pop3: true,
      imap4: true,
      ldap: true,
      nntp: true,
      internetMail: false,
    });
    expect(DEFAULT_STATIC_PORTS).toEqual({ directory: null, store: null, mta: null, systemAttendant: null });
    expect(NODE_DEFAULTS).toEqual({
      server: {
        address: null,
        servicePack: 0,
        services: DEFAULT_SERVICES,
        staticPorts: DEFAULT_STATIC_PORTS,
        rfc1006Port: 102,
        ldapPort: 389,
        rpcPorts: null,
        smartHost: null,
        dns: null,
      },
      client: {
        address: null,
        auth: 'basic',
        server: null,
        sendsMail: true,
        smtpServer: null,
        notifications: false,
      },
      firewall: { nat: false },
      network: { address: null },
      smtpHost: { address: null, direction: 'both' },
      owa: { address: null, servers: [] },
      dns: { address: null },
      newsHost: { address: null, server: null, feed: 'both' },
    });
    expect(LINK_DEFAULTS).toEqual({ aInterface: null, bInterface: null });
    expect(SITE_CONNECTOR_DEFAULTS).toEqual({
      bridgeheadA: null,
      targetsA: [],
      bridgeheadB: null,
      targetsB: [],
    });
    expect(NOTE_DEFAULTS).toEqual({ about: null, resolved: false });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_SERVICES)).toBe(true);
    expect(Object.isFrozen(NODE_DEFAULTS.server)).toBe(true);
    expect(Object.isFrozen(NODE_DEFAULTS.owa.servers)).toBe(true);
    expect(Object.isFrozen(SITE_CONNECTOR_DEFAULTS.targetsA)).toBe(true);
  });

  it('are copied, not shared, into a loaded plan', () => {
    const plan = withDefaults({
      format: 'exchange-port-plan',
      version: 2,
      sites: [{ id: 's', name: 'S' }],
      nodes: [
        { id: 'ex1', type: 'server', name: 'EX1', site: 's', exchange: '5.5' },
        { id: 'o', type: 'owa', name: 'O', exchange: '5.5' },
      ],
      links: [],
      connectors: [{ id: 'k', type: 'site', a: 's', b: 's' }],
    });
    const owa = plan.nodes[1];
    if (owa?.type !== 'owa') throw new Error('expected an owa node');
    owa.servers.push('ex1');
    expect(NODE_DEFAULTS.owa.servers).toEqual([]);
    const k = plan.connectors[0];
    if (k?.type !== 'site') throw new Error('expected a site connector');
    k.targetsA.push('ex1');
    expect(SITE_CONNECTOR_DEFAULTS.targetsA).toEqual([]);
    const ex1 = plan.nodes[0];
    if (ex1?.type !== 'server') throw new Error('expected a server');
    expect(ex1.services).toEqual(DEFAULT_SERVICES);
    expect(ex1.services).not.toBe(DEFAULT_SERVICES);
    expect(ex1.staticPorts).not.toBe(DEFAULT_STATIC_PORTS);
    ex1.services.internetMail = true;
    expect(DEFAULT_SERVICES.internetMail).toBe(false);
  });
});

describe('createEmptyPlan', () => {
  it('makes a plan of the current version that loads and keeps its name', () => {
    const plan = createEmptyPlan('Contoso');
    expect(plan).toEqual({
      format: 'exchange-port-plan',
      version: 2,
      name: 'Contoso',
      sites: [],
      nodes: [],
      links: [],
      connectors: [],
      notes: [],
    });
    expect(loadPlan(serializePlan(plan))).toEqual({ ok: true, plan });
    expect(createEmptyPlan().name).toBe('');
  });

  it('gives a fresh plan each time', () => {
    const a = createEmptyPlan();
    a.nodes.push({ id: 'fw', type: 'firewall', name: 'FW', nat: false });
    expect(createEmptyPlan().nodes).toEqual([]);
  });
});

describe('isEmptyPlan', () => {
  it('is true only while nothing is drawn, whatever the name', () => {
    expect(isEmptyPlan(createEmptyPlan('Named but empty'))).toBe(true);
    expect(isEmptyPlan({ ...createEmptyPlan(), sites: [{ id: 's1', name: 'S1' }] })).toBe(false);
    expect(
      isEmptyPlan({ ...createEmptyPlan(), nodes: [{ id: 'fw', type: 'firewall', name: 'FW', nat: false }] }),
    ).toBe(false);
  });
});
