/**
 * A Prompter that plays a script instead of a person: each question must be the next step of the script (by id),
 * inputs go through the real validation (a rejected value is recorded with the message the user would see, and
 * the script's next entry answers the same question again), picks choose items by their label. Everything the
 * user would have seen (questions, items offered, validation messages, notices, confirms) is recorded.
 */
// BACK is Symbol.for(...) in src/commands/prompter.ts, so this separately bundled test shares the same symbol.
import {
  BACK,
  type Answer,
  type ConfirmQuestion,
  type InputQuestion,
  type Notice,
  type PickQuestion,
  type Prompter,
} from '../../../src/commands/prompter';

export { BACK };
export const CANCEL = Symbol('cancel');

export type Reply = string | string[] | typeof BACK | typeof CANCEL;

export interface ScriptStep {
  /** The question's id: 'name', 'driver', 'ipv4Subnet', ..., 'confirm', 'notify'. */
  id: string;
  reply: Reply;
  /** Runs right before the reply is given (e.g. to change the engine behind the command's back). */
  before?: () => void | Promise<void>;
}

export interface Recorded {
  questions: Array<{ id: string; step?: number; totalSteps?: number; canGoBack?: boolean }>;
  offered: Map<string, string[]>;
  /** What each offered item says below its label (its detail line), by question id and label. */
  details: Map<string, Map<string, string | undefined>>;
  invalid: Array<{ id: string; value: string; message: string }>;
  confirms: ConfirmQuestion[];
  notices: Notice[];
  progress: string[];
  copied: string[];
}

export class ScriptedPrompter implements Prompter {
  readonly seen: Recorded = {
    questions: [],
    offered: new Map(),
    details: new Map(),
    invalid: [],
    confirms: [],
    notices: [],
    progress: [],
    copied: [],
  };
  private readonly script: ScriptStep[];

  constructor(script: ScriptStep[]) {
    this.script = [...script];
  }

  /** The steps the command never asked for (a test usually expects none). */
  get unused(): string[] {
    return this.script.map((s) => s.id);
  }

  private async next(id: string): Promise<Reply> {
    const step = this.script.shift();
    if (!step) throw new Error(`the command asked "${id}" but the script has no more answers`);
    if (step.id !== id) throw new Error(`the command asked "${id}" but the script expected "${step.id}"`);
    await step.before?.();
    return step.reply;
  }

  async input(q: InputQuestion): Promise<Answer<string>> {
    for (;;) {
      this.seen.questions.push({ id: q.id, step: q.step, totalSteps: q.totalSteps, canGoBack: q.canGoBack });
      const reply = await this.next(q.id);
      if (reply === BACK) return BACK;
      if (reply === CANCEL) return undefined;
      if (typeof reply !== 'string') throw new Error(`input "${q.id}" needs a string reply`);
      const message = q.validate(reply);
      if (!message) return reply;
      this.seen.invalid.push({ id: q.id, value: reply, message });
    }
  }

  private choose<T>(q: PickQuestion<T>, labels: string[]): T[] {
    this.seen.offered.set(
      q.id,
      q.items.map((i) => i.label),
    );
    return labels.map((label) => {
      const item = q.items.find((i) => i.label === label);
      if (!item)
        throw new Error(`"${q.id}" offered no "${label}"; it offered: ${q.items.map((i) => i.label).join(', ')}`);
      return item.value;
    });
  }

  async pick<T>(q: PickQuestion<T>): Promise<Answer<T>> {
    this.seen.questions.push({ id: q.id, step: q.step, totalSteps: q.totalSteps, canGoBack: q.canGoBack });
    this.seen.details.set(q.id, new Map(q.items.map((i) => [i.label, i.detail])));
    const reply = await this.next(q.id);
    this.seen.offered.set(
      q.id,
      q.items.map((i) => i.label),
    );
    if (reply === BACK) return BACK;
    if (reply === CANCEL) return undefined;
    return this.choose(q, [reply as string])[0];
  }

  async pickMany<T>(q: PickQuestion<T>): Promise<Answer<T[]>> {
    this.seen.questions.push({ id: q.id, step: q.step, totalSteps: q.totalSteps, canGoBack: q.canGoBack });
    const reply = await this.next(q.id);
    this.seen.offered.set(
      q.id,
      q.items.map((i) => i.label),
    );
    if (reply === BACK) return BACK;
    if (reply === CANCEL) return undefined;
    return this.choose(q, typeof reply === 'string' ? [reply] : reply);
  }

  async confirm(q: ConfirmQuestion): Promise<string | undefined> {
    this.seen.confirms.push(q);
    const reply = await this.next('confirm');
    return reply === CANCEL ? undefined : (reply as string);
  }

  async notify(n: Notice): Promise<string | undefined> {
    this.seen.notices.push(n);
    // Only notices with buttons wait for an answer; the script answers them as 'notify'.
    if (!n.actions || n.actions.length === 0) return undefined;
    const reply = await this.next('notify');
    return reply === CANCEL ? undefined : (reply as string);
  }

  async withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.seen.progress.push(title);
    return work();
  }

  async copy(text: string): Promise<void> {
    this.seen.copied.push(text);
  }

  /** All notices of a level, joined, for assertions on what the user read. */
  noticesText(level: Notice['level']): string {
    return this.seen.notices
      .filter((n) => n.level === level)
      .map((n) => n.message)
      .join('\n');
  }
}
