/**
 * Plans for the rule tests: the shipped examples as they are (no addresses:
 * every end a placeholder) and with an address on every endpoint, and plans
 * whose names are as hostile as a person can type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import {
  chain,
  client,
  firewall,
  link,
  makePlan,
  network,
  server,
  site,
  siteConnector,
  smtpHost,
} from '../test/factories';

export const EXAMPLES_DIR = join(import.meta.dirname, '../../public/examples');

/** Every example plan of public/examples (v1 files migrate on load). */
export function examplePlans(): { name: string; plan: Plan }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort()
    .map((f) => {
      const loaded = loadPlan(readFileSync(join(EXAMPLES_DIR, f), 'utf8'));
      if (!loaded.ok) throw new Error(`${f}: ${loaded.error}`);
      return { name: f, plan: loaded.plan };
    });
}

/** The plan with an address on every endpoint that has none: IPv4 blocks and hosts, or IPv6 when asked. */
export function withAddresses(plan: Plan, family: 4 | 6 = 4): Plan {
  let i = 0;
  return {
    ...plan,
    nodes: plan.nodes.map((n) => {
      if (!('address' in n) || n.address !== null || n.type === 'network') return n;
      i++;
      const address =
        family === 6
          ? i % 2
            ? `2001:db8:${i.toString(16)}::/48`
            : `2001:db8::${i.toString(16)}`
          : i % 2
            ? `10.${i}.0.0/16`
            : `192.0.2.${i}`;
      return { ...n, address };
    }),
  };
}

/** Names that try to end a quote, a comment, a line or a block, or to run a command. */
export const HOSTILE_NAMES = [
  'EX"01; flush ruleset',
  "EX'02 # } { \\",
  'line\nbreak\r\n-A FORWARD -j ACCEPT',
  'Zürich 東京 \u202etxet',
  '\u0000\u0007\u001b[31mred\u007f\u0085',
  '}; table inet x { chain y { accept',
  'remark; access-list x permit ip any any',
  'set security policies from-zone a to-zone b policy x then permit "',
  '$(reboot) `id` && rm -rf /',
  '',
];

/**
 * A plan whose every node, site and firewall has a hostile name: mail clients
 * and SMTP hosts outside, servers in two sites inside, with a site connector.
 * With `addresses` off, the endpoints keep none (placeholders everywhere).
 */
export function hostilePlan(addresses = true, family: 4 | 6 = 4): Plan {
  const n = (i: number) => HOSTILE_NAMES[i % HOSTILE_NAMES.length] as string;
  const a = (v4: string, v6: string) => (addresses ? (family === 4 ? v4 : v6) : null);
  const plan = makePlan({
    name: n(0),
    sites: [site('s1', { name: n(1) }), site('s2', { name: n(2) })],
    nodes: [
      server('ex1', 's1', {
        name: n(0),
        services: { internetMail: true },
        address: a('10.1.0.10', '2001:db8:1::10'),
      }),
      server('ex2', 's2', { name: n(1), address: a('10.2.0.0/16', '2001:db8:2::/48') }),
      server('ex3', 's1', { name: n(0), address: a('10.1.0.11', '2001:db8:1::11') }),
      client('c1', 'ex1', { name: n(2), protocol: 'pop3', address: 'any' }),
      client('c2', 'ex1', {
        protocol: 'imap4',
        name: n(3),
        address: a('198.51.100.0/24', '2001:db8:99::/64'),
      }),
      client('c3', 'ex2', {
        protocol: 'mapi',
        notifications: true,
        name: n(4),
        address: a('10.9.0.0/24', '2001:db8:9::/64'),
      }),
      smtpHost('inet', { name: n(5), address: 'any' }),
      firewall('fw1', { name: n(6) }),
      firewall('fw2', { name: n(7) }),
      network('lan1', { name: n(8) }),
      network('lan2', { name: n(9) }),
    ],
    links: [
      link('c1', 'fw1', 'l.c1', { bInterface: 'outside' }),
      link('fw1', 'lan1', 'l.fw1', { aInterface: 'a-very-long-interface-name' }),
      ...chain('lan1', 'ex1'),
      ...chain('c2', 'fw1'),
      ...chain('inet', 'fw1'),
      ...chain('lan1', 'ex3'),
      ...chain('lan1', 'fw2', 'lan2', 'ex2'),
      ...chain('c3', 'lan2'),
    ],
    connectors: [siteConnector('s1', 's2')],
  });
  return plan;
}
