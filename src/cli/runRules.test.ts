import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostilePlan } from '../rules/testPlans';
import { gridPlan } from '../test/gridPlan';
import { runRulesCli } from './runRules';

const EXAMPLES = join(import.meta.dirname, '../../public/examples');

function fakeIo(files: Record<string, string>, terminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  return {
    io: {
      readFile: async (path: string) => {
        const text =
          files[path] ??
          (path.startsWith('examples/') ? readFileSync(join(EXAMPLES, path.slice(9)), 'utf8') : undefined);
        if (text === undefined) throw new Error('no such file');
        return text;
      },
      stdout: (t: string) => {
        out.push(t);
      },
      stderr: (t: string) => {
        err.push(t);
      },
      stdoutIsTerminal: terminal,
      writeFile: async (path: string, content: string) => {
        written.set(path, content);
      },
    },
    out: () => out.join(''),
    err: () => err.join(''),
    written,
  };
}

describe('rules command', () => {
  it('writes the one firewall of a plan to stdout, exit 0 when no error finding', async () => {
    const t = fakeIo({});
    expect(await runRulesCli(['examples/pop3.json', '--format', 'nftables'], t.io)).toBe(0);
    expect(t.out()).toMatch(/^#!\/usr\/sbin\/nft -f\n/);
    expect(t.out()).toMatch(/\n {4}.* tcp dport \S+ counter accept comment "/);
    // Every endpoint of the example has an address, so nothing waits to be filled in.
    expect(t.err()).toBe('');
    expect(t.out()).not.toContain('placeholder');
  });

  it('warns on standard error about an endpoint without an address, and still exits 0', async () => {
    const plan = JSON.parse(readFileSync(join(EXAMPLES, 'pop3.json'), 'utf8'));
    for (const node of plan.nodes) if (node.id === 'ex1') delete node.address;
    const t = fakeIo({ 'plan.json': JSON.stringify(plan) });
    expect(await runRulesCli(['plan.json', '--format', 'nftables'], t.io)).toBe(0);
    expect(t.err()).toContain('warning ADDRESS_MISSING');
  });

  it('exits 1 when the plan has an error finding, still writing the rules', async () => {
    const t = fakeIo({});
    const status = await runRulesCli(
      ['examples/combined.json', '--format=asa', '--firewall', 'FW-WAN'],
      t.io,
    );
    expect(status).toBe(1);
    expect(t.out()).toContain('access-group wan_access_in in interface wan');
    expect(t.err()).toContain('error RFC1006_PORT_MISMATCH');
  });

  it('refuses several firewalls without --firewall or --out, naming them', async () => {
    const t = fakeIo({});
    expect(await runRulesCli(['examples/combined.json', '--format', 'srx'], t.io)).toBe(2);
    expect(t.err()).toContain(
      'the plan has 3 firewalls; name one with --firewall, or write them all with --out DIR. The firewalls are FW-EDGE, FW-INTERNAL, FW-WAN',
    );
    expect(t.out()).toBe('');
  });

  it('names the known formats for an unknown one and the firewalls for an unknown firewall', async () => {
    const a = fakeIo({});
    expect(await runRulesCli(['examples/combined.json', '--format', 'pf'], a.io)).toBe(2);
    expect(a.err()).toContain(
      'unknown format pf; the formats are nftables, iptables, asa, ios, srx, capirca',
    );
    const b = fakeIo({});
    expect(await runRulesCli(['examples/combined.json', '--format', 'ios', '--firewall', 'FW-X'], b.io)).toBe(
      2,
    );
    expect(b.err()).toContain('no firewall named FW-X; the firewalls are FW-EDGE, FW-INTERNAL, FW-WAN');
  });

  it('refuses a missing format, a missing file and an invalid plan with exit 2', async () => {
    const t = fakeIo({
      'bad.json': '{"format":"exchange-port-plan","version":2,"sites":[],"nodes":[{"id":"x"}],"links":[]}',
    });
    expect(await runRulesCli(['examples/pop3.json'], t.io)).toBe(2);
    expect(t.err()).toContain('--format is required (one of nftables, iptables, asa, ios, srx, capirca)');
    expect(await runRulesCli(['nope.json', '--format', 'asa'], t.io)).toBe(2);
    expect(t.err()).toContain('cannot read nope.json: no such file');
    expect(await runRulesCli(['bad.json', '--format', 'asa'], t.io)).toBe(2);
    expect(t.err()).toMatch(/error: nodes\[0\]/);
  });

  it('writes one file set per firewall under --out', async () => {
    const t = fakeIo({});
    expect(await runRulesCli(['examples/combined.json', '--format', 'capirca', '--out', 'rules'], t.io)).toBe(
      1,
    );
    expect([...t.written.keys()]).toEqual([
      'rules/def/NETWORK.net',
      'rules/def/SERVICES.svc',
      'rules/policies/pol/FW-EDGE.pol',
      'rules/policies/pol/FW-INTERNAL.pol',
      'rules/policies/pol/FW-WAN.pol',
    ]);
    const i = fakeIo({});
    await runRulesCli(
      ['examples/combined.json', '--format', 'iptables', '--out', 'r', '--firewall', 'FW-EDGE'],
      i.io,
    );
    expect([...i.written.keys()]).toEqual(['r/FW-EDGE.rules.v4', 'r/FW-EDGE.rules.v6']);
  });

  it('never writes a control character to a terminal, and writes hostile names only as safe text', async () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a plan file may not hold in names
    const control = /[\u0000-\u001f\u007f-\u009f]/g;
    const hostile = hostilePlan(true);
    const valid = {
      ...hostile,
      name: hostile.name.replace(control, ' '),
      sites: hostile.sites.map((s) => ({ ...s, name: s.name.replace(control, ' ') })),
      nodes: hostile.nodes.map((n) => ({ ...n, name: n.name.replace(control, ' ') })),
    };
    for (const format of ['nftables', 'iptables', 'asa', 'ios', 'srx', 'capirca']) {
      const t = fakeIo({ 'p.json': JSON.stringify(valid) }, true);
      expect(await runRulesCli(['p.json', '--format', format, '--firewall', 'fw1'], t.io)).toBeLessThan(2);
      expect(t.out()).toContain('EX');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach a terminal
      expect(t.out() + t.err()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
  });
});

describe('rules of a plan past the analysis limit (SPEC §4)', () => {
  it('writes no rules, says there are none to write, and exits 1 with the finding', async () => {
    const t = fakeIo({ 'mesh.json': JSON.stringify(gridPlan(25, 600)) });
    const status = await runRulesCli(['mesh.json', '--format', 'nftables', '--out', 'out'], t.io);
    expect(status).toBe(1);
    expect(t.out()).toBe('');
    expect(t.written.size).toBe(0);
    const lines = t.err().trimEnd().split('\n');
    expect(lines[0]).toBe(
      'error: the plan is too large to analyse (ANALYSIS_LIMIT), so there are no firewall rules to write',
    );
    expect(lines[1]).toMatch(/^error ANALYSIS_LIMIT The plan needs 1,125,000 firewall crossings/);
    expect(lines).toHaveLength(2);
  });
});
