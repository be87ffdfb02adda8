export function ResultsPanel() {
  return <div className="text-xs text-slate-500">ResultsPanel</div>;
}
