import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { CanvasEdge, CanvasNode } from '../canvas/adapter';
import { type DiagramFormat, type DiagramSource, diagramImage, imageFileName } from '../canvas/imageExport';
import { type ExportFormat, firewallRulesZip, PLAN_EXPORTS } from '../io/exports';
import { planFileName } from '../io/planFile';
import { usePanelState } from '../panels/panelState';
import { RULE_FORMATS, ruleFormat } from '../rules/formats';

/** A picture of the diagram: drawn from the canvas, later, and null for an empty plan. */
export type DiagramExport = ExportFormat<Promise<Blob | null>>;

const PICTURES: readonly { format: DiagramFormat; description: string; mimeType: string }[] = [
  { format: 'png', description: 'The diagram as a picture', mimeType: 'image/png' },
  { format: 'svg', description: 'The diagram as a scalable drawing', mimeType: 'image/svg+xml' },
];

/**
 * The diagram pictures (PNG, SVG) as rows of the exports table. They live
 * here, where the canvas and the panels meet, so the Export menu offers them
 * without the panels knowing the canvas.
 */
export function diagramExports(flow: DiagramSource): DiagramExport[] {
  return PICTURES.map(({ format, description, mimeType }) => {
    const label = format.toUpperCase();
    return {
      id: format,
      label,
      description,
      subject: 'the diagram',
      mimeType,
      fileName: (plan) => imageFileName(planFileName(plan), format),
      render: () => diagramImage(format, flow),
      inMenu: true,
      besideMatrix: false,
      // A plan of hundreds of nodes takes a while to draw.
      workingText: `Drawing the diagram as ${label}…`,
      emptyText: 'The plan is empty: there is no diagram to export yet.',
    };
  });
}

/**
 * What the toolbar's Export menu offers: the plan's exports for the menu, the
 * firewall rules of every firewall as a ZIP in the format chosen in the
 * Firewall rules view (one entry, not six: the view is where a format is
 * picked), then the diagram pictures.
 */
export function useMenuExports(): readonly ExportFormat[] {
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const rulesFormat = usePanelState((s) => s.rulesFormat);
  return useMemo(() => {
    const format = ruleFormat(rulesFormat) ?? RULE_FORMATS[0];
    return [
      ...PLAN_EXPORTS.filter((f) => f.inMenu),
      ...(format ? [firewallRulesZip(format)] : []),
      ...diagramExports(flow),
    ];
  }, [flow, rulesFormat]);
}
