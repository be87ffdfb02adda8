import { CONNECTOR_LABEL, EDGE_KINDS } from '../model/kinds';
import type { ConnectorType } from '../model/types';
import { usePlanner } from '../store/store';

/** Joins two nodes by a network link or a messaging connector, selecting the new one or saying why not. */
export function connectNodes(kind: 'link' | ConnectorType, a: string, b: string): boolean {
  const store = usePlanner.getState();
  const result = kind === 'link' ? store.addLink(a, b) : store.addConnector(kind, a, b);
  if (!result.ok) {
    store.notify({ kind: 'error', text: result.error });
    return false;
  }
  store.select([result.id]);
  return true;
}

export const CONNECT_CHOICES: readonly { kind: 'link' | ConnectorType; label: string; hint: string }[] = [
  { kind: 'link', label: EDGE_KINDS.link.heading, hint: 'A network adjacency: flows are routed over it' },
  { kind: 'site', label: CONNECTOR_LABEL.site, hint: 'Messaging over RPC: port 135 and the MTA port' },
  { kind: 'x400', label: CONNECTOR_LABEL.x400, hint: 'Messaging over RFC1006 TCP/IP, port 102 by default' },
];
