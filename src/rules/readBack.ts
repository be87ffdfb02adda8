/**
 * Test support: reads generated ASA, IOS and SRX configurations back into
 * the (source, destination, protocol, port) lines they permit, so a test can
 * hold them to the port matrix. A source or destination is an address as the
 * plan writes it (`10.1.0.10`, `10.1.0.0/16`), `any`, or `?<node id>` for a
 * placeholder. Deliberately separate from the generators: it parses text.
 */

export type PermitLine = string;

const line = (src: string, dst: string, protocol: string, port: string): PermitLine =>
  `${src} | ${dst} | ${protocol.toUpperCase()} | ${port}`;

function prefixOfMask(mask: string, invert = false): number {
  return mask
    .split('.')
    .map((o) => (invert ? 255 - Number(o) : Number(o)))
    .reduce((bits, o) => bits + (o.toString(2).match(/1/g)?.length ?? 0), 0);
}

function canonical(address: string): string {
  return address.replace(/\/(32|128)$/, (m, p) => ((p === '32') === !address.includes(':') ? '' : m));
}

function placeholderOf(text: string): string | null {
  const matches = [...text.matchAll(/\(node ([A-Za-z0-9_.-]+)\)/g)];
  const last = matches[matches.length - 1];
  return text.includes('TO FILL IN') && last ? `?${last[1]}` : null;
}

function portOf(words: string[]): string {
  if (words[0] === 'eq') return words[1] as string;
  if (words[0] === 'range') return words[1] === words[2] ? (words[1] as string) : `${words[1]}-${words[2]}`;
  throw new Error(`no port in "${words.join(' ')}"`);
}

/** The permits of a Cisco ASA configuration. */
export function readAsa(text: string): Set<PermitLine> {
  const objects = new Map<string, string>();
  const groups = new Map<string, { protocol: string; port: string }[]>();
  const out = new Set<PermitLine>();
  let object: string | null = null;
  let group: string | null = null;
  for (const raw of text.split('\n')) {
    const w = raw.trim().split(/\s+/);
    if (raw.startsWith('object network ')) {
      object = w[2] as string;
      group = null;
    } else if (raw.startsWith('object-group service ')) {
      group = w[2] as string;
      groups.set(group, []);
      object = null;
    } else if (raw.startsWith(' ') && object) {
      if (w[0] === 'host') objects.set(object, w[1] as string);
      else if (w[0] === 'subnet' && w.length === 3)
        objects.set(object, `${w[1]}/${prefixOfMask(w[2] as string)}`);
      else if (w[0] === 'subnet') objects.set(object, w[1] as string);
      else if (w[0] === 'description' && !objects.has(object)) {
        const p = placeholderOf(raw);
        if (p) objects.set(object, p);
      }
    } else if (raw.startsWith(' ') && group && w[0] === 'service-object') {
      groups.get(group)?.push({ protocol: w[1] as string, port: portOf(w.slice(3)) });
    } else if (raw.startsWith('access-list ') && w[2] === 'extended') {
      object = null;
      group = null;
      const rest = w.slice(4);
      let services: { protocol: string; port: string }[];
      if (rest[0] === 'object-group') {
        services = groups.get(rest[1] as string) ?? [];
        rest.splice(0, 2);
      } else services = [];
      const protocol = services.length ? null : (rest.shift() as string);
      const end = (): string => {
        const word = rest.shift() as string;
        if (word === 'any') return 'any';
        const name = rest.shift() as string;
        const address = objects.get(name);
        if (address === undefined) throw new Error(`object ${name} is not defined`);
        return address;
      };
      const src = end();
      const dst = end();
      if (protocol) services = [{ protocol, port: portOf(rest) }];
      for (const s of services) out.add(line(src, dst, s.protocol, s.port));
    } else {
      object = null;
      group = null;
    }
  }
  return out;
}

/** The permits of Cisco IOS access lists, commented placeholder entries included. */
export function readIos(text: string): Set<PermitLine> {
  const placeholders = new Map<string, string>();
  const out = new Set<PermitLine>();
  for (const raw of text.split('\n')) {
    const ph = /^!\s+<([^>\s]+)> = (.*)$/.exec(raw);
    if (ph) {
      const p = placeholderOf(ph[2] as string);
      if (p) placeholders.set(ph[1] as string, p);
      continue;
    }
    const entry = /^(?: |! TO FILL IN: {2})permit (tcp|udp) (.*)$/.exec(raw);
    if (!entry) continue;
    const rest = (entry[2] as string).split(' ');
    const end = (): string => {
      const word = rest.shift() as string;
      if (word === 'any') return 'any';
      if (word === 'host') return rest.shift() as string;
      if (word.startsWith('<')) {
        const p = placeholders.get(word.slice(1, -1));
        if (!p) throw new Error(`placeholder ${word} is not described`);
        return p;
      }
      if (word.includes(':')) return word;
      return `${word}/${prefixOfMask(rest.shift() as string, true)}`;
    };
    const src = end();
    const dst = end();
    out.add(line(src, dst, entry[1] as string, portOf(rest)));
  }
  return out;
}

/** The permits of Juniper SRX `set` commands. */
export function readSrx(text: string): Set<PermitLine> {
  const addresses = new Map<string, string>();
  const apps = new Map<string, { protocol?: string; port?: string }>();
  const sets = new Map<string, string[]>();
  const policies = new Map<string, { src?: string; dst?: string; app?: string; permit?: boolean }>();
  for (const raw of text.split('\n')) {
    const w = raw.split(' ');
    if (raw.startsWith('set security address-book global address ')) {
      const name = w[5] as string;
      if (w[6] === 'description') {
        const p = placeholderOf(raw);
        if (p && !addresses.has(name)) addresses.set(name, p);
      } else addresses.set(name, canonical(w[6] as string));
    } else if (raw.startsWith('set applications application-set ')) {
      const list = sets.get(w[3] as string) ?? [];
      list.push(w[5] as string);
      sets.set(w[3] as string, list);
    } else if (raw.startsWith('set applications application ')) {
      const app = apps.get(w[3] as string) ?? {};
      if (w[4] === 'protocol') app.protocol = w[5];
      if (w[4] === 'destination-port') app.port = w[5];
      apps.set(w[3] as string, app);
    } else if (raw.startsWith('set security policies from-zone ')) {
      const key = w.slice(3, 9).join(' ');
      const policy = policies.get(key) ?? {};
      if (w[9] === 'match' && w[10] === 'source-address') policy.src = w[11];
      if (w[9] === 'match' && w[10] === 'destination-address') policy.dst = w[11];
      if (w[9] === 'match' && w[10] === 'application') policy.app = w[11];
      if (w[9] === 'then' && w[10] === 'permit') policy.permit = true;
      policies.set(key, policy);
    }
  }
  const out = new Set<PermitLine>();
  const address = (name: string | undefined) => {
    if (name === 'any') return 'any';
    const a = name === undefined ? undefined : addresses.get(name);
    if (a === undefined) throw new Error(`address ${name} is not defined`);
    return a;
  };
  for (const [key, p] of policies) {
    if (!p.permit || !p.app) throw new Error(`policy ${key} is incomplete`);
    for (const name of sets.get(p.app) ?? [p.app]) {
      const app = apps.get(name);
      if (!app?.protocol || !app.port) throw new Error(`application ${name} is not defined`);
      out.add(line(address(p.src), address(p.dst), app.protocol, app.port));
    }
  }
  return out;
}

export { line as permitLine };
