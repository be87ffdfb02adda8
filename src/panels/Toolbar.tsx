export function Toolbar() {
  return <div className="text-xs text-slate-500">Toolbar</div>;
}
