/**
 * The diagram as an image (PNG or SVG): React Flow's documented way of
 * drawing the whole plan whatever the screen shows — the bounds of every
 * node, a viewport transform that fits them, and html-to-image on the
 * `.react-flow__viewport` element, which holds the nodes, the edges and the
 * port badges (the controls and the minimap are outside it).
 */
import type { ReactFlowInstance, Rect } from '@xyflow/react';
import { toSvg } from 'html-to-image';
import { usePlanner } from '../store/store';

export type DiagramFormat = 'png' | 'svg';

/** White space around the drawing, in diagram pixels. */
const MARGIN = 40;
/** The longest side of an image; a larger plan is drawn smaller. */
const MAX_SIDE = 6000;
/** Browsers refuse canvases past about 16,384 pixels a side; PNGs stay well below. */
const MAX_CANVAS_SIDE = 8192;

/** Parts of the canvas that are for working, not for the picture. */
const LEFT_OUT = [
  'react-flow__handle',
  'react-flow__resize-control',
  'react-flow__minimap',
  'react-flow__controls',
];

export interface ImageFrame {
  width: number;
  height: number;
  zoom: number;
  /** The CSS transform of the viewport element that puts `bounds` inside the frame. */
  transform: string;
}

/** The image size and viewport transform that show `bounds` whole with a margin, at full size unless too large. */
export function imageFrame(bounds: Rect, maxSide = MAX_SIDE): ImageFrame {
  const fullWidth = bounds.width + 2 * MARGIN;
  const fullHeight = bounds.height + 2 * MARGIN;
  const zoom = Math.min(1, maxSide / fullWidth, maxSide / fullHeight);
  const width = Math.max(1, Math.ceil(fullWidth * zoom));
  const height = Math.max(1, Math.ceil(fullHeight * zoom));
  const x = (MARGIN - bounds.x) * zoom;
  const y = (MARGIN - bounds.y) * zoom;
  return { width, height, zoom, transform: `translate(${x}px, ${y}px) scale(${zoom})` };
}

/** A file name for the image, from the plan file name (`contoso-benelux.png`). */
export function imageFileName(planFileName: string, format: DiagramFormat): string {
  return `${planFileName.replace(/(\.plan)?\.json$/, '')}.${format}`;
}

function keep(node: Node): boolean {
  if (!(node instanceof Element)) return true;
  return !LEFT_OUT.some((name) => node.classList.contains(name));
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Characters XML 1.0 does not allow in a document (SPEC §2 names may hold U+FFFE and U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with every character XML does not allow written as U+FFFD, the replacement character. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** Draws an SVG document on a white canvas of `width` × `height` at `pixelRatio`, as a PNG. */
async function svgToPng(svg: string, width: number, height: number, pixelRatio: number): Promise<Blob> {
  const image = new Image();
  image.decoding = 'sync';
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  try {
    await image.decode();
  } catch {
    throw new Error('the browser could not draw the diagram');
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the browser gave no canvas to draw on');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be written'))),
      'image/png',
    ),
  );
}

/**
 * Runs `use` with the computed style of a bare element of each kind, as a
 * browser draws it with no page style sheet (in a shadow root, which page
 * styles do not reach, under a host reset to initial values).
 */
function withBareStyles<T>(use: (styleOf: (element: Element) => Map<string, string>) => T): T {
  const host = document.createElement('div');
  host.style.cssText = 'all: initial; position: fixed; left: -10000px; top: 0;';
  const root = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  const known = new Map<string, Map<string, string>>();
  try {
    return use((element) => {
      const key = `${element.namespaceURI} ${element.localName}`;
      let style = known.get(key);
      if (!style) {
        const bare = document.createElementNS(element.namespaceURI, element.localName);
        root.append(bare);
        const computed = getComputedStyle(bare);
        style = new Map([...computed].map((name) => [name, computed.getPropertyValue(name)] as const));
        bare.remove();
        known.set(key, style);
      }
      return style;
    });
  } finally {
    host.remove();
  }
}

/** Properties whose computed value depends on other properties of the element. */
const DEPENDENT_VALUE = /-width$|color/;

/**
 * An SVG from html-to-image carries every computed property of every
 * element inline (some 400 each: 5 MB for a 30-node plan). A declaration is
 * left out where dropping it cannot change the drawing: its value is what a
 * bare element of its kind has and what its parent has, so the element gets
 * the same value whether the property is inherited or not. Widths (a border
 * width computes to 0 while its style is none) and colours (which may
 * compute from the element's own colour) are always kept.
 */
export function compactSvgStyles(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return svg;
  const declared = new Map<Element, Map<string, string>>();
  withBareStyles((bareStyleOf) => {
    // Document order: every parent is read before its children.
    for (const element of doc.querySelectorAll('[style]')) {
      const style = (element as Element & ElementCSSInlineStyle).style;
      if (!style) continue;
      const own = new Map<string, string>();
      for (let i = 0; i < style.length; i++) {
        const name = style.item(i);
        own.set(name, style.getPropertyValue(name));
      }
      declared.set(element, own);
      const bare = bareStyleOf(element);
      const parent = element.parentElement ? declared.get(element.parentElement) : undefined;
      for (const [name, value] of own) {
        // Every value is already computed, so nothing refers to a custom property any more.
        if (name.startsWith('--')) {
          style.removeProperty(name);
          continue;
        }
        const around = parent ? parent.get(name) : bare.get(name);
        if (
          value === bare.get(name) &&
          value === around &&
          !DEPENDENT_VALUE.test(name) &&
          style.getPropertyPriority(name) === ''
        ) {
          style.removeProperty(name);
        }
      }
    }
  });
  return new XMLSerializer().serializeToString(doc);
}

/** What drawing the diagram needs of the React Flow instance. */
export type DiagramSource = Pick<
  ReactFlowInstance,
  'getNodes' | 'getNodesBounds' | 'getViewport' | 'setViewport' | 'fitView'
>;

/**
 * Draws the whole diagram as an image, whatever part of it the canvas shows.
 * The selection and any highlight are set aside while it is drawn, so the
 * picture shows the plan rather than what was being worked on. A large plan
 * draws only the nodes in view, so the view is widened to the whole plan for
 * a moment. Both are put back after. Null when there is nothing to draw.
 */
export async function diagramImage(format: DiagramFormat, flow: DiagramSource): Promise<Blob | null> {
  const nodes = flow.getNodes();
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (nodes.length === 0 || !viewport) return null;
  const { selection, highlight, select, setHighlight } = usePlanner.getState();
  const setAside = selection.length > 0 || highlight !== null;
  const drawn = viewport.querySelectorAll('.react-flow__node').length;
  const view = drawn < nodes.length ? flow.getViewport() : null;
  if (setAside) {
    select([]);
    setHighlight(null);
  }
  if (view) await flow.fitView({ padding: 0 });
  // React draws the change, then React Flow measures nodes it had not drawn and routes their edges.
  for (let i = 0; i < (view ? 6 : setAside ? 2 : 0); i++) await nextFrame();
  try {
    const frame = imageFrame(flow.getNodesBounds(nodes));
    const pixelRatio = Math.max(frame.width, frame.height) * 2 <= MAX_CANVAS_SIDE ? 2 : 1;
    const options = {
      backgroundColor: '#ffffff',
      width: frame.width,
      height: frame.height,
      pixelRatio,
      filter: keep,
      style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
    };
    // Both formats start from the SVG, made valid XML first: a name may hold characters (U+FFFE,
    // U+FFFF) that a plan allows but XML does not, and a browser refuses to draw such an SVG.
    const url = await toSvg(viewport, options);
    const svg = xmlSafeText(decodeURIComponent(url.slice(url.indexOf(',') + 1)));
    if (format === 'png') return await svgToPng(svg, frame.width, frame.height, pixelRatio);
    return new Blob([compactSvgStyles(svg)], { type: 'image/svg+xml' });
  } finally {
    if (view) void flow.setViewport(view);
    if (setAside) {
      select(selection);
      setHighlight(highlight);
    }
  }
}
