import type { ReactNode } from 'react';
import type { Finding, MatrixRow } from '../../engine/types';
import type { FirewallRows, PackChanges, ReviewPackContent } from './reviewPack';

/** The diagram as the pack shows it: a picture of the whole plan. */
export interface PackDiagram {
  url: string;
  width: number;
  height: number;
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;
const OBJECT_CHANGE = { added: '+ Added', removed: '− Removed', changed: 'Δ Changed' } as const;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The review pack as a document for paper (A4 or Letter): the title block and
 * the diagram with its legend on the first page, then one section a page on:
 * findings, changes since the baseline, open notes, the port matrix per
 * firewall. index.css (`.epp-pack`) holds its print style sheet: what the
 * page breaks are, table headers repeated on every page, no planner chrome.
 */
export function ReviewPackDocument({
  content,
  diagram,
  legend,
}: {
  content: ReviewPackContent;
  diagram: PackDiagram | null;
  legend: ReactNode;
}) {
  const { counts, findings, changes, openNotes, matrix } = content;
  const severities = (['error', 'warning', 'info'] as const)
    .map((s) => ({ s, n: findings.filter((f) => f.severity === s).length }))
    .filter(({ n }) => n > 0)
    .map(({ s, n }) => plural(n, SEVERITY_WORD[s].toLowerCase()));
  return (
    <article className="epp-pack" aria-label={`Review pack of ${content.title}`}>
      <header className="epp-pack-title">
        <p className="epp-pack-kicker">Exchange Port Planner · Design review pack</p>
        <h1>{content.title}</h1>
        <dl>
          <dt>Printed</dt>
          <dd>{content.printed}</dd>
          <dt>Baseline</dt>
          <dd>
            {content.baseline === null
              ? 'No baseline: the plan has not been marked as reviewed, so no changes are listed.'
              : `Changes since ${content.baseline}`}
          </dd>
          <dt>Plan</dt>
          <dd>
            {plural(counts.sites, 'site')}, {plural(counts.nodes, 'node')},{' '}
            {plural(counts.firewalls, 'firewall')}, {plural(counts.matrixRows, 'port matrix row')}
          </dd>
          <dt>Findings</dt>
          <dd>{severities.length ? severities.join(', ') : 'none'}</dd>
          <dt>Open notes</dt>
          <dd>{openNotes.length || 'none'}</dd>
          {changes ? (
            <>
              <dt>Rule changes</dt>
              <dd>
                {plural(rowCount(changes.removed), 'rule')} to remove, {rowCount(changes.added)} to add
              </dd>
            </>
          ) : null}
        </dl>
      </header>

      <section className="epp-pack-diagram" aria-labelledby="pack-diagram">
        <h2 id="pack-diagram">Diagram</h2>
        {diagram ? (
          <img
            src={diagram.url}
            width={diagram.width}
            height={diagram.height}
            alt={`Diagram of ${content.title}`}
          />
        ) : (
          <p>The plan is empty: there is no diagram.</p>
        )}
        <div className="epp-pack-legend">{legend}</div>
      </section>

      <section className="epp-pack-section" aria-labelledby="pack-findings">
        <h2 id="pack-findings">Findings</h2>
        {findings.length === 0 ? (
          <p>The plan has no findings.</p>
        ) : (
          <FindingsTable findings={findings} label="Findings" />
        )}
      </section>

      <section className="epp-pack-section" aria-labelledby="pack-changes">
        <h2 id="pack-changes">Changes since the baseline</h2>
        {changes ? (
          <Changes changes={changes} />
        ) : (
          <p>
            No baseline. Mark the plan as reviewed after a review: the next pack lists the firewall rules to
            add and remove since then.
          </p>
        )}
      </section>

      <section className="epp-pack-section" aria-labelledby="pack-notes">
        <h2 id="pack-notes">Open notes</h2>
        {openNotes.length === 0 ? (
          <p>No open notes.</p>
        ) : (
          <table aria-label="Open notes">
            <thead>
              <tr>
                <th className="w-[30%]">About</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {openNotes.map((n, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a printed list, rebuilt as a whole
                <tr key={i}>
                  <td>{n.about}</td>
                  <td className="whitespace-pre-wrap">{n.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="epp-pack-section" aria-labelledby="pack-matrix">
        <h2 id="pack-matrix">Port matrix</h2>
        {matrix.length === 0 ? (
          <p>No flow crosses a firewall: the firewalls need no rules.</p>
        ) : (
          matrix.map((fw) => (
            <RowsTable
              key={fw.firewall.id}
              group={fw}
              caption={`${fw.firewall.name} · ${plural(fw.rows.length, 'row')}`}
            />
          ))
        )}
      </section>
    </article>
  );
}

function rowCount(groups: readonly FirewallRows[]): number {
  return groups.reduce((n, g) => n + g.rows.length, 0);
}

function FindingsTable({ findings, label }: { findings: readonly Finding[]; label: string }) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th className="w-[12%]">Severity</th>
          <th className="w-[22%]">Code</th>
          <th>Finding</th>
          <th className="w-[14%]">KB</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a printed list, rebuilt as a whole
          <tr key={i}>
            <td className={f.severity === 'error' ? 'epp-pack-error' : undefined}>
              {SEVERITY_WORD[f.severity]}
            </td>
            <td className="epp-pack-code">{f.code}</td>
            <td>{f.message}</td>
            <td>{f.kb.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Changes({ changes }: { changes: PackChanges }) {
  const { removed, added, findingsAppeared, findingsWentAway, objects } = changes;
  return (
    <>
      <p>Compared with {changes.since}.</p>
      <h3>Firewall rules to remove</h3>
      {removed.length === 0 ? (
        <p>None.</p>
      ) : (
        removed.map((g) => (
          <RowsTable
            key={g.firewall.id}
            group={g}
            caption={`${g.firewall.name} · remove ${plural(g.rows.length, 'rule')}`}
          />
        ))
      )}
      <h3>Firewall rules to add</h3>
      {added.length === 0 ? (
        <p>None.</p>
      ) : (
        added.map((g) => (
          <RowsTable
            key={g.firewall.id}
            group={g}
            caption={`${g.firewall.name} · add ${plural(g.rows.length, 'rule')}`}
          />
        ))
      )}
      <h3>Findings that appeared</h3>
      {findingsAppeared.length === 0 ? (
        <p>None.</p>
      ) : (
        <FindingsTable findings={findingsAppeared} label="Findings that appeared" />
      )}
      <h3>Findings that went away</h3>
      {findingsWentAway.length === 0 ? (
        <p>None.</p>
      ) : (
        <FindingsTable findings={findingsWentAway} label="Findings that went away" />
      )}
      <h3>Objects added, removed or changed</h3>
      {objects.length === 0 ? (
        <p>None.</p>
      ) : (
        <table aria-label="Changed objects">
          <thead>
            <tr>
              <th className="w-[14%]">Change</th>
              <th className="w-[30%]">Object</th>
              <th>Fields</th>
            </tr>
          </thead>
          <tbody>
            {objects.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a printed list, rebuilt as a whole
              <tr key={i}>
                <td>{OBJECT_CHANGE[o.change]}</td>
                <td>
                  {o.kind} {o.name}
                </td>
                <td>{o.fields.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function End({ name, address, site }: { name: string; address: string; site: string }) {
  return (
    <>
      <span className="epp-pack-name">{name}</span>
      {address || site ? (
        <span className="epp-pack-sub">{[address, site].filter(Boolean).join(' · ')}</span>
      ) : null}
    </>
  );
}

/** Matrix rows of one firewall, five columns so that a portrait page holds them. */
function RowsTable({ group, caption }: { group: FirewallRows; caption: string }) {
  return (
    <table className="epp-pack-rows" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th className="w-[20%]">Source</th>
          <th className="w-[20%]">Destination</th>
          <th className="w-[13%]">Port</th>
          <th className="w-[14%]">Service</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {group.rows.map((r: MatrixRow, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a printed table, rebuilt as a whole
          <tr key={i}>
            <td>
              <End name={r.source} address={r.sourceAddress} site={r.sourceSite} />
            </td>
            <td>
              <End name={r.destination} address={r.destinationAddress} site={r.destinationSite} />
            </td>
            <td className="epp-pack-code">
              {r.protocol} {r.port}
            </td>
            <td>{r.service}</td>
            <td className="epp-pack-reason">{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
