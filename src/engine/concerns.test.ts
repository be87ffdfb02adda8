import { describe, expect, it } from 'vitest';
import { brokenFlowTest, destinationKey, flowConcerns, mtaReplyKey, pairKey, rpcPairKey } from './concerns';
import type { Flow, Relationship } from './types';

/**
 * The concern keys are the contract between a finding and the flows it breaks
 * (SPEC §5: every flow of the relationship an error finding is about is drawn
 * as an error). These tests pin the keys a flow answers to, kind by kind, and
 * that the fast test of analyze.ts agrees with them.
 */

type ConcernFlow = Pick<Flow, 'source' | 'destination' | 'service' | 'rpc' | 'relationship'>;

function flow(relationship: Relationship, over: Partial<ConcernFlow> = {}): ConcernFlow {
  return { source: 'src', destination: 'dst', service: 'SMTP', relationship, ...over };
}

function asFlow(f: ConcernFlow): Flow {
  return {
    id: `${f.source}>${f.destination}`,
    protocol: 'TCP',
    ports: { from: 25, to: 25 },
    dynamic: false,
    reason: '',
    firewalls: [],
    crossings: [],
    links: [],
    routed: true,
    status: 'ok',
    ...f,
  };
}

describe('relationship keys', () => {
  const cases: [Relationship, string][] = [
    [{ kind: 'client', client: 'c1', server: 'ex1', protocol: 'pop3', auth: 'basic' }, 'rel:client:c1'],
    [{ kind: 'owa', owa: 'owa1', server: 'ex1' }, 'rel:owa:owa1>ex1'],
    [{ kind: 'intrasite', from: 'ex1', to: 'ex2' }, 'rel:intrasite:ex1>ex2'],
    [{ kind: 'siteConnector', connector: 'k1', from: 'ex1', to: 'ex2' }, 'rel:connector:k1'],
    [{ kind: 'x400Connector', connector: 'k2' }, 'rel:connector:k2'],
    [{ kind: 'smtpHost', host: 'h1', server: 'ex1' }, 'rel:smtp:h1>ex1'],
    [{ kind: 'smartHost', server: 'ex1', host: 'h1' }, 'rel:smart:ex1'],
    [{ kind: 'dns', server: 'ex1', dns: 'd1' }, 'rel:dns:ex1'],
    [{ kind: 'newsHost', host: 'n1', server: 'ex1' }, 'rel:news:n1'],
  ];
  it.each(cases)('%o answers to %s and to that key with its service', (relationship, key) => {
    const keys = flowConcerns(flow(relationship, { service: 'SMTP' }));
    expect(keys.slice(0, 2)).toEqual([key, `${key}:SMTP`]);
  });

  it('keys of different relationships never coincide', () => {
    const keys = cases.map(([r]) => flowConcerns(flow(r))[0]);
    expect(new Set(keys).size).toBe(cases.length);
  });
});

describe('flowConcerns', () => {
  const client: Relationship = {
    kind: 'client',
    client: 'c1',
    server: 'ex1',
    protocol: 'mapi',
    auth: 'ntlm',
  };

  it('a plain flow: its relationship and the unordered pair of its ends', () => {
    expect(flowConcerns(flow(client, { source: 'zed', destination: 'abe', service: 'POP3' }))).toEqual([
      'rel:client:c1',
      'rel:client:c1:POP3',
      'pair:abe|zed',
    ]);
  });

  it('the pair key is the same both ways and keeps equal ends', () => {
    expect(pairKey('b', 'a')).toBe('pair:a|b');
    expect(pairKey('a', 'b')).toBe('pair:a|b');
    expect(pairKey('a', 'a')).toBe('pair:a|a');
    expect(rpcPairKey('b', 'a')).toBe('rpcpair:a|b');
  });

  it('an RPC flow to a static service also answers to its RPC pair and to that service on its destination', () => {
    for (const rpc of ['directory', 'store', 'mta', 'systemAttendant'] as const) {
      expect(flowConcerns(flow(client, { rpc, service: 'Directory (RPC)' }))).toEqual([
        'rel:client:c1',
        'rel:client:c1:Directory (RPC)',
        'pair:dst|src',
        'rpcpair:dst|src',
        `dest:dst:${rpc}`,
      ]);
    }
  });

  it('the endpoint mapper and RPC replies have no static service to break', () => {
    for (const rpc of ['endpointMapper', 'reply'] as const) {
      expect(flowConcerns(flow(client, { rpc, service: 'RPC endpoint mapper' }))).toEqual([
        'rel:client:c1',
        'rel:client:c1:RPC endpoint mapper',
        'pair:dst|src',
        'rpcpair:dst|src',
      ]);
    }
  });

  it('X.400 and LDAP flows answer to their port on the destination', () => {
    const x400: Relationship = { kind: 'x400Connector', connector: 'k1' };
    expect(flowConcerns(flow(x400, { service: 'X.400 (RFC1006)' }))).toContain(destinationKey('dst', 'x400'));
    expect(flowConcerns(flow(client, { service: 'LDAP' }))).toContain('dest:dst:ldap');
    expect(flowConcerns(flow(client, { service: 'LDAP over SSL' })).some((k) => k.startsWith('dest:'))).toBe(
      false,
    );
    expect(flowConcerns(flow(client, { service: 'SMTP' })).some((k) => k.startsWith('dest:'))).toBe(false);
  });

  it('a Site Connector flow answers to the MTA replies of both of its servers', () => {
    const site: Relationship = { kind: 'siteConnector', connector: 'k1', from: 'src', to: 'dst' };
    expect(flowConcerns(flow(site, { service: 'MTA (RPC)', rpc: 'mta' }))).toEqual([
      'rel:connector:k1',
      'rel:connector:k1:MTA (RPC)',
      'pair:dst|src',
      'rpcpair:dst|src',
      'dest:dst:mta',
      mtaReplyKey('src'),
      mtaReplyKey('dst'),
    ]);
    const x400: Relationship = { kind: 'x400Connector', connector: 'k2' };
    expect(flowConcerns(flow(x400, { service: 'MTA (RPC)', rpc: 'mta' }))).not.toContain(mtaReplyKey('src'));
  });

  it('with `only`, it makes just those kinds and never the relationship keys', () => {
    const site: Relationship = { kind: 'siteConnector', connector: 'k1', from: 'src', to: 'dst' };
    const f = flow(site, { service: 'MTA (RPC)', rpc: 'mta' });
    expect(flowConcerns(f, new Set(['dest']))).toEqual(['dest:dst:mta']);
    expect(flowConcerns(f, new Set(['pair']))).toEqual(['pair:dst|src']);
    expect(flowConcerns(f, new Set(['rpcpair']))).toEqual(['rpcpair:dst|src']);
    expect(flowConcerns(f, new Set(['mtareply']))).toEqual(['mtareply:src', 'mtareply:dst']);
    expect(flowConcerns(f, new Set(['rel']))).toEqual([]);
    expect(flowConcerns(flow(client, { service: 'LDAP' }), new Set(['dest']))).toEqual(['dest:dst:ldap']);
    expect(flowConcerns(flow(client, { service: 'SMTP' }), new Set(['rpcpair', 'dest']))).toEqual([]);
  });
});

describe('brokenFlowTest', () => {
  const owa: Relationship = { kind: 'owa', owa: 'owa1', server: 'ex1' };
  const other: Relationship = { kind: 'owa', owa: 'owa2', server: 'ex1' };
  const flows = [
    asFlow(flow(owa, { source: 'owa1', destination: 'ex1', service: 'LDAP' })),
    asFlow(
      flow(owa, {
        source: 'owa1',
        destination: 'ex1',
        service: 'RPC endpoint mapper',
        rpc: 'endpointMapper',
      }),
    ),
    asFlow(flow(other, { source: 'owa2', destination: 'ex1', service: 'LDAP' })),
    asFlow(flow(other, { source: 'owa2', destination: 'ex2', service: 'Directory (RPC)', rpc: 'directory' })),
  ];

  /** What the full key list says, the reference the fast test must agree with. */
  const reference = (broken: Set<string>) => flows.map((f) => flowConcerns(f).some((k) => broken.has(k)));

  const sets: string[][] = [
    [],
    ['rel:owa:owa1>ex1'],
    ['rel:owa:owa2>ex1:LDAP'],
    ['dest:ex1:ldap'],
    ['dest:ex2:directory'],
    ['rpcpair:ex1|owa1'],
    ['pair:ex2|owa2', 'rel:owa:owa1>ex1:LDAP'],
    ['mtareply:ex1'],
    ['rel:owa:nobody>ex1'],
  ];
  it.each(sets)('agrees with the full key list for %j', (...keys) => {
    const broken = new Set(keys);
    const test = brokenFlowTest(broken);
    expect(flows.map(test)).toEqual(reference(broken));
    // Asked again (its relationship keys are kept per relationship), the answers stay the same.
    expect(flows.map(test)).toEqual(reference(broken));
  });

  it('a relationship key breaks every flow of that relationship, and only those', () => {
    const test = brokenFlowTest(new Set(['rel:owa:owa1>ex1']));
    expect(flows.map(test)).toEqual([true, true, false, false]);
  });

  it('a relationship key with a service breaks only that service', () => {
    const test = brokenFlowTest(new Set(['rel:owa:owa2>ex1:LDAP']));
    expect(flows.map(test)).toEqual([false, false, true, false]);
  });

  it('flows of two relationships with equal fields are told apart by their keys, not by object identity', () => {
    const twin: Relationship = { kind: 'owa', owa: 'owa1', server: 'ex1' };
    const test = brokenFlowTest(new Set(['rel:owa:owa1>ex1']));
    expect(test(asFlow(flow(twin, { source: 'owa1', destination: 'ex1' })))).toBe(true);
    expect(test(asFlow(flow(other, { source: 'owa1', destination: 'ex1' })))).toBe(false);
  });
});
