import { describe, expect, it } from 'vitest';
import {
  createEmptyPlan,
  DEFAULT_SERVICES,
  DEFAULT_STATIC_PORTS,
  isEmptyPlan,
  NODE_DEFAULTS,
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
    expect(DEFAULT_STATIC_PORTS).toEqual({ directory: null, store: null, mta: null });
    expect(NODE_DEFAULTS).toEqual({
      server: {
        servicePack: 0,
        services: DEFAULT_SERVICES,
        staticPorts: DEFAULT_STATIC_PORTS,
        rfc1006Port: 102,
      },
      client: { auth: 'basic', server: null, sendsMail: true },
      firewall: {},
      network: {},
      smtpHost: { direction: 'both' },
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_SERVICES)).toBe(true);
    expect(Object.isFrozen(NODE_DEFAULTS.server)).toBe(true);
  });

  it('are copied, not shared, into a loaded plan', () => {
    const plan = withDefaults({
      format: 'exchange-port-plan',
      version: 1,
      sites: [{ id: 's', name: 'S' }],
      nodes: [{ id: 'ex1', type: 'server', name: 'EX1', site: 's', exchange: '5.5' }],
      links: [],
    });
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
      version: 1,
      name: 'Contoso',
      sites: [],
      nodes: [],
      links: [],
      connectors: [],
    });
    expect(loadPlan(serializePlan(plan))).toEqual({ ok: true, plan });
    expect(createEmptyPlan().name).toBe('');
  });

  it('gives a fresh plan each time', () => {
    const a = createEmptyPlan();
    a.nodes.push({ id: 'fw', type: 'firewall', name: 'FW' });
    expect(createEmptyPlan().nodes).toEqual([]);
  });
});

describe('isEmptyPlan', () => {
  it('is true only while nothing is drawn, whatever the name', () => {
    expect(isEmptyPlan(createEmptyPlan('Named but empty'))).toBe(true);
    expect(isEmptyPlan({ ...createEmptyPlan(), sites: [{ id: 's1', name: 'S1' }] })).toBe(false);
    expect(isEmptyPlan({ ...createEmptyPlan(), nodes: [{ id: 'fw', type: 'firewall', name: 'FW' }] })).toBe(
      false,
    );
  });
});
