/**
 * The diagram as an image: the SVG drawing of diagramSvg.ts, from the plan as
 * the canvas lays it out (every node's place and size, including nodes a
 * large plan does not draw on screen), and the PNG that is that same SVG
 * drawn on a canvas. Selection, highlights and compare mode are not part of
 * the picture: it shows the plan.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { isGhostId } from '../store/reviewSlice';
import { usePlanner } from '../store/store';
import type { CanvasEdge, CanvasNode, PlanNodeData, SiteData } from './adapter';
import {
  type Diagram,
  type DiagramConnector,
  type DiagramLink,
  type DiagramNode,
  type DiagramSite,
  diagramSvg,
} from './diagramSvg';
import type { Rect } from './edges/geometry';
import { internalRect } from './edges/internalRect';

export { xmlSafeText } from './diagramSvg';

export type DiagramFormat = 'png' | 'svg';

/** Browsers refuse canvases past about 16,384 pixels a side; PNGs stay well below. */
const MAX_CANVAS_SIDE = 8192;

/** A file name for the image, from the plan file name (`contoso-benelux.png`). */
export function imageFileName(planFileName: string, format: DiagramFormat): string {
  return `${planFileName.replace(/(\.plan)?\.json$/, '')}.${format}`;
}

/** The date as the title block writes it: the person's local calendar day, YYYY-MM-DD. */
export function drawingDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The PNG scale: twice the drawing's size (sharp on a high-density screen) unless that is too large a canvas. */
export function pngScale(width: number, height: number): number {
  return Math.min(2, MAX_CANVAS_SIDE / Math.max(width, height, 1));
}

/** Draws an SVG document on a white canvas of `width` × `height` at `scale`, as a PNG. */
async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const image = new Image();
  image.decoding = 'sync';
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  try {
    await image.decode();
  } catch {
    throw new Error('the browser could not draw the diagram');
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
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

/** What drawing the diagram needs of the React Flow instance. */
export type DiagramSource = Pick<
  ReactFlowInstance<CanvasNode, CanvasEdge>,
  'getNodes' | 'getEdges' | 'getInternalNode'
>;

/**
 * The plan's sites, nodes, links and connectors with their places on the
 * canvas and the texts the canvas shows for them (the removed items compare
 * mode draws are left out). Null when there is nothing to draw.
 */
export function diagramOf(flow: DiagramSource, title: string, date: string): Diagram | null {
  const rects = new Map<string, Rect>();
  const sites: DiagramSite[] = [];
  const nodes: DiagramNode[] = [];
  for (const node of flow.getNodes()) {
    if (isGhostId(node.id)) continue;
    const internal = flow.getInternalNode(node.id);
    if (!internal) continue;
    const rect = internalRect(internal);
    rects.set(node.id, rect);
    if (node.type === 'site') {
      const { name, serverCount } = node.data as SiteData;
      sites.push({ rect, name, serverCount });
    } else if (node.type) {
      const { name, detail, note } = node.data as PlanNodeData;
      nodes.push({ rect, kind: node.type, name, detail, note });
    }
  }
  if (nodes.length === 0 && sites.length === 0) return null;
  const links: DiagramLink[] = [];
  const connectors: DiagramConnector[] = [];
  for (const edge of flow.getEdges()) {
    const from = rects.get(edge.source);
    const to = rects.get(edge.target);
    if (isGhostId(edge.id) || !from || !to || !edge.data) continue;
    if (edge.type === 'link' && 'badges' in edge.data) links.push({ from, to, badges: edge.data.badges });
    else if (edge.type === 'connector' && 'label' in edge.data)
      connectors.push({ from, to, label: edge.data.label, ports: edge.data.ports });
  }
  return { title, date, sites, nodes, links, connectors };
}

/** Draws the whole diagram as an image, whatever part of it the canvas shows. Null when there is nothing to draw. */
export async function diagramImage(format: DiagramFormat, flow: DiagramSource): Promise<Blob | null> {
  const diagram = diagramOf(flow, usePlanner.getState().plan.name, drawingDate(new Date()));
  if (!diagram) return null;
  const { svg, width, height } = diagramSvg(diagram);
  if (format === 'png') return svgToPng(svg, width, height, pngScale(width, height));
  return new Blob([svg], { type: 'image/svg+xml' });
}
