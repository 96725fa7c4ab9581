/** The rule contract: pure checks over the compose model, shared by the editor, the worker and the CLI. */
import type { NetworkModel, EndpointModel } from '../../model/topology';
import type { ComposeModel, Range } from '../model/types';

export type Severity = 'error' | 'warning' | 'info';
export type RuleCategory = 'network' | 'security' | 'engine';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix a user most likely wants (offered first, applied by "auto fix"). */
  preferred?: boolean;
}

export interface RuleFinding {
  message: string;
  range: Range;
  fixes?: Fix[];
}

/** What other files of the same project (override files, include:d files) contribute. */
export interface ProjectView {
  services: ReadonlySet<string>;
  networks: ReadonlySet<string>;
  usedNetworks: ReadonlySet<string>;
}

/** The engine's current state, as engine-aware rules need it (absent when the engine does not answer). */
export interface EngineView {
  networks: readonly NetworkModel[];
  endpointsByNetwork: ReadonlyMap<string, readonly EndpointModel[]>;
  /** The engine's Swarm role; absent when it is in no Swarm. */
  swarm?: 'manager' | 'worker';
}

export interface RuleContext {
  model: ComposeModel;
  project: ProjectView;
  /** The compose project name: `name:` or the folder name, normalized as Compose does. */
  projectName: string;
  engine?: EngineView;
}

export interface Rule {
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** Security rules are opinions: off unless the user turns them on. */
  enabledByDefault: boolean;
  /** One line, for docs and settings. */
  summary: string;
  check(ctx: RuleContext): RuleFinding[];
}
