/**
 * The rules of SPEC §2 that look at more than one value: ids unique across
 * the five collections, and every reference naming an object of the kind its
 * field says. Run on a plan that has passed the schema (schema.ts).
 */
import { formatPath, PLAN_MESSAGES as M, type ParsedPlan, type PlanIssue } from './schema';
import type { NodeType } from './types';

export type PlanCollection = 'sites' | 'nodes' | 'links' | 'connectors' | 'notes';
export const PLAN_COLLECTIONS: readonly PlanCollection[] = ['sites', 'nodes', 'links', 'connectors', 'notes'];

/** How a message names one object of a collection. */
const OBJECT_WORD: Readonly<Record<PlanCollection, string>> = {
  sites: 'site',
  nodes: 'node',
  links: 'link',
  connectors: 'connector',
  notes: 'note',
};

interface Owner {
  collection: PlanCollection;
  index: number;
  type: string | undefined;
}

/**
 * Every id that is used twice and every reference that names nothing
 * suitable (SPEC §2). `order` is the order in which the collections appear in
 * the document, so that "already used by" points at the earlier object.
 * A client's server may be any node: a client of a node of the wrong kind is
 * the engine's CLIENT_WITHOUT_SERVER finding, not a refusal; likewise a site
 * connector's bridgehead or target in the wrong site is a finding.
 */
export function findReferenceIssues(
  plan: ParsedPlan,
  order: readonly PlanCollection[] = PLAN_COLLECTIONS,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const owners = new Map<string, Owner>();
  for (const collection of order) {
    const items: readonly { id: string; type?: string }[] = plan[collection] ?? [];
    items.forEach((item, index) => {
      const first = owners.get(item.id);
      if (first) {
        issues.push({
          path: [collection, index, 'id'],
          message: M.duplicateId(item.id, formatPath([first.collection, first.index])),
        });
      } else {
        owners.set(item.id, { collection, index, type: item.type });
      }
    });
  }

  const isA = (id: string, collection: PlanCollection) => owners.get(id)?.collection === collection;
  const report = (path: PropertyKey[], message: string) => issues.push({ path, message });

  /** A reference that must name a node of one of `types`; `kind` is how a message says so. */
  const expectNode = (
    path: PropertyKey[],
    id: string | null | undefined,
    types: NodeType[],
    kind: string,
  ) => {
    if (id === null || id === undefined) return;
    const owner = owners.get(id);
    if (owner?.collection === 'nodes' && types.includes(owner.type as NodeType)) return;
    report(path, owner ? M.notA(id, kind) : M.notOfPlan(id, kind));
  };
  const expectServer = (path: PropertyKey[], id: string | null | undefined) => {
    if (id === null || id === undefined) return;
    const owner = owners.get(id);
    if (owner?.collection === 'nodes' && owner.type === 'server') return;
    report(path, owner ? M.notAServer(id) : M.notAServerOfPlan(id));
  };
  const expectServers = (path: PropertyKey[], ids: readonly string[] | undefined) => {
    ids?.forEach((id, i) => {
      expectServer([...path, i], id);
    });
  };

  plan.nodes.forEach((node, index) => {
    const at = (field: string): PropertyKey[] => ['nodes', index, field];
    if (node.site !== undefined && !isA(node.site, 'sites')) report(at('site'), M.notASite(node.site));
    switch (node.type) {
      case 'client':
        if (typeof node.server === 'string' && !isA(node.server, 'nodes')) {
          report(at('server'), M.notANode(node.server));
        }
        expectNode(at('smtpServer'), node.smtpServer, ['server', 'smtpHost'], 'a server or smtpHost');
        break;
      case 'server':
        expectNode(at('smartHost'), node.smartHost, ['smtpHost'], 'an smtpHost');
        expectNode(at('dns'), node.dns, ['dns'], 'a dns node');
        break;
      case 'owa':
        expectServers(at('servers'), node.servers);
        break;
      case 'newsHost':
        expectServer(at('server'), node.server);
        break;
    }
  });

  plan.links.forEach((link, index) => {
    for (const end of ['a', 'b'] as const) {
      const id = link[end];
      if (isA(id, 'nodes')) continue;
      report(['links', index, end], isA(id, 'sites') ? M.siteNotNode(id) : M.notANode(id));
    }
  });

  (plan.connectors ?? []).forEach((connector, index) => {
    const at = (field: string): PropertyKey[] => ['connectors', index, field];
    if (connector.type === 'x400') {
      expectServer(at('a'), connector.a);
      expectServer(at('b'), connector.b);
      return;
    }
    for (const end of ['a', 'b'] as const) {
      const id = connector[end];
      const owner = owners.get(id);
      if (owner?.collection === 'sites') continue;
      report(at(end), owner ? M.wrongObject(id, OBJECT_WORD[owner.collection], 'a site') : M.notASite(id));
    }
    expectServer(at('bridgeheadA'), connector.bridgeheadA);
    expectServers(at('targetsA'), connector.targetsA);
    expectServer(at('bridgeheadB'), connector.bridgeheadB);
    expectServers(at('targetsB'), connector.targetsB);
  });

  (plan.notes ?? []).forEach((note, index) => {
    const id = note.about;
    if (id === null || id === undefined) return;
    const owner = owners.get(id);
    if (owner && owner.collection !== 'notes') return;
    const expected = 'a site, node, link or connector';
    report(
      ['notes', index, 'about'],
      owner ? M.wrongObject(id, 'note', expected) : M.notOfPlan(id, expected),
    );
  });

  return issues;
}
