/**
 * The baseline of the UI benchmark: React Flow as its documentation shows it
 * (controlled nodes and edges with `applyNodeChanges`, default node and edge
 * types), fed the same generated plan as the planner through a file input:
 * sites and nodes become default nodes at the same positions, links and
 * connectors default edges. The query string sets the canvas size and
 * viewport the planner showed, so both draw the same part of the plan; a
 * "Label" box renames one node, the baseline of an edit.
 */
import '@xyflow/react/dist/style.css';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  ReactFlow,
} from '@xyflow/react';
import { type ChangeEvent, StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface PlanFile {
  sites: {
    id: string;
    name: string;
    position?: { x: number; y: number };
    size?: { width: number; height: number };
  }[];
  nodes: { id: string; name: string; position?: { x: number; y: number } }[];
  links: { id: string; a: string; b: string }[];
  connectors?: { id: string; a: string; b: string }[];
}

const query = new URLSearchParams(location.search);
const number = (key: string, fallback: number) => Number(query.get(key) ?? fallback);
const SIZE = { width: number('w', 756), height: number('h', 478) };
const VIEWPORT = { x: number('x', 0), y: number('y', 0), zoom: number('zoom', 1) };
const EDITED = query.get('edit') ?? '';

function toFlow(plan: PlanFile): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [
    ...plan.sites.map((s) => ({
      id: s.id,
      position: s.position ?? { x: 0, y: 0 },
      width: s.size?.width ?? 520,
      height: s.size?.height ?? 340,
      zIndex: -1,
      data: { label: s.name },
    })),
    ...plan.nodes.map((n) => ({ id: n.id, position: n.position ?? { x: 0, y: 0 }, data: { label: n.name } })),
  ];
  const edges: Edge[] = [...plan.links, ...(plan.connectors ?? [])].map((l) => ({
    id: l.id,
    source: l.a,
    target: l.b,
  }));
  return { nodes, edges };
}

function Bare() {
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    const flow = toFlow(JSON.parse(await file.text()) as PlanFile);
    setNodes(flow.nodes);
    setEdges(flow.edges);
  };
  const onLabel = (event: ChangeEvent<HTMLInputElement>) => {
    const label = event.currentTarget.value;
    setNodes((ns) => ns.map((n) => (n.id === EDITED ? { ...n, data: { ...n.data, label } } : n)));
  };

  return (
    <>
      <div style={{ display: 'flex', gap: 12, padding: 8 }}>
        <label>
          Import plan <input type="file" accept=".json" onChange={(e) => void onFile(e)} />
        </label>
        <label>
          Label <input type="text" onChange={onLabel} />
        </label>
      </div>
      <section
        aria-label="Plan canvas"
        style={{ width: SIZE.width, height: SIZE.height, border: '1px solid #ccc' }}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          defaultViewport={VIEWPORT}
          minZoom={0.05}
        />
      </section>
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
