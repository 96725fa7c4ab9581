/**
 * Runs the probe in the source's network namespace: exec in the source container first (whatever its image
 * has); when the image has no shell, a helper container from the diagnostics image the user named joins the
 * namespace (container:<id>) and runs the same script, then is removed. Engine refusals become probe failures
 * with the engine's own words (stopped, removed, exec forbidden by an authorization plugin, image missing);
 * nothing is pulled. No `vscode` here: the report words the failures.
 */
import type { EngineApi, ExecResult } from '../engine/api';
import { EngineError } from '../engine/errors';
import { concludeSteps, execFailure, parseProbeOutput } from '../diagnose/probe/interpret';
import { probeCommand } from '../diagnose/probe/script';
import type { ProbeFailure, ProbeResult } from '../diagnose/probe/types';
import type { ProbeTarget } from '../diagnose/reachability/types';

/**
 * The script bounds each step to 2 s and runs them in parallel; this bounds the whole exec, with room for the
 * engine's own exec overhead (about 0.1 s idle, over 1 s on a loaded machine).
 */
export const PROBE_TIMEOUT_MS = 5_000;
/** A helper container also has to be created, started and removed. */
const HELPER_TIMEOUT_MS = 6_000;

export interface ProbeOptions {
  /** The diagnostics image (setting dockerNetworks.diagnostics.helperImage); empty: no helper. */
  helperImage?: string;
  signal?: AbortSignal;
}

function failed(via: ProbeResult['via'], failure: ProbeFailure, detail: string, started: number): ProbeResult {
  return {
    via,
    tools: [],
    steps: [],
    conclusion: 'inconclusive',
    failure,
    failureDetail: detail,
    durationMs: Date.now() - started,
  };
}

/** Maps what the engine refused to a probe failure, keeping its message. */
function engineFailure(error: unknown, via: ProbeResult['via']): { failure: ProbeFailure; detail: string } {
  if (error instanceof Error && error.name === 'AbortError') return { failure: 'cancelled', detail: '' };
  if (!(error instanceof EngineError))
    return { failure: 'engineError', detail: error instanceof Error ? error.message : String(error) };
  const { kind, engineMessage, message } = error.problem;
  const detail = engineMessage ?? message;
  if (kind === 'notFound')
    return { failure: via === 'helper' && /image/i.test(detail) ? 'helperImageMissing' : 'containerGone', detail };
  if (kind === 'forbidden') return { failure: 'execRefused', detail };
  if (kind === 'conflict' && /not running|paused|restarting/i.test(detail)) return { failure: 'notRunning', detail };
  return { failure: 'engineError', detail: message };
}

function fromOutput(via: ProbeResult['via'], result: ExecResult, started: number): ProbeResult {
  const failure = execFailure(result);
  if (failure) return failed(via, failure.failure, failure.detail, started);
  const { tools, steps } = parseProbeOutput(result.stdout);
  return { via, tools, steps, conclusion: concludeSteps(steps), durationMs: Date.now() - started };
}

export async function runProbe(
  engine: EngineApi,
  containerId: string,
  target: ProbeTarget,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const started = Date.now();
  const cmd = probeCommand(target);
  let viaExec: ProbeResult;
  try {
    viaExec = fromOutput(
      'exec',
      await engine.exec(containerId, cmd, { timeoutMs: PROBE_TIMEOUT_MS, signal: options.signal }),
      started,
    );
  } catch (error) {
    const { failure, detail } = engineFailure(error, 'exec');
    return failed('exec', failure, detail, started);
  }
  const image = options.helperImage?.trim();
  if (viaExec.failure !== 'noShell' || !image) return viaExec;
  try {
    const result = await engine.runHelper(
      { image, joinContainer: containerId, cmd },
      { timeoutMs: HELPER_TIMEOUT_MS, signal: options.signal },
    );
    return fromOutput('helper', result, started);
  } catch (error) {
    const { failure, detail } = engineFailure(error, 'helper');
    return failed('helper', failure, detail, started);
  }
}
