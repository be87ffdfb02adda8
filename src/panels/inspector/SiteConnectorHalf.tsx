import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServerNode, SiteConnector } from '../../model/types';
import { usePlanner } from '../../store/store';
import { CONTROL, Section } from '../fields';
import { CheckList, type ListOption } from './pickers';

type Half = 'A' | 'B';

const RADIO =
  'size-3.5 border-slate-300 accent-blue-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500';

function serverText(s: ServerNode): string {
  return `${s.name || s.id} (Exchange ${s.exchange}${s.servicePack > 0 ? ` SP${s.servicePack}` : ''})`;
}

/**
 * One half of a Site Connector, the part one site configures: its messaging
 * bridgehead ("Any server" or one server of this site) and its target
 * servers ("All servers" or some servers of the other site). A server the
 * half names that is no longer in the right site stays named and marked, so
 * the finding CONNECTOR_SERVER_NOT_IN_SITE and this form agree.
 */
export function SiteConnectorHalf({ connector, half }: { connector: SiteConnector; half: Half }) {
  const id = useId();
  const updateConnector = usePlanner((s) => s.updateConnector);
  const [own, other] = half === 'A' ? [connector.a, connector.b] : [connector.b, connector.a];
  const bridgeheadKey = half === 'A' ? 'bridgeheadA' : 'bridgeheadB';
  const targetsKey = half === 'A' ? 'targetsA' : 'targetsB';
  const bridgehead = connector[bridgeheadKey];
  const targets = connector[targetsKey];
  const servers = usePlanner(
    useShallow((s) => s.plan.nodes.filter((n): n is ServerNode => n.type === 'server')),
  );
  const sites = usePlanner((s) => s.plan.sites);
  const siteName = (siteId: string) => {
    const site = sites.find((x) => x.id === siteId);
    return site ? site.name || site.id : siteId;
  };
  const ownName = siteName(own);
  const otherName = siteName(other);
  const ownServers = servers.filter((s) => s.site === own);
  const otherServers = servers.filter((s) => s.site === other);
  const byId = (sid: string) => servers.find((s) => s.id === sid);
  const nameOf = (sid: string) => {
    const s = byId(sid);
    return s ? s.name || s.id : sid;
  };
  const set = (patch: Partial<Pick<SiteConnector, typeof bridgeheadKey | typeof targetsKey>>) =>
    updateConnector(connector.id, patch);

  const strayBridgehead = bridgehead !== null && !ownServers.some((s) => s.id === bridgehead);
  const firstOwn = ownServers[0];
  const targetOptions: ListOption[] = [
    ...otherServers.map((s) => ({ id: s.id, text: serverText(s) })),
    ...targets
      .filter((t) => !otherServers.some((s) => s.id === t))
      .map((t) => ({ id: t, text: nameOf(t), shortfall: `not in ${otherName}` })),
  ].map((o) => ({ ...o, locked: targets.length === 1 && targets[0] === o.id }));

  return (
    <Section title={`Half in ${ownName}`}>
      <fieldset data-field={`bridgehead:${half}`} className="space-y-1">
        <legend className="text-xs font-medium text-slate-600">Messaging bridgehead in {ownName}</legend>
        <div className="flex items-center gap-2">
          <input
            id={`${id}-any`}
            type="radio"
            name={`${id}-bridgehead`}
            className={RADIO}
            checked={bridgehead === null}
            onChange={() => set({ [bridgeheadKey]: null })}
          />
          <label htmlFor={`${id}-any`} className="text-[12.5px] text-slate-800">
            Any server
          </label>
        </div>
        <div className="flex items-center gap-2">
          <input
            id={`${id}-one`}
            type="radio"
            name={`${id}-bridgehead`}
            className={RADIO}
            checked={bridgehead !== null}
            disabled={bridgehead === null && firstOwn === undefined}
            onChange={() => {
              if (firstOwn) set({ [bridgeheadKey]: firstOwn.id });
            }}
          />
          <label htmlFor={`${id}-one`} className="text-[12.5px] text-slate-800">
            Specific server
          </label>
        </div>
        <div className="pl-5">
          <select
            aria-label={`Bridgehead server in ${ownName}`}
            className={CONTROL}
            value={bridgehead ?? ''}
            disabled={bridgehead === null}
            onChange={(e) => set({ [bridgeheadKey]: e.target.value })}
          >
            {bridgehead === null ? <option value="">—</option> : null}
            {ownServers.map((s) => (
              <option key={s.id} value={s.id}>
                {serverText(s)}
              </option>
            ))}
            {strayBridgehead ? (
              <option value={bridgehead}>{`${nameOf(bridgehead)} — not in ${ownName}`}</option>
            ) : null}
          </select>
        </div>
        {strayBridgehead ? (
          <p className="text-[11px] font-medium text-red-700">
            {nameOf(bridgehead)} is no longer in {ownName}: this half sends nothing until you choose a server
            of {ownName} or Any server.
          </p>
        ) : (
          <p className="text-[11px] leading-snug text-slate-500">
            {bridgehead === null
              ? `Every server of ${ownName} may send over this connector.`
              : `Only ${nameOf(bridgehead)} sends; the others route through it.`}
          </p>
        )}
      </fieldset>

      <fieldset data-field={`targets:${half}`} className="space-y-1">
        <legend className="text-xs font-medium text-slate-600">Target servers in {otherName}</legend>
        <div className="flex items-center gap-2">
          <input
            id={`${id}-all`}
            type="radio"
            name={`${id}-targets`}
            className={RADIO}
            checked={targets.length === 0}
            onChange={() => set({ [targetsKey]: [] })}
          />
          <label htmlFor={`${id}-all`} className="text-[12.5px] text-slate-800">
            All servers
          </label>
        </div>
        <div className="flex items-center gap-2">
          <input
            id={`${id}-some`}
            type="radio"
            name={`${id}-targets`}
            className={RADIO}
            checked={targets.length > 0}
            disabled={targets.length === 0 && otherServers.length === 0}
            onChange={() => set({ [targetsKey]: otherServers.map((s) => s.id) })}
          />
          <label htmlFor={`${id}-some`} className="text-[12.5px] text-slate-800">
            Chosen servers
          </label>
        </div>
        {targets.length > 0 ? (
          <div className="pl-5">
            <CheckList
              legend={`Target servers chosen in ${otherName}`}
              options={targetOptions}
              chosen={targets}
              onChange={(ids) => set({ [targetsKey]: ids })}
              empty={`${otherName} has no server.`}
            />
          </div>
        ) : null}
      </fieldset>
    </Section>
  );
}
