import type { Connector, Link, Plan, PlanNode, ServerNode, Site } from '../model/types';
import { compareStrings } from './compare';

/** Lookups over one plan, built once per analysis (Maps, not array scans). */
export interface PlanIndex {
  plan: Plan;
  nodes: Map<string, PlanNode>;
  sites: Map<string, Site>;
  links: Map<string, Link>;
  connectors: Map<string, Connector>;
  /** The name shown for an id: the node's, site's, link's or connector's name, or the id when the name is empty. */
  nameOf(id: string): string;
  /** The server with this id, or undefined when the id names no node or a node of another type. */
  serverOf(id: string | null): ServerNode | undefined;
  /** The site name of a server endpoint, else "" (SPEC §6: Source site / Destination site). */
  siteNameOf(nodeId: string): string;
  /** The node's address, "" when it has none (SPEC §6: Source address / Destination address). */
  addressOf(nodeId: string): string;
  /**
   * Node id → its place among the node names by code point (equal names
   * share a place) and among the node ids: sorting by these integers sorts
   * by name, then id, without comparing strings again.
   */
  nameRank: Map<string, number>;
  idRank: Map<string, number>;
}

/** Builds the lookups of a plan. */
export function indexPlan(plan: Plan): PlanIndex {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n] as const));
  const sites = new Map(plan.sites.map((s) => [s.id, s] as const));
  const links = new Map(plan.links.map((l) => [l.id, l] as const));
  const connectors = new Map(plan.connectors.map((c) => [c.id, c] as const));

  const nameOf = (id: string): string => {
    const named = nodes.get(id) ?? sites.get(id) ?? connectors.get(id) ?? links.get(id);
    return named?.name ? named.name : id;
  };
  const serverOf = (id: string | null): ServerNode | undefined => {
    if (id === null) return undefined;
    const node = nodes.get(id);
    return node?.type === 'server' ? node : undefined;
  };
  const siteNameOf = (nodeId: string): string => {
    const server = serverOf(nodeId);
    return server ? nameOf(server.site) : '';
  };
  const addressOf = (nodeId: string): string => {
    const node = nodes.get(nodeId);
    return node && 'address' in node && node.address !== null ? node.address : '';
  };
  const byName = plan.nodes
    .map((n) => ({ id: n.id, name: nameOf(n.id) }))
    .sort((x, y) => compareStrings(x.name, y.name) || compareStrings(x.id, y.id));
  const nameRank = new Map<string, number>();
  let rank = -1;
  byName.forEach((n, i) => {
    if (i === 0 || n.name !== byName[i - 1]?.name) rank++;
    nameRank.set(n.id, rank);
  });
  const idRank = new Map(
    plan.nodes
      .map((n) => n.id)
      .sort(compareStrings)
      .map((id, i) => [id, i] as const),
  );
  return { plan, nodes, sites, links, connectors, nameOf, serverOf, siteNameOf, addressOf, nameRank, idRank };
}
