/** Messages between the extension host and the lint worker (structured-clone friendly: Maps and Sets pass). */
import type { Finding, RuleSetting } from './lint';
import type { EngineView } from './rules/types';
import type { SymbolIndex } from './symbolIndex';

export interface LintRequest {
  id: number;
  file: string;
  text: string;
  rules: Record<string, RuleSetting>;
  engine?: EngineView;
}

export interface LintResponse {
  id: number;
  findings: Finding[];
  index: SymbolIndex;
  related: string[];
  /** Set when the lint itself failed (the worker stays alive). */
  error?: string;
}
