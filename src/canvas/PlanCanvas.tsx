import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionLineType,
  ConnectionMode,
  ControlButton,
  Controls,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { VIEW_ZOOM } from '../io/planLibrary';
import { isGhostId } from '../store/reviewSlice';
import { usePlanner } from '../store/store';
import type { CanvasEdge, CanvasNode, Dimensions } from './adapter';
import { addItemAt } from './addItem';
import { ChangeLegend } from './ChangeLegend';
import { ConnectMenu, type ConnectRequest } from './ConnectMenu';
import { commitMoves } from './commitMoves';
import { PALETTE_DRAG_TYPE, paletteKindOf } from './dragData';
import { absoluteMoves, connectionIntent, isReplacement, nodesToFocus } from './moves';
import { SelectionActions } from './SelectionActions';
import { EDGE_TYPES, NODE_TYPES } from './types';
import { useCanvasView } from './useCanvasView';
import { isOverview, READABLE_ZOOM, ViewCues } from './ViewCues';

/** Holding an arrow key moves a node many times; the plan takes the move once the keys rest. */
const KEYBOARD_COMMIT_DELAY_MS = 350;
/**
 * Beyond this many sites and nodes only what is in view is rendered. Smaller
 * plans keep every node in the page, so the keyboard reaches each one.
 */
const LARGE_PLAN_NODES = 400;
/**
 * In the overview (OVERVIEW_ZOOM) a plan up to this size is drawn whole: its
 * nodes are plain boxes, and drawing only those in view made every frame of
 * a pan add and measure the nodes that came into view at the edges (a 500-node
 * plan panned at 35 frames a second against 45 drawn whole). Larger plans
 * keep drawing only what is in view.
 */
const OVERVIEW_DRAWS_ALL_NODES = 2000;
/** How long the view stays in the overview before a large plan is drawn whole there. */
const OVERVIEW_SETTLE_MS = 250;
/** A fresh canvas shows two default sites side by side on a laptop screen, their text still legible. */
const EMPTY_PLAN_ZOOM = 0.75;
/** Room the link-or-connector menu needs inside the canvas. */
const MENU_ROOM = { width: 280, height: 210 };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];

/** Changes the store's selection by React Flow's select changes, keeping the order things were selected in. */
function applySelectionChanges(changes: readonly { id: string; selected: boolean }[]) {
  const { selection, select } = usePlanner.getState();
  const chosen = new Map(changes.map((c) => [c.id, c.selected] as const));
  const kept = selection.filter((id) => chosen.get(id) !== false);
  const added = [...chosen].filter(([id, on]) => on && !selection.includes(id)).map(([id]) => id);
  select([...kept, ...added]);
}

function nodeIdAt(point: { x: number; y: number }): string | null {
  for (const element of document.elementsFromPoint(point.x, point.y)) {
    const node = element.closest<HTMLElement>('.react-flow__node');
    if (node?.dataset.id) return node.dataset.id;
  }
  return null;
}

function clientPoint(event: MouseEvent | TouchEvent): { x: number; y: number } {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0];
    return { x: touch?.clientX ?? 0, y: touch?.clientY ?? 0 };
  }
  return { x: event.clientX, y: event.clientY };
}

/**
 * The plan canvas. React Flow draws the adapter's view of the plan; it moves
 * nodes locally while they are dragged and the plan takes the new positions
 * once, when the drag ends (one undo step; the engine ignores positions).
 * Selection, deletion and new links go to the store, never to React Flow's
 * own state.
 */
export function PlanCanvas() {
  const measuredRef = useRef(new Map<string, Dimensions>());
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const view = useCanvasView(measuredRef.current, measuredVersion);
  const [nodes, setNodes] = useState<CanvasNode[]>(view.nodes);
  const [base, setBase] = useState(view.nodes);
  if (base !== view.nodes) {
    setBase(view.nodes);
    setNodes(view.nodes);
  }
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;

  const containerRef = useRef<HTMLElement>(null);
  const dragging = useRef(false);
  const pendingKeyboardMoves = useRef(new Map<string, { x: number; y: number }>());
  const keyboardTimer = useRef<number | undefined>(undefined);
  const connectStart = useRef<{ x: number; y: number } | null>(null);
  const [connectRequest, setConnectRequest] = useState<ConnectRequest | null>(null);
  const { fitView, fitBounds, screenToFlowPosition, getViewport, setViewport, getNodes, getNodesBounds } =
    useReactFlow();

  // React Flow's own Fit View waits until every node is measured, and above LARGE_PLAN_NODES only
  // the nodes in view are drawn (so measured): on a large plan opened at zoom 1 it did nothing until
  // the view moved, and then fitted only the nodes drawn so far. The bounds of every node (by its
  // declared size where not yet drawn) fit at once, the same padding as React Flow's.
  const fitWholePlan = useCallback(() => {
    void fitBounds(getNodesBounds(getNodes()), { padding: 0.1 });
  }, [fitBounds, getNodesBounds, getNodes]);

  const flushKeyboardMoves = useCallback(() => {
    window.clearTimeout(keyboardTimer.current);
    const moves = [...pendingKeyboardMoves.current].map(([id, position]) => ({ id, position }));
    pendingKeyboardMoves.current.clear();
    commitMoves(moves);
  }, []);
  useEffect(() => flushKeyboardMoves, [flushKeyboardMoves]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const local: NodeChange<CanvasNode>[] = [];
      const selections: { id: string; selected: boolean }[] = [];
      const settled: string[] = [];
      let measuredChanged = false;
      for (const change of changes) {
        if (change.type === 'select') selections.push(change);
        else if (change.type === 'position') {
          local.push(change);
          if (change.dragging === false) settled.push(change.id);
        } else if (change.type === 'dimensions') {
          local.push(change);
          if (change.dimensions && !change.resizing) {
            const known = measuredRef.current.get(change.id);
            if (known?.width !== change.dimensions.width || known?.height !== change.dimensions.height) {
              measuredRef.current.set(change.id, change.dimensions);
              measuredChanged = true;
            }
          }
        }
        // 'add', 'remove' and 'replace' are the plan's business: deletions arrive through onDelete.
      }
      if (local.length > 0) {
        const next = applyNodeChanges(local, nodesRef.current);
        nodesRef.current = next;
        setNodes(next);
      }
      if (selections.length > 0) applySelectionChanges(selections);
      if (measuredChanged) setMeasuredVersion((v) => v + 1);
      if (settled.length > 0) {
        const moves = absoluteMoves(nodesRef.current, settled);
        if (dragging.current) commitMoves(moves);
        else {
          for (const m of moves) pendingKeyboardMoves.current.set(m.id, m.position);
          window.clearTimeout(keyboardTimer.current);
          keyboardTimer.current = window.setTimeout(flushKeyboardMoves, KEYBOARD_COMMIT_DELAY_MS);
        }
      }
    },
    [flushKeyboardMoves],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    const selections = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
    if (selections.length > 0) applySelectionChanges(selections);
  }, []);

  const onDelete = useCallback(
    ({ nodes: gone, edges: goneEdges }: { nodes: CanvasNode[]; edges: CanvasEdge[] }) => {
      usePlanner.getState().deleteElements([...gone.map((n) => n.id), ...goneEdges.map((e) => e.id)]);
    },
    [],
  );

  const onConnectStart = useCallback((event: MouseEvent | TouchEvent) => {
    connectStart.current = clientPoint(event);
    setConnectRequest(null);
  }, []);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const from = state.fromNode?.id;
    const point = clientPoint(event);
    const start = connectStart.current;
    connectStart.current = null;
    if (!from) return;
    const to = state.toNode?.id ?? nodeIdAt(point);
    if (!to) return;
    const moved = start ? Math.hypot(point.x - start.x, point.y - start.y) : 0;
    // A click on a handle is not an attempt to link a node to itself.
    if (to === from && moved < 8) return;
    const store = usePlanner.getState();
    if (connectionIntent(store.plan, from, to).kind === 'choose') {
      const box = containerRef.current?.getBoundingClientRect();
      const x = point.x - (box?.left ?? 0);
      const y = point.y - (box?.top ?? 0);
      // Kept inside the canvas, whatever corner the connection was dropped in.
      setConnectRequest({
        a: from,
        b: to,
        x: Math.max(8, Math.min(x, (box?.width ?? x) - MENU_ROOM.width)),
        y: Math.max(8, Math.min(y, (box?.height ?? y) - MENU_ROOM.height)),
      });
      return;
    }
    const result = store.addLink(from, to);
    if (result.ok) store.select([result.id]);
    else store.notify({ kind: 'error', text: result.error });
  }, []);

  const onNodeDragStart = useCallback(() => {
    dragging.current = true;
  }, []);
  const onNodeDragStop = useCallback(() => {
    dragging.current = false;
  }, []);

  const onDragOver = useCallback((event: React.DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const kind = paletteKindOf(event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!kind) return;
      event.preventDefault();
      addItemAt(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [screenToFlowPosition],
  );

  // Bring requested ids into view (a finding, a matrix row, a node added off screen).
  const focusRequest = usePlanner((s) => s.focusRequest);
  useEffect(() => {
    if (!focusRequest) return;
    // Ghosts (what only a compared plan has) are brought into view as they are.
    const ids = [
      ...nodesToFocus(usePlanner.getState().plan, focusRequest.ids),
      ...focusRequest.ids.filter(isGhostId),
    ];
    if (ids.length > 0)
      void fitView({ nodes: ids.map((id) => ({ id })), duration: 350, maxZoom: 1.2, padding: 0.4 });
  }, [focusRequest, fitView]);

  // A plan that replaces the drawing (import, template, first visit) is shown whole, unless
  // that makes its text too small to read: then from its top-left end, at the lowest zoom
  // at which every node's text is legible, and the cues at the edges say where the rest is.
  const plan = usePlanner((s) => s.plan);
  const shownPlan = useRef(plan);
  useEffect(() => {
    const previous = shownPlan.current;
    shownPlan.current = plan;
    // A plan opened from the plan list comes back at its saved view; any other opened plan is fitted.
    const opening = usePlanner.getState().takeOpenedView(plan);
    if (opening && opening !== 'fit') {
      void setViewport(opening);
      return;
    }
    // A plan emptied (or replaced by an empty one) starts again at the zoom of a fresh canvas.
    if (plan.nodes.length === 0 && plan.sites.length === 0) {
      if (previous.nodes.length > 0 || previous.sites.length > 0) {
        void setViewport({ x: 0, y: 0, zoom: EMPTY_PLAN_ZOOM });
      }
      return;
    }
    if (opening !== 'fit' && !isReplacement(previous, plan)) return;
    void fitView({ padding: 0.08, maxZoom: 1 }).then(() => {
      if (getViewport().zoom >= READABLE_ZOOM - 0.005) return;
      const box = containerRef.current?.getBoundingClientRect();
      if (!box) return;
      const bounds = getNodesBounds(getNodes());
      const zoom = READABLE_ZOOM;
      const y = Math.max(24, (box.height - bounds.height * zoom) / 2);
      void setViewport({ x: 32 - bounds.x * zoom, y: y - bounds.y * zoom, zoom });
    });
  }, [plan, fitView, getViewport, setViewport, getNodes, getNodesBounds]);

  // React Flow keeps a multiple selection when one of its items is clicked; a plain click picks that item alone.
  const onItemClick = useCallback((event: React.MouseEvent, item: { id: string }) => {
    if (event.shiftKey || event.ctrlKey || event.metaKey) return;
    const { selection, select } = usePlanner.getState();
    if (selection.length > 1 || (selection.length === 1 && selection[0] !== item.id)) select([item.id]);
  }, []);

  // Re-rendered only when the zoom crosses into or out of the overview: the style sheet does the rest.
  const overview = useStore((s) => isOverview(s.transform[2]));
  // Drawn whole only once the view has stayed in the overview a moment: a large plan opening passes
  // through its fitted zoom on its way to the legible one, and drawing it whole then would mount
  // every node for a view nobody sees.
  const [drawWhole, setDrawWhole] = useState(false);
  useEffect(() => {
    if (!overview) {
      setDrawWhole(false);
      return;
    }
    const timer = window.setTimeout(() => setDrawWhole(true), OVERVIEW_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [overview]);

  const onPaneClick = useCallback(() => {
    setConnectRequest(null);
    if (usePlanner.getState().highlight) usePlanner.getState().setHighlight(null);
  }, []);

  return (
    <section ref={containerRef} aria-label="Plan canvas" className="relative h-full w-full bg-slate-50">
      <ReactFlow<CanvasNode, CanvasEdge>
        className={overview ? 'epp-overview' : undefined}
        nodes={nodes}
        edges={view.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={onPaneClick}
        onNodeClick={onItemClick}
        onEdgeClick={onItemClick}
        onDragOver={onDragOver}
        onDrop={onDrop}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={28}
        connectionLineType={ConnectionLineType.Straight}
        connectionLineStyle={{ stroke: '#2563eb', strokeWidth: 1.75, strokeDasharray: '5 4' }}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        panOnScroll
        onlyRenderVisibleElements={
          nodes.length > LARGE_PLAN_NODES && !(drawWhole && nodes.length <= OVERVIEW_DRAWS_ALL_NODES)
        }
        minZoom={VIEW_ZOOM.min}
        maxZoom={VIEW_ZOOM.max}
        proOptions={PRO_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="#cbd5e1" />
        <Controls position="bottom-left" showInteractive={false} showFitView={false}>
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={fitWholePlan}
            title="Fit View"
            aria-label="Fit View"
          >
            <FitViewIcon />
          </ControlButton>
        </Controls>
      </ReactFlow>
      {nodes.length === 0 && <EmptyCanvasHint />}
      <ViewCues />
      <ChangeLegend />
      <SelectionActions />
      {connectRequest && <ConnectMenu request={connectRequest} onClose={() => setConnectRequest(null)} />}
    </section>
  );
}

const PRO_OPTIONS = { hideAttribution: false };

/** The Fit View icon of React Flow's controls (four corners). */
function FitViewIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}

function EmptyCanvasHint() {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
      <div className="max-w-sm rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center">
        <p className="text-[13px] font-semibold text-slate-700">An empty plan</p>
        <p className="mt-1 text-[12px] leading-relaxed text-slate-500">
          Drag a site, Exchange servers, firewalls and clients from the palette, or press an item to add it
          here. Open Templates for a worked example.
        </p>
      </div>
    </div>
  );
}
