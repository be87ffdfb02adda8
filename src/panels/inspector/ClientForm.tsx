import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareStrings } from '../../engine/compare';
import { AUTH_NAME, NODE_KINDS, PROTOCOL_NAME } from '../../model/kinds';
import type { ClientAuth, ClientNode, ClientProtocol, OwaNode, ServerNode } from '../../model/types';
import { CLIENT_AUTHS, CLIENT_PROTOCOLS } from '../../model/types';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { AddressField, CheckboxField, type Choice, SelectField, TextField } from '../fields';
import { flowsOfNode, portLines } from './flowSummary';
import { DeleteButton, FormHeader } from './formParts';
import { PortLinesList } from './PortLinesList';
import { NodeSelectField, useNodesOf } from './pickers';
import { authShortfall, canSendMail, optionText, protocolShortfall, usesAuth } from './versionSupport';

const NO_SERVER = '';
const OWA_TYPES = ['owa'] as const;
const MAIL_SERVER_TYPES = ['server', 'smtpHost'] as const;

/** The plan's servers by name; a new array only when a server changes. */
function useServers(): ServerNode[] {
  const servers = usePlanner(
    useShallow((s) => s.plan.nodes.filter((n): n is ServerNode => n.type === 'server')),
  );
  return useMemo(
    () =>
      [...servers].sort(
        (a, b) => compareStrings(a.name || a.id, b.name || b.id) || compareStrings(a.id, b.id),
      ),
    [servers],
  );
}

export function ClientForm({ node: client }: { node: ClientNode }) {
  const updateNode = usePlanner((s) => s.updateNode);
  const servers = useServers();
  const owas = useNodesOf(OWA_TYPES);
  const analysis = useAnalysis();
  const web = client.protocol === 'web';
  // A browser reaches an OWA server; every other client an Exchange server (SPEC §2).
  const server = web ? null : (servers.find((s) => s.id === client.server) ?? null);
  const targets: readonly (ServerNode | OwaNode)[] = web ? owas : servers;
  const update = (patch: Partial<ClientNode>) => updateNode(client.id, patch);
  const lines = useMemo(
    () => portLines(analysis.flows, flowsOfNode(analysis.flows, client.id)),
    [analysis, client.id],
  );

  const protocolChoices: Choice<ClientProtocol>[] = CLIENT_PROTOCOLS.map((p) => ({
    value: p,
    text: optionText(PROTOCOL_NAME[p], protocolShortfall(p, server)),
  }));
  const authChoices: Choice<ClientAuth>[] = CLIENT_AUTHS.map((a) => ({
    value: a,
    text: optionText(AUTH_NAME[a], authShortfall(client.protocol, a, server)),
  }));
  const serverChoices: Choice<string>[] = [
    { value: NO_SERVER, text: '— none —' },
    ...targets.map((s) => ({
      value: s.id,
      text: `${s.name || s.id} (${web ? 'OWA' : 'Exchange'} ${s.exchange})`,
    })),
  ];
  // A reference to a node of the wrong kind (a loaded plan, a changed protocol) stays visible rather than silently becoming "none".
  if (client.server !== null && !targets.some((t) => t.id === client.server))
    serverChoices.push({
      value: client.server,
      text: `${client.server} (not ${web ? 'an OWA server' : 'an Exchange server'})`,
    });

  const auth = usesAuth(client.protocol);
  const sends = canSendMail(client.protocol);

  return (
    <div className="space-y-3">
      <FormHeader kind={NODE_KINDS.client.heading} name={client.name} />
      <TextField label="Name" value={client.name} onChange={(name) => update({ name })} />
      <AddressField
        value={client.address}
        onChange={(address) => update({ address })}
        help="Where these users are: an address, a block such as 10.20.0.0/16, or any (the Internet). Firewall rules name it."
      />
      <SelectField
        label="Protocol"
        value={client.protocol}
        choices={protocolChoices}
        onChange={(protocol) => update({ protocol })}
        note={protocolShortfall(client.protocol, server)}
        help="POP3 and LDAP came with Exchange 5.0, IMAP4 with 5.5 (KB 176466). A browser uses an OWA server (KB 240753)."
      />
      <SelectField
        label="Authentication"
        field="auth"
        value={client.auth}
        choices={authChoices}
        disabled={!auth}
        onChange={(value) => update({ auth: value })}
        note={auth ? authShortfall(client.protocol, client.auth, server) : null}
        help={
          !auth
            ? 'MAPI clients and the Administrator program authenticate over RPC.'
            : web
              ? 'SSL moves the browser to TCP 443, else 80. OWA cannot pass NTLM on to Exchange: use Basic over SSL (KB 175891).'
              : client.protocol === 'nntp'
                ? 'SSL moves NNTP to TCP 563 (KB 175440; KB 176466 gives no SSL port for NNTP).'
                : client.protocol === 'ldap'
                  ? 'SSL moves LDAP to TCP 636. Exchange 5.0 accepts only simple LDAP authentication (KB 175440).'
                  : 'SSL moves the protocol to its SSL port (995 for POP3, 993 for IMAP4); Basic and NTLM use the plain one.'
        }
      />
      <SelectField
        label="Server"
        field="server"
        value={client.server ?? NO_SERVER}
        choices={serverChoices}
        onChange={(id) => update({ server: id === NO_SERVER ? null : id })}
        help={
          targets.length > 0
            ? undefined
            : web
              ? 'The plan has no OWA server yet: add one from the palette.'
              : 'The plan has no Exchange server yet: add one from the palette.'
        }
      />
      <CheckboxField
        label="Sends mail"
        checked={sends && client.sendsMail}
        disabled={!sends}
        onChange={(sendsMail) => update({ sendsMail })}
        help={
          sends
            ? 'Sending goes over SMTP (TCP 25) to the Internet Mail Service of the server (KB 176466).'
            : 'Only POP3 and IMAP4 clients send mail over SMTP.'
        }
      />
      {sends && client.sendsMail ? (
        <NodeSelectField
          label="Sends mail to"
          types={MAIL_SERVER_TYPES}
          value={client.smtpServer}
          noneText="— its own server —"
          onChange={(smtpServer) => update({ smtpServer })}
          help="The server or SMTP relay these users give their outgoing mail to (TCP 25)."
        />
      ) : null}
      <CheckboxField
        label="New-mail notifications"
        field="notifications"
        checked={client.protocol === 'mapi' && client.notifications}
        disabled={client.protocol !== 'mapi'}
        onChange={(notifications) => update({ notifications })}
        help={
          client.protocol === 'mapi'
            ? 'The firewalls let the server’s UDP notifications through (1024–65535 to the client, KB 264035); without them Outlook learns of new mail only when it polls.'
            : 'Only MAPI clients get new-mail notifications.'
        }
      />
      <div>
        <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          Ports it needs
        </h4>
        <PortLinesList
          lines={lines}
          label="Ports the client needs"
          empty="No flows: choose a server it can use."
        />
      </div>
      <DeleteButton ids={[client.id]} />
    </div>
  );
}
