import { useDeferredValue, useId, useMemo } from 'react';
import { firewallRulesZip, zipOfFiles } from '../../io/exports';
import { filesAsText, RULE_FORMATS, type RuleFormat, ruleFormat } from '../../rules/formats';
import type { GeneratedFile } from '../../rules/platform';
import { useAnalysis } from '../../store/analysis';
import { usePlanner } from '../../store/store';
import { downloadBlob, saveExport } from '../download';
import { BUTTON } from '../fields';
import { usePanelState } from '../panelState';
import { MissingAddresses, RuleList } from './RuleList';
import { RulesText } from './RulesText';
import {
  baseName,
  firewallFiles,
  firewallZipName,
  reductionText,
  ruleSetFor,
  shownFirewall,
} from './ruleView';

const SELECT =
  'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500';

/**
 * The firewall rules of SPEC §9 beside the port matrix: one firewall in one
 * format, as the rules command writes it, with its rules as a list to find on
 * the canvas, the nodes still without an address, and copy and download.
 */
export function RulesView() {
  const current = usePlanner((s) => s.plan);
  const currentAnalysis = useAnalysis();
  // The rules follow the plan a moment after the canvas and the matrix, so typing in the inspector stays quick.
  const shownPlan = useMemo(() => ({ plan: current, analysis: currentAnalysis }), [current, currentAnalysis]);
  const { plan, analysis } = useDeferredValue(shownPlan);
  const stale = plan !== current;
  const notify = usePlanner((s) => s.notify);
  const firewallId = useId();
  const formatId = useId();
  const chosenFirewall = usePanelState((s) => s.rulesFirewall);
  const chosenFormat = usePanelState((s) => s.rulesFormat);
  const setRulesFirewall = usePanelState((s) => s.setRulesFirewall);
  const setRulesFormat = usePanelState((s) => s.setRulesFormat);
  const format = ruleFormat(chosenFormat) ?? (RULE_FORMATS[0] as RuleFormat);

  const set = useMemo(() => ruleSetFor(plan, analysis), [plan, analysis]);
  const fw = shownFirewall(set, chosenFirewall);
  const files = useMemo(() => (fw ? firewallFiles(set, format, fw.firewall.id) : []), [set, format, fw]);
  const allFirewalls = useMemo(() => firewallRulesZip(format), [format]);

  if (!fw)
    return (
      <p className="px-2 py-2 text-xs text-slate-600">
        The plan has no firewall: put one between endpoints to see the rules it needs.
      </p>
    );

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify({ kind: 'info', text: `Copied ${what} to the clipboard.` });
    } catch (error) {
      notify({
        kind: 'error',
        text: `The rules could not be copied: ${error instanceof Error ? error.message : String(error)}. Select the text and copy it, or download the file.`,
      });
    }
  };
  const what = `the ${format.id} rules of ${fw.firewall.name}`;

  const download = () => {
    const only = files.length === 1 ? (files[0] as GeneratedFile) : null;
    const name = only ? baseName(only.path) : firewallZipName(plan.name, fw.firewall.name, format.id);
    downloadBlob(
      name,
      only ? new Blob([only.content], { type: 'text/plain;charset=utf-8' }) : zipOfFiles(files),
    );
    notify({ kind: 'info', text: `Saved ${what} as ${name}.` });
  };

  const downloadAll = async () => {
    const name = await saveExport(allFirewalls, { plan, analysis });
    notify({
      kind: 'info',
      text: name === null ? (allFirewalls.emptyText ?? '') : `Saved ${allFirewalls.subject} as ${name}.`,
    });
  };

  return (
    <div className="@container flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-2 py-1.5">
        <span className="flex items-center gap-1.5">
          <label htmlFor={firewallId} className="text-xs font-medium text-slate-600">
            Firewall
          </label>
          <select
            id={firewallId}
            className={SELECT}
            value={fw.firewall.id}
            onChange={(e) => setRulesFirewall(e.target.value)}
          >
            {set.firewalls.map((f) => (
              <option key={f.firewall.id} value={f.firewall.id}>
                {f.firewall.name}
              </option>
            ))}
          </select>
        </span>
        <span className="flex items-center gap-1.5">
          <label htmlFor={formatId} className="text-xs font-medium text-slate-600">
            Format
          </label>
          <select
            id={formatId}
            className={SELECT}
            value={format.id}
            onChange={(e) => setRulesFormat(e.target.value)}
          >
            {RULE_FORMATS.map((f) => (
              <option key={f.id} value={f.id} title={f.label}>
                {f.id}
              </option>
            ))}
          </select>
        </span>
        <span className="text-xs text-slate-600" aria-live="polite">
          {reductionText(fw)}
        </span>
        <span className="ml-auto flex flex-wrap gap-1.5">
          <button type="button" className={BUTTON} onClick={() => void copy(filesAsText(files), what)}>
            Copy
          </button>
          <button type="button" className={BUTTON} onClick={download}>
            {files.length === 1 ? 'Download' : 'Download (ZIP)'}
          </button>
          <button type="button" className={BUTTON} onClick={() => void downloadAll()}>
            Download all firewalls (ZIP)
          </button>
        </span>
      </div>
      <div className="flex min-h-0 flex-1 flex-col @2xl:flex-row">
        <div className="max-h-[40%] shrink-0 overflow-auto border-b border-slate-200 @2xl:max-h-none @2xl:w-72 @2xl:border-r @2xl:border-b-0">
          <MissingAddresses fw={fw} />
          <RuleList fw={fw} analysis={analysis} />
        </div>
        {/* Focusable, so the rules text scrolls by keyboard too (WCAG 2.1.1). */}
        <section
          aria-label={`Rules text of ${fw.firewall.name}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus to scroll by keyboard; its text has no other focusable part
          tabIndex={0}
          className="min-h-0 min-w-0 flex-1 overflow-auto focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500"
          aria-busy={stale}
        >
          <RulesText
            files={files}
            format={format}
            onCopyFile={
              files.length > 1
                ? (file) => void copy(file.content, `${file.path} of ${fw.firewall.name}`)
                : undefined
            }
          />
        </section>
      </div>
    </div>
  );
}
