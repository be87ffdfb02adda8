import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../engine/analyze';
import { firewallRulesZip } from '../../io/exports';
import { filesAsText, ruleFormat } from '../../rules/formats';
import { chain, client, firewall, makePlan, server } from '../../test/factories';
import {
  firewallFiles,
  firewallZipName,
  linesOf,
  nodesWithoutAddress,
  reductionText,
  ruleDetail,
  ruleSetFor,
  shownFirewall,
} from './ruleView';

const plan = makePlan({
  name: 'Contoso Benelux',
  nodes: [
    server('ex1', 's1', { name: 'EX1', address: '10.1.0.10' }),
    client('c1', 'ex1', { name: 'Users', protocol: 'imap4', auth: 'ssl', address: '10.9.0.0/24' }),
    client('c2', 'ex1', { name: 'No address', protocol: 'pop3', auth: 'ssl' }),
    firewall('fw', { name: 'FW-EDGE' }),
    firewall('fw2', { name: 'FW-SPARE' }),
  ],
  links: [...chain('c1', 'fw', 'ex1'), ...chain('c2', 'fw')],
});
const analysis = analyzePlan(plan);

function format(id: string) {
  const f = ruleFormat(id);
  if (!f) throw new Error(`no format ${id}`);
  return f;
}

describe('the rules view', () => {
  it('makes the rule set and each firewall file once per plan and analysis', () => {
    const set = ruleSetFor(plan, analysis);
    expect(ruleSetFor(plan, analysis)).toBe(set);
    expect(ruleSetFor(plan, analyzePlan(plan))).not.toBe(set);
    const files = firewallFiles(set, format('nftables'), 'fw');
    expect(firewallFiles(set, format('nftables'), 'fw')).toBe(files);
    expect(firewallFiles(set, format('asa'), 'fw')).not.toBe(files);
    expect(files.map((f) => f.path)).toEqual(['FW-EDGE.nft']);
  });

  it('shows the chosen firewall, or the first when the chosen one is gone', () => {
    const set = ruleSetFor(plan, analysis);
    expect(shownFirewall(set, 'fw2')?.firewall.name).toBe('FW-SPARE');
    expect(shownFirewall(set, 'deleted')?.firewall.name).toBe('FW-EDGE');
    expect(shownFirewall(set, null)?.firewall.name).toBe('FW-EDGE');
  });

  it('says how far the matrix rows were reduced, and each rule by direction and ports', () => {
    const fw = shownFirewall(ruleSetFor(plan, analysis), 'fw');
    if (!fw) throw new Error('no firewall');
    expect(reductionText(fw)).toBe(`${fw.matrixRows} matrix rows → ${fw.rules.length} rules`);
    const users = fw.rules.find((r) => r.label === 'Users to EX1');
    expect(users && ruleDetail(users)).toBe('c1 → ex1 · TCP 25, 993');
    const spare = shownFirewall(ruleSetFor(plan, analysis), 'fw2');
    expect(spare && reductionText(spare)).toBe('0 matrix rows → 0 rules');
  });

  it('lists the nodes whose rules hold a placeholder', () => {
    const fw = shownFirewall(ruleSetFor(plan, analysis), 'fw');
    expect(fw && nodesWithoutAddress(fw)).toEqual([{ id: 'c2', name: 'No address' }]);
  });

  it('tells comments and remarks from what the device runs', () => {
    const asa = linesOf(
      '! header\naccess-list in remark why\naccess-list in extended permit tcp any any\n',
      format('asa'),
      10,
    );
    expect(asa.map((l) => l.comment)).toEqual([true, true, false]);
    const nft = linesOf('# why\n  tcp dport 25 accept comment "x # y"', format('nftables'), 1);
    expect(nft).toEqual([{ number: 1, text: '# why', comment: true }]);
  });

  it('names a firewall ZIP after the plan, the firewall and the format', () => {
    expect(firewallZipName('Contoso Benelux', 'FW-EDGE', 'iptables')).toBe(
      'contoso-benelux-fw-edge-iptables-rules.zip',
    );
    expect(firewallZipName('!!', '??', 'srx')).toBe('plan-firewall-srx-rules.zip');
  });
});

describe('the ZIP of every firewall', () => {
  it('holds the files the rules command writes under --out, each as the view shows it', async () => {
    const exp = firewallRulesZip(format('iptables'));
    expect(exp.fileName(plan)).toBe('contoso-benelux-iptables-rules.zip');
    const blob = exp.render({ plan, analysis });
    if (!(blob instanceof Blob)) throw new Error('expected a ZIP');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'FW-EDGE.rules.v4',
      'FW-EDGE.rules.v6',
      'FW-SPARE.rules.v4',
      'FW-SPARE.rules.v6',
    ]);
    const set = ruleSetFor(plan, analysis);
    const shown = firewallFiles(set, format('iptables'), 'fw');
    expect(strFromU8(files['FW-EDGE.rules.v4'] as Uint8Array)).toBe(shown[0]?.content);
    expect(filesAsText(shown)).toContain('# ==> FW-EDGE.rules.v6 <==\n');
  });

  it('saves nothing for a plan without a firewall', async () => {
    const bare = makePlan({ nodes: [server('ex1', 's1')] });
    expect(
      await firewallRulesZip(format('srx')).render({ plan: bare, analysis: analyzePlan(bare) }),
    ).toBeNull();
  });
});
