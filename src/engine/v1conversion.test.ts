/**
 * SPEC §2.1: a version 1 plan, migrated, gives exactly the flows version 1
 * gave. The one relationship whose shape changed is the Site Connector: v1
 * joined two servers X and Y (X → Y: 135 and Y's MTA port; Y → X: 135 and X's
 * MTA port); v2 turns it into two halves with X and Y as each other's
 * bridgehead and only target. The oracle below states the v1 rule on its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import { analyzePlan } from './analyze';
import { formatPorts } from './matrix';
import { dynamicRange, staticRpcPort } from './portInForce';

const v1Server = fc.record({
  site: fc.nat(2),
  exchange: fc.constantFrom('4.0', '5.0', '5.5'),
  servicePack: fc.nat(4),
  mta: fc.constantFrom(null, null, 6003, 7003),
  internetMail: fc.boolean(),
});
const v1Client = fc.record({
  server: fc.nat(),
  protocol: fc.constantFrom('mapi', 'pop3', 'imap4', 'ldap', 'nntp'),
  auth: fc.constantFrom('basic', 'ntlm', 'ssl'),
});

/** A version 1 document: servers in three sites on one LAN behind a firewall, clients, connectors between servers. */
const v1Document = fc
  .record({
    servers: fc.array(v1Server, { minLength: 2, maxLength: 6 }),
    clients: fc.array(v1Client, { maxLength: 3 }),
    connectors: fc.array(fc.tuple(fc.constantFrom('site', 'x400'), fc.nat(), fc.nat()), { maxLength: 4 }),
  })
  .map(({ servers, clients, connectors }) => {
    const n = servers.length;
    const nodes: Record<string, unknown>[] = servers.map((s, i) => ({
      id: `s${i}`,
      type: 'server',
      name: `EX${i}`,
      site: `site${s.site}`,
      exchange: s.exchange,
      servicePack: s.exchange === '5.0' ? Math.min(s.servicePack, 2) : s.servicePack,
      services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: s.internetMail },
      staticPorts: { directory: null, store: null, mta: s.mta },
      rfc1006Port: 102,
    }));
    clients.forEach((c, i) => {
      nodes.push({
        id: `c${i}`,
        type: 'client',
        name: `Users ${i}`,
        protocol: c.protocol,
        auth: c.auth,
        server: `s${c.server % n}`,
        sendsMail: true,
      });
    });
    nodes.push({ id: 'fw', type: 'firewall', name: 'FW' }, { id: 'lan', type: 'network', name: 'LAN' });
    const links = nodes
      .filter((node) => node.id !== 'lan' && node.id !== 'fw')
      .map((node, i) => ({ id: `l${i}`, a: node.id, b: i % 2 ? 'lan' : 'fw' }));
    links.push({ id: 'lx', a: 'fw', b: 'lan' });
    return {
      format: 'exchange-port-plan',
      version: 1,
      name: 'v1',
      sites: [0, 1, 2].map((i) => ({ id: `site${i}`, name: `Site ${i}` })),
      nodes,
      links,
      connectors: connectors.flatMap(([type, x, y], i) =>
        x % n === y % n ? [] : [{ id: `k${i}`, type, a: `s${x % n}`, b: `s${y % n}` }],
      ),
    };
  });

const summary = (plan: Plan) =>
  new Set(
    analyzePlan(plan).flows.map(
      (f) => `${f.source}>${f.destination} ${f.protocol} ${formatPorts(f.ports)} ${f.service}`,
    ),
  );

describe('a version 1 plan converted per SPEC §2.1', () => {
  it('gives the flows of the v1 Site Connector rule, and every other flow unchanged', () => {
    fc.assert(
      fc.property(v1Document, (doc) => {
        const loaded = loadPlan(doc);
        if (!loaded.ok) throw new Error(loaded.error);
        const plan = loaded.plan;
        const withoutSiteConnectors = {
          ...plan,
          connectors: plan.connectors.filter((k) => k.type !== 'site'),
        };
        const expected = summary(withoutSiteConnectors);
        const servers = new Map(
          plan.nodes.flatMap((node) => (node.type === 'server' ? [[node.id, node]] : [])),
        );
        const mta = (id: string) => {
          const s = servers.get(id);
          if (!s) throw new Error(id);
          const port = staticRpcPort(s, 'mta');
          return port === null ? formatPorts(dynamicRange(s)) : String(port);
        };
        for (const k of doc.connectors) {
          if (k.type !== 'site') continue;
          for (const [x, y] of [
            [k.a, k.b],
            [k.b, k.a],
          ] as const) {
            expected.add(`${x}>${y} TCP 135 RPC endpoint mapper`);
            expected.add(`${x}>${y} TCP ${mta(y)} MTA (RPC)`);
          }
        }
        expect([...summary(plan)].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 150 },
    );
  });
});
