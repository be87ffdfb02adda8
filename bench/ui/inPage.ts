/**
 * The measuring code that runs inside the page, as plain JavaScript text
 * (added with `addInitScript`, so no build step touches it). Everything is
 * timed with the page's own clock: `performance.now()` and event time stamps.
 *
 * - `armFirstRender()` / `finishFirstRender()`: from the next file chosen in
 *   a file input until the canvas first shows what it finally shows once
 *   still (the same node and edge elements, every node measured: React Flow
 *   hides a node until it knows its size), and a frame has passed. Judged
 *   after the fact, so a canvas that draws only the nodes in view is timed
 *   by the same rule as one that draws them all.
 * - `startFrames()` / `stopFrames()`: a requestAnimationFrame counter.
 * - `armEdit(text, within)`: from the input event that makes a text box say
 *   `text` until `text` appears inside `within` (a MutationObserver), and the
 *   frame after.
 */
export const IN_PAGE_SCRIPT = `
(() => {
  const bench = {};
  window.__bench = bench;

  // What the canvas shows in one frame: how many nodes and edges, how many not yet measured, and which.
  const scene = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    let hash = 0;
    for (const node of nodes) {
      const id = node.getAttribute('data-id') || '';
      for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
    }
    const edges = document.querySelectorAll('.react-flow__edge-path').length;
    const hidden = document.querySelectorAll('.react-flow__node[style*="visibility: hidden"]').length;
    return nodes.length + '/' + edges + '/' + hidden + '/' + hash;
  };

  bench.armFirstRender = () => {
    const state = { start: null, frames: [], lastChange: null, end: null };
    bench.firstRender = state;
    document.addEventListener('change', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'file' && state.start === null) {
        state.start = event.timeStamp;
        state.lastChange = performance.now();
      }
    }, { capture: true });
    const tick = () => {
      if (state.end !== null) return;
      if (state.start !== null) {
        const now = scene();
        const last = state.frames[state.frames.length - 1];
        if (!last || last.scene !== now) state.lastChange = performance.now();
        state.frames.push({ t: performance.now(), scene: now });
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  // Still: frames keep coming (no long task in the way) and for a second none changed the scene.
  bench.firstRenderSettled = () => {
    const state = bench.firstRender;
    if (!state || state.lastChange === null) return false;
    const now = performance.now();
    const last = state.frames[state.frames.length - 1];
    const still = state.frames.filter((f) => f.t > state.lastChange).length;
    return !!last && now - last.t < 100 && now - state.lastChange > 1000 && still >= 20 && last.scene === scene();
  };

  // Every change of scene after the import: when, after how long a gap without frames, and what.
  bench.firstRenderTimeline = () => {
    const state = bench.firstRender;
    const out = [];
    let last = '';
    let previous = state.start;
    for (const f of state.frames) {
      if (f.scene !== last) {
        const [nodes, edges, hidden] = f.scene.split('/');
        out.push({ at: f.t - state.start, gap: f.t - previous, nodes: +nodes, edges: +edges, hidden: +hidden });
        last = f.scene;
      }
      previous = f.t;
    }
    return out;
  };

  // Once the canvas has been still for a while: the first frame that showed the final scene,
  // fully measured, and the frame after it (a frame has passed, so it was drawn).
  bench.finishFirstRender = () => {
    const state = bench.firstRender;
    const final = scene();
    state.end = -1;
    if (!final.split('/')[2] || final.split('/')[2] !== '0') return null;
    const at = state.frames.findIndex((f) => f.scene === final);
    const next = state.frames[at + 1];
    return at >= 0 && next ? next.t - state.start : null;
  };

  bench.startFrames = () => {
    const times = [];
    let running = true;
    const tick = (t) => {
      if (!running) return;
      times.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    bench.stopFrames = () => {
      running = false;
      const gaps = [];
      for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1]);
      gaps.sort((a, b) => a - b);
      const seconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
      return {
        frames: times.length,
        fps: seconds > 0 ? (times.length - 1) / seconds : 0,
        p95Gap: gaps.length ? gaps[Math.floor(gaps.length * 0.95)] : 0,
        maxGap: gaps.length ? gaps[gaps.length - 1] : 0,
      };
    };
  };

  bench.armEdit = (text, within) => {
    const state = { input: null, dom: null, frame: null };
    bench.edit = state;
    const onInput = (event) => {
      if (event.target instanceof HTMLInputElement && event.target.value === text) state.input = event.timeStamp;
    };
    document.addEventListener('input', onInput, true);
    const holds = (node) => {
      if (!node) return false;
      if (node.nodeType === Node.TEXT_NODE) return node.data.includes(text);
      if (node.nodeType !== Node.ELEMENT_NODE) return false;
      if (node.textContent.includes(text)) return true;
      if ((node.getAttribute('title') || '').includes(text)) return true;
      return node.querySelector('[title*="' + text + '"]') !== null;
    };
    const observer = new MutationObserver((records) => {
      if (state.input === null || state.dom !== null) return;
      for (const record of records) {
        const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
        if (!target || !target.closest(within)) continue;
        const hit = record.type === 'childList'
          ? [...record.addedNodes].some(holds)
          : record.type === 'characterData' ? holds(record.target) : holds(record.target);
        if (hit) {
          state.dom = performance.now();
          observer.disconnect();
          document.removeEventListener('input', onInput, true);
          requestAnimationFrame(() => { state.frame = performance.now(); });
          return;
        }
      }
    });
    observer.observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['title'],
    });
  };
})();
`;
