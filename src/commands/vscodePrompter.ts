/**
 * The Prompter users get: QuickInputs with step counters and a Back button, modal confirms, notifications,
 * window.withProgress and the clipboard.
 */
import * as vscode from 'vscode';
import {
  BACK,
  type Answer,
  type ConfirmQuestion,
  type InputQuestion,
  type Notice,
  type PickQuestion,
  type Prompter,
} from './prompter';

function decorate(
  box: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] },
  q: InputQuestion | PickQuestion<unknown>,
): void {
  box.title = q.title;
  box.step = q.step;
  box.totalSteps = q.totalSteps;
  box.ignoreFocusOut = true;
  box.buttons = q.canGoBack ? [vscode.QuickInputButtons.Back] : [];
}

function input(q: InputQuestion): Promise<Answer<string>> {
  const box = vscode.window.createInputBox();
  decorate(box, q);
  box.prompt = q.prompt;
  box.placeholder = q.placeholder;
  box.value = q.value ?? '';
  return new Promise<Answer<string>>((resolve) => {
    let settled = false;
    const finish = (answer: Answer<string>): void => {
      if (settled) return;
      settled = true;
      resolve(answer);
      box.dispose();
    };
    box.onDidChangeValue((v) => {
      box.validationMessage = q.validate(v);
    });
    box.onDidAccept(() => {
      const message = q.validate(box.value);
      box.validationMessage = message;
      if (!message) finish(box.value);
    });
    box.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) finish(BACK);
    });
    box.onDidHide(() => finish(undefined));
    box.validationMessage = box.value ? q.validate(box.value) : undefined;
    box.show();
  });
}

function pickAny<T>(q: PickQuestion<T>, many: boolean): Promise<Answer<T[]>> {
  type Item = vscode.QuickPickItem & { value: T };
  const box = vscode.window.createQuickPick<Item>();
  decorate(box, q);
  box.placeholder = q.placeholder;
  box.canSelectMany = many;
  box.matchOnDescription = true;
  box.matchOnDetail = true;
  const items: Item[] = q.items.map((i) => ({
    label: i.label,
    description: i.description,
    detail: i.detail,
    value: i.value,
  }));
  box.items = items;
  // The earlier answer (when going Back) is preselected, or active for a single pick.
  const earlier = items.filter((_, idx) => q.items[idx].picked);
  if (many) box.selectedItems = earlier;
  else if (earlier.length > 0) box.activeItems = earlier.slice(0, 1);
  return new Promise<Answer<T[]>>((resolve) => {
    let settled = false;
    const finish = (answer: Answer<T[]>): void => {
      if (settled) return;
      settled = true;
      resolve(answer);
      box.dispose();
    };
    box.onDidAccept(() => {
      const chosen = many ? box.selectedItems : box.activeItems.slice(0, 1);
      if (!many && chosen.length === 0) return;
      finish(chosen.map((c) => c.value));
    });
    box.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) finish(BACK);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

export const vscodePrompter: Prompter = {
  input,
  async pick<T>(q: PickQuestion<T>): Promise<Answer<T>> {
    const answer = await pickAny(q, false);
    return answer === BACK || answer === undefined ? answer : answer[0];
  },
  pickMany: <T>(q: PickQuestion<T>) => pickAny(q, true),
  async confirm(q: ConfirmQuestion): Promise<string | undefined> {
    return vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, ...q.actions);
  },
  async notify(n: Notice): Promise<string | undefined> {
    const actions = n.actions ?? [];
    if (n.level === 'error') return vscode.window.showErrorMessage(n.message, ...actions);
    if (n.level === 'warning') return vscode.window.showWarningMessage(n.message, ...actions);
    return vscode.window.showInformationMessage(n.message, ...actions);
  },
  withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, work));
  },
  async copy(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
  },
};
