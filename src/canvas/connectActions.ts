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
  { kind: 'link', label: 'Network link', hint: 'A network adjacency: flows are routed over it' },
  { kind: 'site', label: 'Site connector', hint: 'Messaging over RPC: port 135 and the MTA port' },
  { kind: 'x400', label: 'X.400 connector', hint: 'Messaging over RFC1006 TCP/IP, port 102 by default' },
];
