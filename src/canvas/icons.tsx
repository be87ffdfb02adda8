import type { DrawableKind } from '../model/kinds';

const PATHS: Record<DrawableKind, React.ReactNode> = {
  server: (
    <>
      <rect x="4" y="3" width="16" height="7" rx="1.5" />
      <rect x="4" y="14" width="16" height="7" rx="1.5" />
      <path d="M8 6.5h.01M8 17.5h.01M12 6.5h4M12 17.5h4" />
    </>
  ),
  client: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  firewall: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 9.33h18M3 14.66h18M9 4v5.33M15 9.33v5.34M9 14.66V20" />
    </>
  ),
  network: (
    <>
      <rect x="9" y="3" width="6" height="5" rx="1" />
      <rect x="3" y="16" width="6" height="5" rx="1" />
      <rect x="15" y="16" width="6" height="5" rx="1" />
      <path d="M12 8v4M6 16v-4h12v4" />
    </>
  ),
  smtpHost: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="1.5" />
      <path d="m3.5 6 8.5 7 8.5-7" />
    </>
  ),
  owa: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.6 5.6 3.6 9s-1.1 6.4-3.6 9c-2.5-2.6-3.6-5.6-3.6-9S9.5 5.6 12 3Z" />
    </>
  ),
  dns: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M7 9h4M7 12h6M7 15h3M15.5 9.5l2 2-2 2" />
    </>
  ),
  newsHost: (
    <>
      <path d="M5 4h11a1 1 0 0 1 1 1v14a1 1 0 0 0 2 0V8h1v11a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a1 1 0 0 1 1-1Z" />
      <path d="M8 8h5M8 11h5M8 14h5M8 17h3" />
    </>
  ),
  site: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" strokeDasharray="3 2.5" />
      <path d="M7 8h6" />
    </>
  ),
};

/** A small line icon for a kind of node; decorative (the text next to it names the thing). */
export function KindIcon({ kind, className }: { kind: DrawableKind; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {PATHS[kind]}
    </svg>
  );
}

/** Icon tile colours per kind: one hue each, kept light so the severities stand out. */
/** A node's fill in the zoomed-out overview: its kind told apart at a glance, a shade deeper than its tile. */
export const KIND_FILL: Record<DrawableKind, string> = {
  server: 'bg-blue-200',
  client: 'bg-teal-200',
  firewall: 'bg-orange-300',
  network: 'bg-emerald-200',
  smtpHost: 'bg-violet-200',
  owa: 'bg-sky-200',
  dns: 'bg-amber-200',
  newsHost: 'bg-rose-200',
  site: 'bg-slate-100',
};

export const KIND_TILE: Record<DrawableKind, string> = {
  server: 'bg-blue-50 text-blue-700 border-blue-200',
  client: 'bg-teal-50 text-teal-700 border-teal-200',
  firewall: 'bg-orange-50 text-orange-700 border-orange-200',
  network: 'bg-emerald-50 text-emerald-700 border-emerald-200',
  smtpHost: 'bg-violet-50 text-violet-700 border-violet-200',
  owa: 'bg-sky-50 text-sky-700 border-sky-200',
  dns: 'bg-amber-50 text-amber-700 border-amber-200',
  newsHost: 'bg-rose-50 text-rose-700 border-rose-200',
  site: 'bg-slate-50 text-slate-600 border-slate-300',
};
