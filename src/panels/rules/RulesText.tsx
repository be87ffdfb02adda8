import { useMemo } from 'react';
import type { RuleFormat } from '../../rules/formats';
import type { GeneratedFile } from '../../rules/platform';
import { linesOf, RULES_RENDER_LIMIT } from './ruleView';

/** Paths are distinct within one firewall's files, and only one view shows them. */
const pathId = (path: string) => `rules-file-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * The files of one firewall as text to read: monospace, comments and remarks
 * in a quieter colour than what the device runs, long lines scrolling
 * sideways, each file of a multi-file format under its path.
 */
export function RulesText({
  files,
  format,
  onCopyFile,
}: {
  files: readonly GeneratedFile[];
  format: RuleFormat;
  /** Copies one file of several; absent when there is one file (the view's Copy copies it). */
  onCopyFile?: (file: GeneratedFile) => void;
}) {
  const shown = useMemo(() => {
    let left = RULES_RENDER_LIMIT;
    return files.map((file) => {
      const lines = linesOf(file.content, format, left);
      left -= lines.length;
      const total = file.content.split('\n').length - (file.content.endsWith('\n') ? 1 : 0);
      return { file, lines, cut: total - lines.length };
    });
  }, [files, format]);

  return (
    <div className="min-w-max">
      {shown.map(({ file, lines, cut }) => (
        <figure
          key={file.path}
          aria-labelledby={pathId(file.path)}
          className="border-b border-slate-200 last:border-b-0"
        >
          <figcaption className="sticky left-0 flex items-center gap-2 bg-slate-50 px-2 py-1 text-xs">
            <span id={pathId(file.path)} className="font-mono font-semibold text-slate-800">
              {file.path}
            </span>
            {onCopyFile ? (
              <button
                type="button"
                className="rounded border border-slate-300 bg-white px-1.5 text-[11px] text-slate-700 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
                onClick={() => onCopyFile(file)}
              >
                Copy {file.path}
              </button>
            ) : null}
          </figcaption>
          <pre className="px-2 py-1 font-mono text-[12px] leading-[1.45] text-slate-900">
            {lines.map((line) => (
              <span
                key={line.number}
                className={line.comment ? 'text-emerald-800' : undefined}
                data-comment={line.comment || undefined}
              >
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
          {cut > 0 ? (
            <p className="sticky left-0 bg-slate-50 px-2 py-1 text-xs text-slate-600">
              {cut} more lines not shown — download the file for all of it.
            </p>
          ) : null}
        </figure>
      ))}
    </div>
  );
}
