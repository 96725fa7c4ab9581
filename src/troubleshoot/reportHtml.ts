/** The connectivity report's HTML shell: a strict CSP (our script by nonce, our stylesheet, nothing else). */
import { makeNonce } from '../topology/html';

export interface ReportHtmlInput {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export { makeNonce };

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportCsp(i: Pick<ReportHtmlInput, 'cspSource' | 'nonce'>): string {
  return ["default-src 'none'", `script-src 'nonce-${i.nonce}'`, `style-src ${i.cspSource}`, `font-src ${i.cspSource}`].join('; ');
}

export function reportHtml(i: ReportHtmlInput, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(reportCsp(i))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(i.styleUri)}">
<title>${attr(title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${attr(i.nonce)}" src="${attr(i.scriptUri)}"></script>
</body>
</html>`;
}
