/**
 * Golden files: every format for one small plan (an SMTP host and POP3 users
 * from any address, a server and a site connector across a firewall with
 * named interfaces, one server without an address), read line by line when
 * they change.
 */
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../engine/analyze';
import {
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
import { RULE_FORMATS, ruleSetOf } from './formats';

const plan = makePlan({
  name: 'Golden',
  sites: [site('ams', { name: 'Amsterdam' }), site('bru', { name: 'Brussels' })],
  nodes: [
    server('ex1', 'ams', { name: 'EXAMS01', address: '10.1.0.10', services: { internetMail: true } }),
    server('ex2', 'bru', { name: 'EXBRU01', address: '10.2.0.0/24' }),
    server('ex3', 'bru', { name: 'EXBRU02' }),
    client('pop', 'ex1', { name: 'Home POP3 users', protocol: 'pop3', auth: 'ssl', address: 'any' }),
    smtpHost('inet', { name: 'Internet SMTP hosts', direction: 'inbound', address: 'any' }),
    firewall('fw', { name: 'FW-EDGE' }),
    network('lan', { name: 'LAN' }),
    network('wan', { name: 'WAN' }),
  ],
  links: [
    link('pop', 'fw', 'l1', { bInterface: 'outside' }),
    link('inet', 'fw', 'l2', { bInterface: 'outside' }),
    link('fw', 'lan', 'l3', { aInterface: 'inside' }),
    link('lan', 'ex1', 'l4'),
    link('fw', 'wan', 'l5', { aInterface: 'wan' }),
    link('wan', 'ex2', 'l6'),
    link('wan', 'ex3', 'l7'),
  ],
  connectors: [siteConnector('ams', 'bru')],
});

describe('golden files', () => {
  const set = ruleSetOf(plan, analyzePlan(plan));
  for (const format of RULE_FORMATS) {
    it(`${format.id} for a small plan`, async () => {
      const text = format
        .files(set)
        .map((f) => `==> ${f.path} <==\n${f.content}`)
        .join('\n');
      await expect(text).toMatchFileSnapshot(`golden/${format.id}.txt`);
    });
  }
});
