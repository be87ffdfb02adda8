import { RPC_RANGE } from '../../model/schema';
import type { RpcPortRange, ServerNode } from '../../model/types';
import { CheckboxField, PortField } from '../fields';

/** A first restricted range: above the client pool, 21 ports, as KB 154596's example and KB 217351 advise. */
const FIRST_RANGE: RpcPortRange = { from: 5000, to: 5020 };

function refuseEnd(port: number | null, other: number, end: 'from' | 'to'): string | null {
  if (port === null) return 'Must be a whole number from 1024 to 65535';
  if (port < RPC_RANGE.min || port > RPC_RANGE.max)
    return `Must be from ${RPC_RANGE.min} to ${RPC_RANGE.max}`;
  if (end === 'from' && port > other) return `Must not be above the last port (${other})`;
  if (end === 'to' && port < other) return `Must not be below the first port (${other})`;
  return null;
}

/**
 * The RPC dynamic range of the computer (`rpcPorts`, KB 154596): the whole
 * 1024–65535 until restricted, then a first and last port; a range that is
 * not one (first above last, outside 1024–65535) is shown and not applied.
 */
export function RpcRangeFields({
  server,
  onChange,
}: {
  server: ServerNode;
  onChange: (range: RpcPortRange | null) => void;
}) {
  const range = server.rpcPorts;
  return (
    <>
      <CheckboxField
        label="Restrict the RPC dynamic range"
        checked={range !== null}
        onChange={(on) => onChange(on ? FIRST_RANGE : null)}
        help="Registry Rpc\Internet value Ports on this computer narrows the dynamic ports a firewall must open from 1024–65535 (KB 154596); keep 20 or more ports above 5000 (KB 217351)."
      />
      {range ? (
        <div className="grid grid-cols-2 gap-2">
          <PortField
            label="First RPC port"
            allowEmpty={false}
            value={range.from}
            refuse={(port) => refuseEnd(port, range.to, 'from')}
            onChange={(from) => {
              if (from !== null) onChange({ from, to: range.to });
            }}
          />
          <PortField
            label="Last RPC port"
            allowEmpty={false}
            value={range.to}
            refuse={(port) => refuseEnd(port, range.from, 'to')}
            onChange={(to) => {
              if (to !== null) onChange({ from: range.from, to });
            }}
          />
        </div>
      ) : null}
    </>
  );
}
