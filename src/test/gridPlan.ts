/**
 * A valid plan that asks for a great deal of analysis: an n × n grid of
 * firewalls, each linked to its grid neighbours, one Exchange 5.5 server on
 * one corner firewall and MAPI clients on the opposite one (or, `spread`,
 * on every firewall in turn). Every shortest path between opposite corners
 * is a monotone walk of the grid, and together they pass every firewall:
 * each of a client's three flows crosses all n² of them. A 49 × 49 grid with
 * 2,500 clients (4,902 nodes, 7,205 links) needs some 18 million (flow,
 * firewall) crossings; a 20 × 20 grid with 500 clients 600,000.
 * Deterministic; nodes are laid out on the grid.
 */
import type { ClientNode, FirewallNode, Link, Plan, ServerNode } from '../model/types';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from '../model/types';

const SPACING = 160;

function firewallId(row: number, column: number): string {
  return `fw-${row}-${column}`;
}

/** The grid plan of `n` × `n` firewalls and `clients` MAPI clients of one server (see the file comment). */
export function gridPlan(n: number, clients: number, { spread = false }: { spread?: boolean } = {}): Plan {
  const firewalls: FirewallNode[] = [];
  const links: Link[] = [];
  const link = (a: string, b: string): Link => ({
    id: `l-${a}-${b}`,
    a,
    b,
    aInterface: null,
    bInterface: null,
  });
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const id = firewallId(r, c);
      firewalls.push({
        id,
        type: 'firewall',
        name: `FW ${r}-${c}`,
        nat: false,
        position: { x: c * SPACING, y: r * SPACING },
      });
      if (c > 0) links.push(link(firewallId(r, c - 1), id));
      if (r > 0) links.push(link(firewallId(r - 1, c), id));
    }
  }
  const server: ServerNode = {
    id: 'srv',
    type: 'server',
    name: 'EX1',
    site: 'site',
    address: '10.0.0.1',
    exchange: '5.5',
    servicePack: 0,
    rfc1006Port: 102,
    ldapPort: 389,
    rpcPorts: null,
    smartHost: null,
    dns: null,
    services: { pop3: true, imap4: true, ldap: true, nntp: true, internetMail: false },
    staticPorts: { directory: null, store: null, mta: null, systemAttendant: null },
    position: { x: -SPACING, y: -SPACING },
  };
  links.push(link('srv', firewallId(0, 0)));
  const clientNodes: ClientNode[] = [];
  const cells = n * n;
  for (let k = 0; k < clients; k++) {
    const cell = spread ? k % cells : cells - 1;
    const r = Math.floor(cell / n);
    const c = cell % n;
    const id = `c-${k}`;
    clientNodes.push({
      id,
      type: 'client',
      name: `Client ${k}`,
      address: `10.${1 + Math.floor(k / 250)}.${k % 250}.1`,
      protocol: 'mapi',
      auth: 'basic',
      server: 'srv',
      sendsMail: true,
      smtpServer: null,
      notifications: false,
      position: spread
        ? { x: c * SPACING + 40 + 20 * Math.floor(k / cells), y: r * SPACING + 60 }
        : { x: (n + 1 + (k % 50)) * SPACING, y: (n + 1 + Math.floor(k / 50)) * SPACING },
    });
    links.push(link(id, firewallId(r, c)));
  }
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: `Firewall grid ${n}×${n}`,
    sites: [{ id: 'site', name: 'Grid' }],
    nodes: [server, ...firewalls, ...clientNodes],
    links,
    connectors: [],
    notes: [],
  };
}
