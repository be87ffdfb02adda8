import { useMemo } from 'react';
import { STATIC_PORT_REGISTRY } from '../../engine/registry';
import type { StaticPortKind } from '../../engine/versions';
import { DEFAULT_LDAP_PORT } from '../../model/defaults';
import { NODE_KINDS, SERVICE_LABEL } from '../../model/kinds';
import { LAST_SERVICE_PACK } from '../../model/schema';
import type { ExchangeVersion, ServerNode, ServerServices, StaticPorts } from '../../model/types';
import { EXCHANGE_VERSIONS } from '../../model/types';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import {
  AddressField,
  CheckboxField,
  type Choice,
  PortField,
  Section,
  SelectField,
  TextField,
} from '../fields';
import { flowsOfNode } from './flowSummary';
import { DeleteButton, FormHeader } from './formParts';
import { NodeSelectField } from './pickers';
import { RpcRangeFields } from './RpcRangeFields';
import { ldapPortShortfall, mtaPortShortfall, protocolShortfall, rfc1006Shortfall } from './versionSupport';

/** The service packs each version had (SPEC §2: 0–5 for 4.0, 0–2 for 5.0, 0–4 for 5.5). */
function servicePackChoices(exchange: ExchangeVersion): Choice<string>[] {
  return Array.from({ length: LAST_SERVICE_PACK[exchange] + 1 }, (_, sp) => ({
    value: String(sp),
    text: sp === 0 ? 'None (SP0)' : `Service Pack ${sp}`,
  }));
}

const VERSION_CHOICES: readonly Choice<ExchangeVersion>[] = EXCHANGE_VERSIONS.map((v) => ({
  value: v,
  text: v,
}));

const SERVICE_HELP: Partial<Record<keyof ServerServices, string>> = {
  internetMail: 'SMTP on TCP 25, for SMTP hosts and for POP3/IMAP4 clients that send mail (KB 176466).',
};
const SERVICE_KEYS = Object.keys(SERVICE_LABEL) as (keyof ServerServices)[];

function serviceNote(key: keyof ServerServices, server: ServerNode): string | null {
  return key === 'internetMail' ? null : protocolShortfall(key, server);
}

export function ServerForm({ node: server }: { node: ServerNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const sites = usePlanner((s) => s.plan.sites);
  const analysis = useAnalysis();
  const flowCount = useMemo(() => flowsOfNode(analysis.flows, server.id).length, [analysis, server.id]);
  const update = (patch: Partial<ServerNode>) => updateNode(server.id, patch);
  const setService = (key: keyof ServerServices, on: boolean) =>
    update({ services: { ...server.services, [key]: on } });
  const setStatic = (key: keyof StaticPorts, port: number | null) =>
    update({ staticPorts: { ...server.staticPorts, [key]: port } });

  const siteChoices: Choice<string>[] = sites.map((s) => ({ value: s.id, text: s.name || s.id }));
  if (!sites.some((s) => s.id === server.site)) siteChoices.unshift({ value: server.site, text: '— none —' });

  // A version that had fewer service packs keeps the last one it had (5.5 SP4 becomes 5.0 SP2).
  const setVersion = (exchange: ExchangeVersion) =>
    update({ exchange, servicePack: Math.min(server.servicePack, LAST_SERVICE_PACK[exchange]) });

  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.server.heading} name={server.name} />
      <TextField label="Name" value={server.name} onChange={(name) => update({ name })} />
      <SelectField
        label="Site"
        field="site"
        value={server.site}
        choices={siteChoices}
        onChange={(site) => update({ site })}
        help="Servers of one site talk RPC to each other; connectors join sites (KB 176466, scenarios 5 and 6)."
      />
      <AddressField value={server.address} onChange={(address) => update({ address })} />
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          label="Exchange version"
          field="exchange"
          value={server.exchange}
          choices={VERSION_CHOICES}
          onChange={setVersion}
        />
        <SelectField
          label="Service pack"
          field="servicePack"
          value={String(server.servicePack)}
          choices={servicePackChoices(server.exchange)}
          onChange={(sp) => update({ servicePack: Number(sp) })}
        />
      </div>

      <Section title="Services">
        {SERVICE_KEYS.map((key) => (
          <CheckboxField
            key={key}
            label={SERVICE_LABEL[key]}
            field={`service:${key}`}
            checked={server.services[key]}
            onChange={(on) => setService(key, on)}
            note={serviceNote(key, server)}
            help={SERVICE_HELP[key]}
          />
        ))}
      </Section>

      {server.services.internetMail ? (
        <Section title="Internet Mail Service">
          <NodeSelectField
            label="Smart host"
            types={['smtpHost']}
            value={server.smartHost}
            noneText="— none: deliver by DNS —"
            onChange={(smartHost) => update({ smartHost })}
            help="Forward all outgoing mail to this SMTP host (KB 182339); then only it is reached on TCP 25."
          />
          <NodeSelectField
            label="DNS server"
            field="dns"
            types={['dns']}
            value={server.dns}
            onChange={(dns) => update({ dns })}
            help="Without a smart host, the Internet Mail Service looks up mail hosts over UDP 53 (KB 182821)."
          />
        </Section>
      ) : null}

      <Section title="Static RPC ports">
        <p className="text-[11px] leading-snug text-slate-500">
          Empty means dynamic: the endpoint mapper (TCP 135) hands out a port from 1024–65535 and a firewall
          must open the whole range. Pick free ports above 5000 (KB 155831, KB 180795).
        </p>
        <PortField
          label="Directory (DS) port"
          field="staticPort:directory"
          allowEmpty
          value={server.staticPorts.directory}
          onChange={(p) => setStatic('directory', p)}
          help={<RegistryHelp kind="directory" />}
        />
        <PortField
          label="Information Store (IS) port"
          field="staticPort:store"
          allowEmpty
          value={server.staticPorts.store}
          onChange={(p) => setStatic('store', p)}
          help={<RegistryHelp kind="store" />}
        />
        <PortField
          label="MTA port"
          field="staticPort:mta"
          allowEmpty
          value={server.staticPorts.mta}
          onChange={(p) => setStatic('mta', p)}
          note={mtaPortShortfall(server)}
          help={<RegistryHelp kind="mta" />}
        />
        <PortField
          label="System Attendant (SA) port"
          field="staticPort:systemAttendant"
          allowEmpty
          value={server.staticPorts.systemAttendant}
          onChange={(p) => setStatic('systemAttendant', p)}
          help={<RegistryHelp kind="systemAttendant" />}
        />
      </Section>

      <Section title="RPC dynamic range">
        <div data-field="rpcRange" className="space-y-2">
          <RpcRangeFields server={server} onChange={(rpcPorts) => update({ rpcPorts })} />
        </div>
      </Section>

      <Section title="Directory (LDAP)">
        <PortField
          label="LDAP port"
          field="ldapPort"
          allowEmpty={false}
          value={server.ldapPort}
          onChange={(p) => {
            if (p !== null) update({ ldapPort: p });
          }}
          note={ldapPortShortfall(server)}
          help={`Default ${DEFAULT_LDAP_PORT}, for Basic and NTLM; LDAP over SSL stays on 636. Moved on 5.5 to share a computer with another directory (KB 224447).`}
        />
      </Section>

      <Section title="X.400 over TCP/IP">
        <PortField
          label="RFC1006 port"
          field="rfc1006Port"
          allowEmpty={false}
          value={server.rfc1006Port}
          onChange={(p) => {
            if (p !== null) update({ rfc1006Port: p });
          }}
          note={rfc1006Shortfall(server)}
          help={
            <>
              Default 102. Every MTA on an X.400 connector must use the same port (KB 176466, scenario 6b).{' '}
              <RegistryHelp kind="rfc1006" />
            </>
          }
        />
      </Section>

      <p className="text-xs text-slate-500">
        {flowCount === 1 ? '1 flow starts or ends here.' : `${flowCount} flows start or end here.`}
      </p>
      <DeleteButton ids={[server.id]} />
    </div>
  );
}

/** Where the registry makes the port static, short enough to read; the full key in the tooltip. */
function RegistryHelp({ kind }: { kind: StaticPortKind }) {
  const r = STATIC_PORT_REGISTRY[kind];
  const key = r.key.replace('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\', '');
  return (
    <span title={`${r.key} · ${r.value} (REG_DWORD, decimal); restart ${r.restart}`}>
      Registry <span className="font-mono text-[10px] text-slate-600">{key}</span> value{' '}
      <span className="font-mono text-[10px] text-slate-600">"{r.value}"</span> ({r.versions};{' '}
      {r.kb.join(', ')}).
    </span>
  );
}
