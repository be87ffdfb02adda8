/**
 * The Content-Security-Policy of the built planner, written into index.html
 * as a meta tag by the build (vite.config.ts). Everything comes from the
 * planner's own origin, and no script runs that is not one of its files:
 *
 * - script-src 'self': no inline script, no eval, no other origin;
 * - style-src 'unsafe-inline': React Flow positions every node and edge with
 *   inline styles, and the image export clones them;
 * - img-src data: blob:: the PNG export draws the diagram's SVG from a data:
 *   URL onto a canvas, and the review pack shows it from a blob: URL;
 * - connect-src 'self' only: the worked examples are fetched from the
 *   planner's own origin, and nothing else is fetched (files are handed over
 *   through a link to a blob:, which is not a fetch);
 * - worker-src 'self' blob:: the analysis runs in a worker of the app's own;
 * - no objects, frames, base URL or form targets.
 *
 * The dev server is left without it: Vite serves its hot-reload runtime as
 * inline scripts there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
