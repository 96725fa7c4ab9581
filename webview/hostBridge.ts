/**
 * The webview's side of a panel protocol (the counterpart of src/webviewHost/): every message from the host is
 * validated before it is used, and every message to the host is validated before it is sent (a bug here must
 * not reach the host as a malformed action). Generic: a panel passes its protocol's two validators.
 */
import { describeRejected } from '../src/webviewHost/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Each bundle reports its own problems as `{ type: 'problem', message }` (every panel protocol has it). */
type Problem = { type: 'problem'; message: string };

export class HostBridge<In, Out extends { type: string }> {
  private readonly api: VsCodeApi = acquireVsCodeApi();

  constructor(
    private readonly isIncoming: (v: unknown) => v is In,
    private readonly isOutgoing: (v: unknown) => v is Out,
  ) {}

  post(message: Out): void {
    if (!this.isOutgoing(message)) {
      console.error(`webview: refused to send a ${describeRejected(message)}`);
      return;
    }
    this.api.postMessage(message);
  }

  listen(handler: (message: In) => void): void {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (!this.isIncoming(event.data)) {
        this.post({ type: 'problem', message: `webview ignored a ${describeRejected(event.data)}` } as Problem & Out);
        return;
      }
      handler(event.data);
    });
  }

  getState<T>(check: (v: unknown) => v is T): T | undefined {
    const s = this.api.getState();
    return check(s) ? s : undefined;
  }

  setState(state: unknown): void {
    this.api.setState(state);
  }
}
