/**
 * The diagram as a drawing of its own: SVG shapes and `<text>` drawn from the
 * plan (sites, nodes, links with the ports that cross a firewall, connectors),
 * under a title block with the plan's name and the date, above a legend. No
 * HTML and no foreignObject, so editors that draw only SVG (Inkscape, Visio,
 * diagram tools) show all of it, and its names are text that can be searched.
 * Pure: it gets the rectangles the canvas laid out and the texts it shows.
 */
import { isolate } from '../io/bidi';
import { NODE_KINDS } from '../model/kinds';
import type { NodeType } from '../model/types';
import type { BadgeTone, PortBadge } from './derive';
import { arc, type Point, type Rect, straightEnds } from './edges/geometry';

export interface DiagramSite {
  rect: Rect;
  name: string;
  serverCount: number;
}

export interface DiagramNode {
  rect: Rect;
  kind: NodeType;
  name: string;
  /** The second line (version, protocol, a firewall's ports…). */
  detail: string;
  /** The third line, when there is one (a server's site, a client's server). */
  note: string | null;
}

export interface DiagramLink {
  from: Rect;
  to: Rect;
  /** A firewall edge: the ports that cross it; null for other links. */
  badges: readonly PortBadge[] | null;
}

export interface DiagramConnector {
  from: Rect;
  to: Rect;
  label: string;
  ports: string | null;
}

export interface Diagram {
  title: string;
  /** When it was drawn, as the title block says it ("2026-12-02"). */
  date: string;
  sites: readonly DiagramSite[];
  nodes: readonly DiagramNode[];
  links: readonly DiagramLink[];
  connectors: readonly DiagramConnector[];
}

export interface DrawnDiagram {
  svg: string;
  width: number;
  height: number;
}

/** Characters XML 1.0 does not allow in a document (SPEC §2 names may hold U+FFFE, U+FFFF, controls). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with every character XML does not allow written as U+FFFD, the replacement character. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** `text` as the content or an attribute value of an XML element: allowed characters only, markup escaped. */
export function xmlText(text: string): string {
  return xmlSafeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";
/** Around the drawing, and between the title block, the drawing and the legend. */
const MARGIN = 40;
const TITLE_HEIGHT = 56;
const LEGEND_ROW = 24;

/** The colours of each kind's tile, as on the canvas (icons.tsx): fill, border, text. */
const KIND_COLOURS: Readonly<Record<NodeType, readonly [string, string, string]>> = {
  server: ['#eff6ff', '#bfdbfe', '#1d4ed8'],
  client: ['#f0fdfa', '#99f6e4', '#0f766e'],
  firewall: ['#fff7ed', '#fed7aa', '#c2410c'],
  network: ['#ecfdf5', '#a7f3d0', '#047857'],
  smtpHost: ['#f5f3ff', '#ddd6fe', '#6d28d9'],
  owa: ['#f0f9ff', '#bae6fd', '#0369a1'],
  dns: ['#fffbeb', '#fde68a', '#b45309'],
  newsHost: ['#fff1f2', '#fecdd3', '#be123c'],
};

/** Port badges as on the canvas (PortBadges.tsx): fill, border, text. */
const BADGE_COLOURS: Readonly<Record<BadgeTone, readonly [string, string, string]>> = {
  neutral: ['#f1f5f9', '#94a3b8', '#334155'],
  warning: ['#fffbeb', '#fcd34d', '#92400e'],
  error: ['#fef2f2', '#fca5a5', '#991b1b'],
};

const LINK_STROKE = '#94a3b8';
const CONNECTOR_STROKE = '#7c3aed';

/** Cuts `text` (by characters, never inside a surrogate pair) to `max`, with an ellipsis. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * `text` in lines of at most `width` characters, broken at spaces (a longer
 * word is cut), at most `lines` of them, the last shortened when more is left.
 * Every line but the last keeps its trailing space, so the lines of one
 * `<text>` read back as the whole text.
 */
export function wrapText(text: string, width: number, lines: number): string[] {
  const words = text.split(/(?<= )/);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    let rest = word;
    while (Array.from(line + rest).length > width) {
      if (line.trim() !== '') {
        out.push(line);
        line = '';
        continue;
      }
      const chars = Array.from(rest);
      out.push(chars.slice(0, width).join(''));
      rest = chars.slice(width).join('');
    }
    line += rest;
  }
  if (line !== '' || out.length === 0) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = shorten(out.slice(lines - 1).join(''), width);
  return kept;
}

/** An estimate of the width of `text` at `size` px: the drawing is laid out without measuring fonts. */
function textWidth(text: string, size: number, mono = false): number {
  return Array.from(text).length * size * (mono ? 0.62 : 0.56);
}

const n = (value: number) => String(Math.round(value * 10) / 10);

function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  attrs: string,
): string {
  const spans = lines.map(
    (line, i) => `<tspan x="${n(x)}" dy="${i === 0 ? 0 : lineHeight}">${xmlText(line)}</tspan>`,
  );
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${spans.join('')}</text>`;
}

function siteSvg(site: DiagramSite): string {
  const { x, y, width, height } = site.rect;
  const count = `Site · ${site.serverCount === 1 ? '1 server' : `${site.serverCount} servers`}`;
  const room = Math.max(4, Math.floor((width - 24 - textWidth(count, 11)) / 7));
  return [
    `<g class="site"><title>${xmlText(`Site ${site.name}`)}</title>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="12" fill="#f5f9ff" stroke="#cbd5e1"/>`,
    `<path d="M ${n(x)},${n(y + 28)} H ${n(x + width)}" stroke="#e2e8f0"/>`,
    `<text x="${n(x + 12)}" y="${n(y + 19)}" font-size="12" font-weight="600" fill="#334155">${xmlText(shorten(site.name || '(no name)', room))}</text>`,
    `<text x="${n(x + width - 10)}" y="${n(y + 19)}" font-size="11" fill="#45556c" text-anchor="end">${count}</text>`,
    '</g>',
  ].join('');
}

/** The height a node needs for its lines; the canvas's own height when that is more. */
function nodeLayout(node: DiagramNode) {
  const name = wrapText(node.name || '(no name)', 15, 3);
  const firewall = node.kind === 'firewall';
  const detail = firewall ? [shorten(node.detail, 18)] : node.detail ? wrapText(node.detail, 17, 2) : [];
  const note = node.note ? wrapText(node.note, 17, 2) : [];
  const content = name.length * 15 + detail.length * 14 + note.length * 14 + (firewall ? 4 : 0);
  return { name, detail, note, height: Math.max(node.rect.height, content + 14) };
}

function nodeSvg(node: DiagramNode, height: number, layout: ReturnType<typeof nodeLayout>): string {
  const { x, y, width } = node.rect;
  const [fill, border, ink] = KIND_COLOURS[node.kind];
  const firewall = node.kind === 'firewall';
  const kind = NODE_KINDS[node.kind];
  const tileY = y + height / 2 - 13;
  const textX = x + 42;
  const lineCount = layout.name.length + layout.detail.length + layout.note.length;
  let lineY = y + height / 2 - (lineCount * 14.5) / 2 + 11;
  const parts = [
    `<g class="node ${node.kind}"><title>${xmlText(`${kind.label} ${node.name}`)}</title>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="8" fill="#ffffff" stroke="${firewall ? '#fdba74' : '#cbd5e1'}"/>`,
    `<rect x="${n(x + 8)}" y="${n(tileY)}" width="26" height="26" rx="6" fill="${fill}" stroke="${border}"/>`,
    `<text x="${n(x + 21)}" y="${n(tileY + 16.5)}" font-size="${kind.namePrefix.length > 3 ? 6.5 : 8}" font-weight="700" fill="${ink}" text-anchor="middle">${kind.namePrefix}</text>`,
    textLines(layout.name, textX, lineY, 15, 'class="name" font-size="12" font-weight="600" fill="#0f172a"'),
  ];
  lineY += layout.name.length * 15;
  if (firewall && layout.detail[0]) {
    const label = layout.detail[0];
    parts.push(
      `<rect x="${n(textX - 2)}" y="${n(lineY - 9)}" width="${n(textWidth(label, 11) + 6)}" height="14" rx="3" fill="#ffedd5"/>`,
      `<text x="${n(textX + 1)}" y="${n(lineY + 1)}" font-size="11" font-weight="500" fill="#9a3412">${xmlText(label)}</text>`,
    );
    lineY += 18;
  } else if (layout.detail.length > 0) {
    parts.push(textLines(layout.detail, textX, lineY, 14, 'font-size="11" fill="#45556c"'));
    lineY += layout.detail.length * 14;
  }
  if (layout.note.length > 0)
    parts.push(textLines(layout.note, textX, lineY, 14, 'font-size="11" fill="#45556c"'));
  parts.push('</g>');
  return parts.join('');
}

function badgeSvg(badge: PortBadge, x: number, y: number): string {
  const [fill, border, ink] = BADGE_COLOURS[badge.tone];
  const width = textWidth(badge.text, 10, true) + 8;
  return [
    `<rect x="${n(x - width / 2)}" y="${n(y - 7)}" width="${n(width)}" height="14" rx="3" fill="${fill}" stroke="${border}"/>`,
    `<text x="${n(x)}" y="${n(y + 3.5)}" font-family="${MONO}" font-size="10" fill="${ink}" text-anchor="middle">${xmlText(badge.text)}</text>`,
  ].join('');
}

/** A firewall edge's badges around the middle: stacked on a mostly level line, side by side on a steep one. */
function badgesSvg(badges: readonly PortBadge[], middle: Point, vertical: boolean): string {
  if (vertical) {
    const top = middle.y - ((badges.length - 1) * 16) / 2;
    return badges.map((b, i) => badgeSvg(b, middle.x, top + i * 16)).join('');
  }
  const widths = badges.map((b) => textWidth(b.text, 10, true) + 8);
  let x = middle.x - (widths.reduce((sum, w) => sum + w, 0) + (badges.length - 1) * 3) / 2;
  return badges
    .map((b, i) => {
      const w = widths[i] ?? 0;
      const drawn = badgeSvg(b, x + w / 2, middle.y);
      x += w + 3;
      return drawn;
    })
    .join('');
}

function linkLine(link: DiagramLink): string {
  const { source: s, target: t } = straightEnds(link.from, link.to);
  return `<path class="link" d="M ${n(s.x)},${n(s.y)} L ${n(t.x)},${n(t.y)}" stroke="${LINK_STROKE}" stroke-width="${link.badges ? 1.75 : 1.5}" fill="none"/>`;
}

/** The ports crossing a firewall edge, drawn over the nodes as the canvas draws them. */
function linkBadges(link: DiagramLink): string {
  if (!link.badges || link.badges.length === 0) return '';
  const { source: s, target: t } = straightEnds(link.from, link.to);
  const middle = { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
  return `<g class="ports">${badgesSvg(link.badges, middle, Math.abs(t.x - s.x) >= Math.abs(t.y - s.y))}</g>`;
}

function connectorPath(connector: DiagramConnector): string {
  const { path } = arc(connector.from, connector.to);
  return `<path class="connector" d="${path.replace(/-?\d+\.\d+/g, (v) => n(Number(v)))}" stroke="${CONNECTOR_STROKE}" stroke-width="2" stroke-dasharray="7 5" fill="none"/>`;
}

function connectorLabel(connector: DiagramConnector): string {
  const { middle } = arc(connector.from, connector.to);
  const label = shorten(connector.label, 60);
  const text = connector.ports ? `${isolate(label)} · ${connector.ports}` : isolate(label);
  const width = textWidth(text, 10.5) + 16;
  return [
    `<rect x="${n(middle.x - width / 2)}" y="${n(middle.y - 9)}" width="${n(width)}" height="18" rx="9" fill="#f5f3ff" stroke="#c4b5fd"/>`,
    `<text x="${n(middle.x)}" y="${n(middle.y + 3.5)}" font-size="10.5" font-weight="500" fill="#5b21b6" text-anchor="middle">${xmlText(text)}</text>`,
  ].join('');
}

interface LegendItem {
  width: number;
  draw: (x: number, y: number) => string;
}

function legendItems(kinds: readonly NodeType[], crossings: boolean): LegendItem[] {
  const label = (x: number, y: number, text: string) =>
    `<text x="${n(x)}" y="${n(y + 4)}" font-size="11" fill="#334155">${xmlText(text)}</text>`;
  const items: LegendItem[] = kinds.map((kind) => {
    const [fill, border, ink] = KIND_COLOURS[kind];
    const { label: name, namePrefix } = NODE_KINDS[kind];
    return {
      width: 26 + textWidth(name, 11) + 18,
      draw: (x, y) =>
        `<rect x="${n(x)}" y="${n(y - 9)}" width="20" height="18" rx="4" fill="${fill}" stroke="${border}"/>` +
        `<text x="${n(x + 10)}" y="${n(y + 3)}" font-size="${namePrefix.length > 3 ? 5.5 : 7}" font-weight="700" fill="${ink}" text-anchor="middle">${namePrefix}</text>` +
        label(x + 26, y, name),
    };
  });
  items.push(
    {
      width: 26 + textWidth('Site', 11) + 18,
      draw: (x, y) =>
        `<rect x="${n(x)}" y="${n(y - 9)}" width="20" height="18" rx="5" fill="#f5f9ff" stroke="#cbd5e1"/>` +
        label(x + 26, y, 'Site'),
    },
    {
      width: 40 + textWidth('Network link', 11) + 18,
      draw: (x, y) =>
        `<path d="M ${n(x)},${n(y)} H ${n(x + 32)}" stroke="${LINK_STROKE}" stroke-width="1.75"/>` +
        label(x + 40, y, 'Network link'),
    },
    {
      width: 40 + textWidth('Site or X.400 connector', 11) + 18,
      draw: (x, y) =>
        `<path d="M ${n(x)},${n(y)} H ${n(x + 32)}" stroke="${CONNECTOR_STROKE}" stroke-width="2" stroke-dasharray="7 5"/>` +
        label(x + 40, y, 'Site or X.400 connector'),
    },
  );
  if (crossings) {
    const samples: PortBadge[] = [
      { text: '135', tone: 'neutral' },
      { text: '1024-65535', tone: 'warning' },
      { text: '102', tone: 'error' },
    ];
    const words = 'Ports crossing a firewall: fixed, dynamic range, broken relation';
    const badgesWidth = samples.reduce((sum, b) => sum + textWidth(b.text, 10, true) + 11, 0);
    items.push({
      width: badgesWidth + 6 + textWidth(words, 11) + 18,
      draw: (x, y) => {
        let at = x;
        const drawn = samples.map((b) => {
          const w = textWidth(b.text, 10, true) + 8;
          const badge = badgeSvg(b, at + w / 2, y);
          at += w + 3;
          return badge;
        });
        return drawn.join('') + label(at + 6, y, words);
      },
    });
  }
  return items;
}

/** The legend's items in rows no wider than `width`; returns the SVG and its height. */
function legendSvg(items: readonly LegendItem[], x0: number, y0: number, width: number) {
  const parts = [
    `<text x="${n(x0)}" y="${n(y0 + 4)}" font-size="11" font-weight="700" fill="#334155" letter-spacing="0.5">LEGEND</text>`,
  ];
  let x = x0 + 64;
  let y = y0;
  for (const item of items) {
    if (x + item.width > x0 + width && x > x0 + 64) {
      x = x0 + 64;
      y += LEGEND_ROW;
    }
    parts.push(item.draw(x, y));
    x += item.width;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: y - y0 + LEGEND_ROW };
}

/** The diagram as a standalone SVG document, with its size in pixels. */
export function diagramSvg(diagram: Diagram): DrawnDiagram {
  const layouts = diagram.nodes.map(nodeLayout);
  const rects: Rect[] = diagram.nodes.map((node, i) => ({ ...node.rect, height: layouts[i]?.height ?? 0 }));
  const byRect = new Map(diagram.nodes.map((node, i) => [node.rect, rects[i] ?? node.rect]));
  const drawnRect = (rect: Rect) => byRect.get(rect) ?? rect;

  const all = [...diagram.sites.map((s) => s.rect), ...rects];
  const left = all.length ? Math.min(...all.map((r) => r.x)) : 0;
  const top = all.length ? Math.min(...all.map((r) => r.y)) : 0;
  const right = all.length ? Math.max(...all.map((r) => r.x + r.width)) : 0;
  const bottom = all.length ? Math.max(...all.map((r) => r.y + r.height)) : 0;

  const kinds = (Object.keys(NODE_KINDS) as NodeType[]).filter((k) =>
    diagram.nodes.some((d) => d.kind === k),
  );
  const crossings = diagram.links.some((l) => l.badges && l.badges.length > 0);
  const items = legendItems(kinds, crossings);
  const title = diagram.title || 'Untitled plan';
  const minWidth = Math.max(480, textWidth(title, 18) + 40, ...items.map((i) => i.width + 64));
  const width = Math.ceil(Math.max(right - left, minWidth) + 2 * MARGIN);
  const drawingTop = MARGIN + TITLE_HEIGHT;
  const dx = MARGIN - left;
  const dy = drawingTop - top;
  const legend = legendSvg(items, MARGIN, drawingTop + (bottom - top) + MARGIN, width - 2 * MARGIN);
  const height = Math.ceil(drawingTop + (bottom - top) + MARGIN + legend.height + MARGIN / 2);

  const counts = [
    diagram.sites.length === 1 ? '1 site' : `${diagram.sites.length} sites`,
    diagram.nodes.length === 1 ? '1 node' : `${diagram.nodes.length} nodes`,
    diagram.links.length === 1 ? '1 link' : `${diagram.links.length} links`,
    diagram.connectors.length === 1 ? '1 connector' : `${diagram.connectors.length} connectors`,
  ].join(', ');

  const links = diagram.links.map((l) => ({ ...l, from: drawnRect(l.from), to: drawnRect(l.to) }));
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-labelledby="diagram-title">`,
    `<title id="diagram-title">${xmlText(`${title} — Exchange port plan, ${diagram.date}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g class="title-block"><text x="${MARGIN}" y="${MARGIN + 10}" font-size="18" font-weight="700" fill="#0f172a">${xmlText(shorten(title, 120))}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 32}" font-size="12" fill="#45556c">${xmlText(`Exchange port plan · ${diagram.date} · ${counts}`)}</text>`,
    `<path d="M ${MARGIN},${MARGIN + TITLE_HEIGHT - 12} H ${width - MARGIN}" stroke="#e2e8f0"/></g>`,
    `<g class="drawing" transform="translate(${n(dx)} ${n(dy)})">`,
    ...diagram.sites.map(siteSvg),
    ...diagram.connectors.map((c) => connectorPath({ ...c, from: drawnRect(c.from), to: drawnRect(c.to) })),
    ...links.map(linkLine),
    ...diagram.nodes.map((node, i) => {
      const layout = layouts[i] ?? nodeLayout(node);
      return nodeSvg(node, layout.height, layout);
    }),
    ...links.map(linkBadges),
    ...diagram.connectors.map((c) => connectorLabel({ ...c, from: drawnRect(c.from), to: drawnRect(c.to) })),
    '</g>',
    legend.svg,
    '</svg>\n',
  ].join('');
  return { svg, width, height };
}
