export function App() {
  return (
    <main className="flex h-screen items-center justify-center bg-slate-50 text-slate-900">
      <h1 className="text-2xl font-semibold">Exchange Port Planner</h1>
    </main>
  );
}
