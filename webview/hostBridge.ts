/**
 * The webview's side of the protocol: every message from the host is validated before it is used, and every
 * message to the host is validated before it is sent (a bug here must not reach the host as a malformed action).
 */
import { describeRejected, isHostMessage, isWebviewMessage, type HostMessage, type WebviewMessage } from '../src/topology/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class HostBridge {
  private readonly api: VsCodeApi = acquireVsCodeApi();

  post(message: WebviewMessage): void {
    if (!isWebviewMessage(message)) {
      console.error(`topology: refused to send a ${describeRejected(message)}`);
      return;
    }
    this.api.postMessage(message);
  }

  listen(handler: (message: HostMessage) => void): void {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (!isHostMessage(event.data)) {
        this.post({ type: 'problem', message: `webview ignored a ${describeRejected(event.data)}` });
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
