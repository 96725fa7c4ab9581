/**
 * What every webview protocol shares, on both sides (host and webview bundle): the small structural validators
 * each panel's protocol builds its own from, the ready handshake, the shape of an answer to a host request, and a
 * log-safe description of a rejected message. No imports and no vscode: webview bundles include this file as is.
 */

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isOptStr = (v: unknown): boolean => v === undefined || isStr(v);
export const isArrOf = <T>(v: unknown, f: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(f);
/** A validator for one of the values of an `as const` array (the array the protocol's type union is derived from). */
export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    isStr(v) && (values as readonly string[]).includes(v);

/** The webview's first message, sent once its script runs (again after the webview reloads). */
export interface ReadyMessage {
  type: 'ready';
}

/** A webview message that answers a host request carries the request's id (see WebviewHost.request). */
export interface ResponseMessage {
  type: string;
  requestId: number;
}

export const isResponseMessage = (v: unknown): v is ResponseMessage => isObj(v) && isStr(v.type) && isNum(v.requestId);

/** A short description of a rejected message for logs: its type only, never its (possibly hostile) content. */
export function describeRejected(v: unknown): string {
  if (isObj(v) && isStr(v.type)) return `message of type "${v.type.slice(0, 40)}" with an unexpected shape`;
  return `message that is not an object with a type (${typeof v})`;
}
