/**
 * A webview's HTML: a strict Content-Security-Policy and nothing but one bundle and one stylesheet of ours, each
 * render with fresh nonces. Pure (no vscode) so the CSP is unit-tested and reused by the headless-browser tests
 * and the benchmark; WebviewHost renders it for every panel.
 */

export interface PanelHtmlInput {
  /** webview.cspSource: the origin our own files are served from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** A fresh random nonce per render for the script, another one for the toolkit's style probe. */
  scriptNonce: string;
  styleNonce: string;
  /** Data the page reads at start (e.g. its translated sentences), as a JSON block with id "webview-data". */
  data?: unknown;
}

export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(18), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function contentSecurityPolicy(i: Pick<PanelHtmlInput, 'cspSource' | 'scriptNonce' | 'styleNonce'>): string {
  return [
    "default-src 'none'",
    // Only our bundle, by nonce: no inline script, no eval, nothing remote.
    `script-src 'nonce-${i.scriptNonce}'`,
    // The layout runs in a web worker that graphology-layout-forceatlas2 creates from a blob: URL of its own code.
    // A worker from our script URL is not possible: webview resources are cross-origin to the webview document.
    'worker-src blob:',
    // The toolkit's styles arrive as constructed stylesheets (adoptedStyleSheets), which CSP does not govern. Its
    // one inline style is the empty <style> its focus-visible probe (fast-foundation canUseFocusVisible) appends to
    // <head>: it carries the nonce read from <meta property="csp-nonce">, so a style nonce replaces 'unsafe-inline'.
    `style-src ${i.cspSource} 'nonce-${i.styleNonce}'`,
    `font-src ${i.cspSource}`,
    // data: for the PNG export, which draws our own SVG (as a data: URL) onto a canvas.
    `img-src ${i.cspSource} data:`,
  ].join('; ');
}

/**
 * JSON inside <script type="application/json">: never executed (so CSP has nothing to allow), and `<` escaped so
 * no string in it can close the element.
 */
function dataBlock(data: unknown): string {
  if (data === undefined) return '';
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="webview-data">${json}</script>\n`;
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function panelHtml(i: PanelHtmlInput, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(i))}">
<meta property="csp-nonce" content="${attr(i.styleNonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(i.styleUri)}">
<title>${attr(title)}</title>
</head>
<body>
<div id="app"></div>
${dataBlock(i.data)}<script nonce="${attr(i.scriptNonce)}" src="${attr(i.scriptUri)}"></script>
</body>
</html>`;
}
