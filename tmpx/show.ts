import { analyzePlan } from '../src/engine/analyze';
import { formatPorts } from '../src/engine/matrix';
import { chain, client, dns, firewall, link, makePlan, network, newsHost, owa, server, siteConnector, smtpHost, site } from '../src/test/factories';
const show = (name: string, plan: ReturnType<typeof makePlan>) => {
  const a = analyzePlan(plan);
  console.log(`## ${name}`);
  for (const f of a.flows) console.log(`F ${f.source}>${f.destination} ${f.protocol} ${formatPorts(f.ports)} ${f.service} | ${f.status} | ${JSON.stringify(f.crossings)} | ${f.reason}`);
  for (const f of a.findings) console.log(`! ${f.severity} ${f.code} [${f.subjects}] ${JSON.stringify(f.kb)} ${f.message}`);
};
show('owa', makePlan({ nodes: [owa('o', ['d', 's'], { name: 'OWA01' }), server('d', 'A', { name: 'EXD' }), server('s', 'A', { name: 'EXS', exchange: '4.0' }), client('w', 'o', { name: 'Web users', protocol: 'web', auth: 'ntlm' })] }));
show('admin', makePlan({ nodes: [server('s', 'A', { name: 'EX', staticPorts: { systemAttendant: 6004 } }), client('adm', 's', { name: 'Admins', protocol: 'admin' })] }));
show('site halves', makePlan({ sites: [site('A', { name: 'Ams' }), site('B', { name: 'Bru' })], nodes: [server('a1', 'A'), server('a2', 'A'), server('b1', 'B'), server('b2', 'B', {exchange: '5.5', servicePack: 1, staticPorts: { mta: 6003 } }), firewall('fw', { name: 'FW' })], links: [link('a1','fw'), link('b2','fw')], connectors: [siteConnector('A', 'B', { bridgeheadA: 'b1', targetsB: ['a1', 'b2'] })] }));
show('ims', makePlan({ nodes: [server('m', 'A', { name: 'EXM', services: { internetMail: true }, dns: 'd' }), server('n', 'A', { name: 'EXN', services: { internetMail: true } }), server('h', 'A', { name: 'EXH', services: { internetMail: true }, smartHost: 'relay' }), dns('d', { name: 'DNS01' }), smtpHost('relay', { name: 'Relay', direction: 'outbound' })] }));
show('news', makePlan({ nodes: [server('s', 'A', { name: 'EX', exchange: '4.0', services: { nntp: false } }), newsHost('n', 's', { name: 'ISP news', feed: 'inbound' }), newsHost('z', null, { name: 'Lost news' })] }));
show('nat', makePlan({ nodes: [client('c', 's', { name: 'Outlook', address: 'any' }), firewall('fw', { name: 'FW-NAT', nat: true }), server('s', 'A', { name: 'EX', address: '10.0.0.1', rpcPorts: { from: 4000, to: 4010 }, ldapPort: 390, exchange: '5.0' })], links: [link('c', 'fw', 'l1', { bInterface: 'outside' }), link('fw', 's', 'l2')] }));
show('nomail', makePlan({ nodes: [server('s', 'A'), smtpHost('h', { name: 'Internet', direction: 'inbound' })] }));
