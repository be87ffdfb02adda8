export function Inspector() {
  return <div className="text-xs text-slate-500">Inspector</div>;
}
