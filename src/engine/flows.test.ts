import { describe, expect, it } from 'vitest';
import type { ClientAuth, ClientProtocol, SmtpDirection } from '../model/types';
import { client, connector, makePlan, server, smtpHost } from '../test/factories';
import { analyzePlan } from './analyze';
import { formatPorts } from './matrix';
import type { Analysis } from './types';

/** Flows as `source>destination port service`, in the engine's order. */
function summary(analysis: Analysis): string[] {
  return analysis.flows.map((f) => `${f.source}>${f.destination} ${formatPorts(f.ports)} ${f.service}`);
}

const sorted = (xs: string[]) => [...xs].sort();

describe('client flows (SPEC §3, KB 176466 scenarios 1–4)', () => {
  const cases: [ClientProtocol, ClientAuth, string][] = [
    ['pop3', 'basic', '110 POP3'],
    ['pop3', 'ntlm', '110 POP3'],
    ['pop3', 'ssl', '995 POP3 over SSL'],
    ['imap4', 'basic', '143 IMAP4'],
    ['imap4', 'ntlm', '143 IMAP4'],
    ['imap4', 'ssl', '993 IMAP4 over SSL'],
    ['ldap', 'basic', '389 LDAP'],
    ['ldap', 'ntlm', '389 LDAP'],
    ['ldap', 'ssl', '636 LDAP over SSL'],
    ['nntp', 'basic', '119 NNTP'],
    ['nntp', 'ntlm', '119 NNTP'],
    ['nntp', 'ssl', '563 NNTP over SSL'],
  ];

  it.each(cases)('%s with %s auth and no sending needs %s', (protocol, auth, expected) => {
    const plan = makePlan({
      nodes: [server('s', 'A'), client('c', 's', { protocol, auth, sendsMail: false })],
    });
    expect(summary(analyzePlan(plan))).toEqual([`c>s ${expected}`]);
  });

  it.each(cases)(
    '%s with %s auth that sends mail adds SMTP 25 only for pop3 and imap4',
    (protocol, auth, expected) => {
      const plan = makePlan({
        nodes: [
          server('s', 'A', { services: { internetMail: true } }),
          client('c', 's', { protocol, auth, sendsMail: true }),
        ],
      });
      const sendsSmtp = protocol === 'pop3' || protocol === 'imap4';
      expect(summary(analyzePlan(plan))).toEqual(
        sendsSmtp ? ['c>s 25 SMTP', `c>s ${expected}`] : [`c>s ${expected}`],
      );
    },
  );

  it('a mapi client with dynamic ports needs 135 and two 1024-65535 ranges, whatever its auth', () => {
    for (const auth of ['basic', 'ntlm', 'ssl'] as const) {
      const analysis = analyzePlan(makePlan({ nodes: [server('s', 'A'), client('c', 's', { auth })] }));
      expect(summary(analysis)).toEqual([
        'c>s 135 RPC endpoint mapper',
        'c>s 1024-65535 Directory (RPC)',
        'c>s 1024-65535 Information Store (RPC)',
      ]);
      expect(analysis.flows.map((f) => f.rpc)).toEqual(['endpointMapper', 'directory', 'store']);
    }
  });

  it("a mapi client of a server with static ports needs 135 and the server's directory and store ports", () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A', { staticPorts: { directory: 6001, store: 6002, mta: 6003 } }),
        client('c', 's', { protocol: 'mapi' }),
      ],
    });
    expect(summary(analyzePlan(plan))).toEqual([
      'c>s 135 RPC endpoint mapper',
      'c>s 6001 Directory (RPC)',
      'c>s 6002 Information Store (RPC)',
    ]);
  });

  it('a client with no server, or whose server is not a server, has no flows', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A'),
        client('none', null),
        client('other', 'c2', { protocol: 'pop3' }),
        client('c2', 's', { protocol: 'ldap' }),
      ],
    });
    expect(summary(analyzePlan(plan))).toEqual(['c2>s 389 LDAP']);
  });

  it('reasons name the nodes and the scenario', () => {
    const plan = makePlan({
      nodes: [
        server('ex1', 'ams', { name: 'EXAMS01' }),
        client('c1', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', sendsMail: false }),
      ],
    });
    expect(analyzePlan(plan).flows[0]?.reason).toBe(
      'Home POP3 users retrieves mail from EXAMS01 over POP3 with SSL (KB 176466, scenario 1: POP3 clients).',
    );
  });

  it('NNTP over SSL cites KB 175440, not KB 176466; plain NNTP cites KB 176466', () => {
    const plan = makePlan({
      nodes: [
        server('s', 'A'),
        client('ssl', 's', { protocol: 'nntp', auth: 'ssl' }),
        client('plain', 's', { protocol: 'nntp', auth: 'basic' }),
      ],
    });
    const [plain, ssl] = analyzePlan(plan).flows;
    expect(ssl?.service).toBe('NNTP over SSL');
    expect(ssl?.reason).toContain('KB 175440');
    expect(ssl?.reason).not.toContain('176466');
    expect(plain?.reason).toContain('KB 176466');
  });

  it('a name that is empty falls back to the id in reasons', () => {
    const plan = makePlan({
      nodes: [server('s', 'A', { name: '' }), client('c', 's', { protocol: 'ldap' })],
    });
    expect(analyzePlan(plan).flows[0]?.reason).toBe(
      'c reads the directory of s over LDAP (KB 176466, scenario 3: LDAP clients).',
    );
  });
});

describe('server-to-server flows (SPEC §3, KB 176466 scenarios 5, 6a, 6b)', () => {
  it('servers of one site talk in every ordered pair: 135, DS and MTA of the destination', () => {
    const plan = makePlan({
      nodes: [
        server('s1', 'A', { staticPorts: { directory: 6001, mta: 6003 } }),
        server('s2', 'A'),
        server('s3', 'A', { staticPorts: { directory: 7001 } }),
        server('other', 'B'),
      ],
    });
    const flows = summary(analyzePlan(plan));
    const expected: string[] = [];
    const ds: Record<string, string> = { s1: '6001', s2: '1024-65535', s3: '7001' };
    const mta: Record<string, string> = { s1: '6003', s2: '1024-65535', s3: '1024-65535' };
    for (const s of ['s1', 's2', 's3']) {
      for (const t of ['s1', 's2', 's3']) {
        if (s === t) continue;
        expected.push(
          `${s}>${t} 135 RPC endpoint mapper`,
          `${s}>${t} ${ds[t]} Directory (RPC)`,
          `${s}>${t} ${mta[t]} MTA (RPC)`,
        );
      }
    }
    expect(sorted(flows)).toEqual(sorted(expected));
    expect(flows.some((f) => f.includes('other'))).toBe(false);
  });

  it('a site connector needs 135 and the MTA port of the destination, both ways', () => {
    const plan = makePlan({
      nodes: [server('a', 'A', { staticPorts: { mta: 7000 } }), server('b', 'B')],
      connectors: [connector('site', 'A', 'B')],
    });
    expect(summary(analyzePlan(plan))).toEqual([
      'a>b 135 RPC endpoint mapper',
      'a>b 1024-65535 MTA (RPC)',
      'b>a 135 RPC endpoint mapper',
      'b>a 7000 MTA (RPC)',
    ]);
  });

  it('a site connector ignores the directory and store ports', () => {
    const plan = makePlan({
      nodes: [
        server('a', 'A', { staticPorts: { directory: 6001, store: 6002, mta: 6003 } }),
        server('b', 'B', { staticPorts: { directory: 6001, store: 6002, mta: 6003 } }),
      ],
      connectors: [connector('site', 'B', 'A')],
    });
    expect(summary(analyzePlan(plan))).toEqual([
      'a>b 135 RPC endpoint mapper',
      'a>b 6003 MTA (RPC)',
      'b>a 135 RPC endpoint mapper',
      'b>a 6003 MTA (RPC)',
    ]);
  });

  it('an X.400 connector needs the RFC1006 port of the destination both ways, and no 135', () => {
    const same = makePlan({
      nodes: [server('a', 'A', { rfc1006Port: 2000 }), server('b', 'B', { rfc1006Port: 2000 })],
      connectors: [connector('x400', 'a', 'b')],
    });
    expect(summary(analyzePlan(same))).toEqual(['a>b 2000 X.400 (RFC1006)', 'b>a 2000 X.400 (RFC1006)']);

    const defaults = makePlan({
      nodes: [server('a', 'A'), server('b', 'B')],
      connectors: [connector('x400', 'a', 'b')],
    });
    expect(summary(analyzePlan(defaults))).toEqual(['a>b 102 X.400 (RFC1006)', 'b>a 102 X.400 (RFC1006)']);

    const mismatch = makePlan({
      nodes: [server('a', 'A'), server('b', 'B', { rfc1006Port: 2000 })],
      connectors: [connector('x400', 'a', 'b')],
    });
    expect(summary(analyzePlan(mismatch))).toEqual(['a>b 2000 X.400 (RFC1006)', 'b>a 102 X.400 (RFC1006)']);
  });
});

describe('SMTP hosts (SPEC §3)', () => {
  const cases: [SmtpDirection, string[]][] = [
    ['inbound', ['h>mail 25 SMTP']],
    ['outbound', ['mail>h 25 SMTP']],
    ['both', ['h>mail 25 SMTP', 'mail>h 25 SMTP']],
  ];
  it.each(cases)(
    'direction %s talks only to servers with the Internet Mail Service',
    (direction, expected) => {
      const plan = makePlan({
        nodes: [
          server('mail', 'A', { services: { internetMail: true } }),
          server('plain', 'B', { services: { internetMail: false } }),
          smtpHost('h', { direction }),
        ],
      });
      expect(sorted(summary(analyzePlan(plan)))).toEqual(sorted(expected));
    },
  );

  it('without any Internet Mail Service an SMTP host has no flows', () => {
    for (const direction of ['inbound', 'outbound', 'both'] as const) {
      const plan = makePlan({ nodes: [server('plain', 'B'), smtpHost('h', { direction })] });
      expect(summary(analyzePlan(plan))).toEqual([]);
    }
  });
});

describe('identical flows (SPEC §3)', () => {
  it('a site connector inside one site adds nothing: its flows are the intrasite ones, with their reason', () => {
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'A')],
      connectors: [connector('site', 'A', 'A', 'k1')],
    });
    const analysis = analyzePlan(plan);
    expect(analysis.flows).toHaveLength(6);
    const mta = analysis.flows.find((f) => f.source === 'a' && f.service === 'MTA (RPC)');
    expect(mta?.relationship).toEqual({ kind: 'intrasite', from: 'a', to: 'b' });
    expect(mta?.reason).toContain('scenario 5');
  });

  it('two site connectors between the same servers give one set of flows, kept by the first connector id', () => {
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'B')],
      connectors: [connector('site', 'B', 'A', 'k2'), connector('site', 'A', 'B', 'k1')],
    });
    const analysis = analyzePlan(plan);
    expect(analysis.flows).toHaveLength(4);
    // Half A of k1 (a sends to b) asks for all four flows, the bind-back included.
    expect(new Set(analysis.flows.map((f) => JSON.stringify(f.relationship)))).toEqual(
      new Set([JSON.stringify({ kind: 'siteConnector', connector: 'k1', from: 'a', to: 'b' })]),
    );
  });

  it('an X.400 and a site connector between the same servers keep both: the services differ', () => {
    const plan = makePlan({
      nodes: [server('a', 'A'), server('b', 'B')],
      connectors: [connector('site', 'A', 'B'), connector('x400', 'a', 'b')],
    });
    expect(analyzePlan(plan).flows).toHaveLength(6);
  });

  it('flow ids are unique and stable', () => {
    const plan = makePlan({ nodes: [server('a', 'A'), client('c', 'a')] });
    const ids = analyzePlan(plan).flows.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('c|a|TCP|135-135|RPC endpoint mapper');
  });
});
