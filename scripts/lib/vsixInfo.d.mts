// Types of vsixInfo.mjs for TypeScript callers (the installed-package e2e test).
export interface VsixInfo {
  bytes: number;
  files: string[];
}
export function vsixInfo(file: string): VsixInfo;
export function describeVsix(file: string, info?: VsixInfo): string;
