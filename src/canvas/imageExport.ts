/**
 * The diagram as an image (PNG or SVG): React Flow's documented way of
 * drawing the whole plan whatever the screen shows — the bounds of every
 * node, a viewport transform that fits them, and html-to-image on the
 * `.react-flow__viewport` element, which holds the nodes, the edges and the
 * port badges (the controls and the minimap are outside it).
 */
import type { Rect } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
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

async function dataUrlBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}

/**
 * Draws `viewport` (the canvas's `.react-flow__viewport`) showing `bounds`
 * as an image. The selection and any highlight are set aside while it is
 * drawn, so the picture shows the plan rather than what was being worked
 * on, and put back after.
 */
export async function diagramImage(
  format: DiagramFormat,
  viewport: HTMLElement,
  bounds: Rect,
): Promise<Blob> {
  const { selection, highlight, select, setHighlight } = usePlanner.getState();
  const setAside = selection.length > 0 || highlight !== null;
  if (setAside) {
    select([]);
    setHighlight(null);
    await nextFrame();
    await nextFrame();
  }
  try {
    const frame = imageFrame(bounds);
    const pixelRatio = Math.max(frame.width, frame.height) * 2 <= MAX_CANVAS_SIDE ? 2 : 1;
    const options = {
      backgroundColor: '#ffffff',
      width: frame.width,
      height: frame.height,
      pixelRatio,
      filter: keep,
      style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
    };
    return await dataUrlBlob(
      format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options),
    );
  } finally {
    if (setAside) {
      select(selection);
      setHighlight(highlight);
    }
  }
}
