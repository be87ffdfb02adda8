import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Diagram, diagramSvg, wrapText, xmlText } from './diagramSvg';

const box = (x: number, y: number) => ({ x, y, width: 150, height: 56 });

function diagram(names: { site: string; a: string; b: string; fw: string; title: string }): Diagram {
  const a = box(40, 60);
  const fw = box(260, 60);
  const b = box(480, 60);
  return {
    title: names.title,
    date: '2026-12-02',
    sites: [{ rect: { x: 440, y: 0, width: 260, height: 160 }, name: names.site, serverCount: 1 }],
    nodes: [
      { rect: a, kind: 'client', name: names.a, detail: 'POP3 · SSL', note: `uses ${names.b}` },
      { rect: fw, kind: 'firewall', name: names.fw, detail: '2 ports', note: null },
      { rect: b, kind: 'server', name: names.b, detail: 'Exchange 5.5 SP2', note: names.site },
    ],
    links: [
      {
        from: a,
        to: fw,
        badges: [
          { text: '110', tone: 'neutral' },
          { text: '1024-65535', tone: 'warning' },
        ],
      },
      { from: fw, to: b, badges: [{ text: '102', tone: 'error' }] },
    ],
    connectors: [{ from: b, to: a, label: `X.400 ${names.a} – ${names.b}`, ports: '102' }],
  };
}

/** Characters XML 1.0 allows. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/**
 * A well-formedness check of the SVG the drawing writes: only allowed
 * characters; every tag closed in order; no `<` or bare `&` in text or
 * attribute values. (The drawing writes no comments, CDATA or declarations.)
 */
function wellFormed(svg: string): string | null {
  if (!XML_CHARS.test(svg)) return 'a character XML does not allow';
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < svg.length) {
    const next = svg.indexOf('<', at);
    const text = svg.slice(at, next === -1 ? svg.length : next);
    if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(text)) return `a bare & in "${text}"`;
    if (next === -1) break;
    tag.lastIndex = next;
    const m = tag.exec(svg);
    if (!m) return `a broken tag at ${svg.slice(next, next + 40)}`;
    const [, closing, name, attrs = '', selfClosing] = m;
    if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(attrs)) return `a bare & in ${attrs}`;
    if (closing) {
      if (open.pop() !== name) return `</${name}> closes another element`;
    } else if (!selfClosing) open.push(name ?? '');
    at = tag.lastIndex;
  }
  return open.length === 0 ? null : `unclosed <${open.join('>, <')}>`;
}

/** The text of every `<text>` element, entities read back. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('diagramSvg', () => {
  const plain = { site: 'Amsterdam', a: 'Home POP3 users', b: 'EXAMS01', fw: 'FW-EDGE', title: 'Contoso' };

  it('draws shapes and text, no HTML: a rect per site and node, a line per link, a dashed path per connector', () => {
    const { svg, width, height } = diagramSvg(diagram(plain));
    expect(wellFormed(svg)).toBeNull();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/foreignObject|<div|<span|<img|xhtml/);
    expect(svg.match(/<g class="node /g)).toHaveLength(3);
    expect(svg.match(/<g class="site"/g)).toHaveLength(1);
    expect(svg.match(/<path class="link"/g)).toHaveLength(2);
    expect(svg.match(/<path class="connector"[^>]*stroke-dasharray/g)).toHaveLength(1);
    expect(svg).toContain(`width="${width}" height="${height}"`);
  });

  it('writes every name, the ports on firewall edges, the title, the date and a legend as text', () => {
    const { svg } = diagramSvg(diagram(plain));
    const all = texts(svg);
    for (const name of ['Home POP3 users', 'EXAMS01', 'FW-EDGE', 'Amsterdam', 'Contoso'])
      expect(all).toContain(name);
    for (const port of ['110', '1024-65535', '102']) expect(all).toContain(port);
    expect(all.some((t) => t.includes('2026-12-02'))).toBe(true);
    // The legend: the kinds drawn, the link styles, and the firewall crossings.
    for (const item of [
      'LEGEND',
      'Client',
      'Firewall',
      'Exchange server',
      'Site',
      'Network link',
      'Site or X.400 connector',
    ])
      expect(all).toContain(item);
    expect(all.some((t) => t.startsWith('Ports crossing a firewall'))).toBe(true);
    expect(all).not.toContain('DNS server');
  });

  it('keeps markup, control characters, lone surrogates, bidi overrides and U+FFFE out of the XML', () => {
    const hostile = {
      site: '<b>&amp;]]></b>',
      a: '<img src=x onerror=alert(1)>',
      b: 'EX"><script>\u202Eevil',
      fw: 'fw\u0000\u001b\ud800\uFFFE\uFFFF',
      title: '\u202E<svg onload=alert(2)>',
    };
    const { svg } = diagramSvg(diagram(hostile));
    expect(wellFormed(svg)).toBeNull();
    expect(svg).not.toMatch(/<img|<script|<svg onload|<b>/);
    const all = texts(svg).join('\n');
    expect(all).toContain('<img src=x onerror=alert(1)>');
    expect(all).toContain('<b>&amp;]]></b>');
    expect(all).toContain('fw\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD');
    // An override inside a name stays in that name's own <text>; in a connector's label it is isolated.
    expect(svg).toMatch(/<text[^>]*>[^<]*\u2068X\.400 /);
  });

  it('is well-formed XML for any names, including any UTF-16 code units', () => {
    const name = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        maxLength: 60,
      }),
    );
    fc.assert(
      fc.property(fc.record({ site: name, a: name, b: name, fw: name, title: name }), (names) => {
        expect(wellFormed(diagramSvg(diagram(names)).svg)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('makes a node as tall as its lines need, and places links on the drawn boxes', () => {
    const long = { ...plain, a: 'A client group with a very long name indeed' };
    const { svg } = diagramSvg(diagram(long));
    const nodeRect =
      /<g class="node client">.*?<rect x="[\d.]+" y="[\d.]+" width="150" height="([\d.]+)"/.exec(svg);
    expect(Number(nodeRect?.[1])).toBeGreaterThan(56);
  });
});

describe('wrapText', () => {
  it('breaks at spaces and keeps them, so the lines read back as the text', () => {
    expect(wrapText('Partner address book lookups', 15, 3)).toEqual(['Partner ', 'address book ', 'lookups']);
    expect(wrapText('Partner address book lookups', 15, 3).join('')).toBe('Partner address book lookups');
  });

  it('cuts a word longer than a line, never inside a surrogate pair, and ends a cut text with an ellipsis', () => {
    expect(wrapText('x'.repeat(40), 15, 2)).toEqual(['x'.repeat(15), `${'x'.repeat(14)}…`]);
    const emoji = '\u{1F525}'.repeat(20);
    for (const line of wrapText(emoji, 15, 3)) expect(line).toMatch(/^(?:\u{1F525})*…?$/u);
  });

  it('gives one empty line for an empty text', () => {
    expect(wrapText('', 15, 2)).toEqual(['']);
  });
});

describe('xmlText', () => {
  it('escapes markup and quotes and writes characters XML does not allow as U+FFFD', () => {
    expect(xmlText(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlText('a\u0000b\ud800c\uFFFE')).toBe('a\uFFFDb\uFFFDc\uFFFD');
  });
});
