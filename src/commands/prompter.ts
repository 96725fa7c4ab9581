/**
 * Every question and message the operations put to a user goes through a Prompter. Users get real QuickInputs,
 * modal dialogs and notifications (vscodePrompter.ts); integration tests pass a scripted Prompter as an extra
 * command argument, so the same step logic runs against the real engine without a person at the keyboard.
 */

/** Returned by a step when the user pressed the Back button. */
// Symbol.for: the test bundle and the extension bundle must share the very same symbol.
export const BACK: unique symbol = Symbol.for('dockerNetworks.prompter.back');
export type Back = typeof BACK;

/** undefined means the user cancelled (Escape / focus lost). */
export type Answer<T> = T | Back | undefined;

export interface StepPosition {
  /** A stable id tests script answers by, e.g. 'name', 'driver', 'ipv4Subnet'. */
  id: string;
  title: string;
  step: number;
  totalSteps: number;
  /** Whether a Back button is shown. */
  canGoBack: boolean;
}

export interface InputQuestion extends StepPosition {
  prompt: string;
  placeholder?: string;
  value?: string;
  password?: false;
  /** A message for users when the value cannot be accepted, undefined when it can. */
  validate(value: string): string | undefined;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
}

export interface PickQuestion<T> extends StepPosition {
  placeholder: string;
  items: readonly PickItem<T>[];
}

export interface ConfirmQuestion {
  /** The modal dialog's message and detail. */
  message: string;
  detail?: string;
  /** Button labels; the answer is the chosen label, undefined for Cancel. */
  actions: readonly string[];
}

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  level: NoticeLevel;
  message: string;
  /** Optional buttons; the answer is the chosen label. */
  actions?: readonly string[];
}

export interface Prompter {
  input(question: InputQuestion): Promise<Answer<string>>;
  pick<T>(question: PickQuestion<T>): Promise<Answer<T>>;
  pickMany<T>(question: PickQuestion<T>): Promise<Answer<T[]>>;
  confirm(question: ConfirmQuestion): Promise<string | undefined>;
  /** A non-modal notification; resolves with the chosen action (or undefined) once the user answers. */
  notify(notice: Notice): Promise<string | undefined>;
  /** Runs work while showing progress with the title. */
  withProgress<T>(title: string, work: () => Promise<T>): Promise<T>;
  /** Puts text on the clipboard. */
  copy(text: string): Promise<void>;
}

/** Carrier tests pass as an extra command argument: `executeCommand(id, node, nodes, { prompter })`. */
export interface OperationOptions {
  prompter: Prompter;
}

export function isOperationOptions(arg: unknown): arg is OperationOptions {
  if (typeof arg !== 'object' || arg === null || !('prompter' in arg)) return false;
  const p = (arg as { prompter: unknown }).prompter;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof (p as Prompter).input === 'function' &&
    typeof (p as Prompter).pick === 'function'
  );
}
