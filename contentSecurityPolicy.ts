/**
 * The Content-Security-Policy of the built planner, written into index.html
 * as a meta tag by the build (vite.config.ts). Everything comes from the
 * planner's own origin, and no script runs that is not one of its files:
 *
 * - script-src 'self': no inline script, no eval, no other origin;
 * - style-src 'unsafe-inline': React Flow positions every node and edge with
 *   inline styles, and the image export clones them;
 * - img-src data: blob:: the image export draws the diagram from a data: URL
 *   and hands the file over as a blob;
 * - connect-src data:: the image export turns its data: URL into a file with
 *   fetch; the worked examples are fetched from the planner's own origin;
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
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
