/**
 * The ONLY module that touches the UI toolkit. @vscode/webview-ui-toolkit was deprecated upstream in January 2025
 * (@vscode-elements/elements is the community successor); swapping it means changing the element names and events
 * in this file alone. Everything else asks for controls through these functions.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeCheckbox(),
    vsCodeDropdown(),
    vsCodeOption(),
    vsCodeTextField(),
  );
}

export function button(label: string, title: string, onClick: () => void, secondary = true): HTMLElement {
  const b = document.createElement('vscode-button');
  if (secondary) b.setAttribute('appearance', 'secondary');
  b.textContent = label;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
}

export interface TextField {
  element: HTMLElement;
  value(): string;
  setValue(v: string): void;
}

export function textField(placeholder: string, label: string, onInput: (value: string) => void): TextField {
  const f = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  f.setAttribute('placeholder', placeholder);
  f.setAttribute('aria-label', label);
  f.addEventListener('input', () => onInput(f.value ?? ''));
  return { element: f, value: () => f.value ?? '', setValue: (v) => (f.value = v) };
}

export interface Dropdown {
  element: HTMLElement;
  value(): string;
  /** Replaces the options, keeping the current value when it is still offered. */
  setOptions(options: ReadonlyArray<{ value: string; label: string }>): void;
  setValue(v: string): void;
}

export function dropdown(label: string, onChange: (value: string) => void): Dropdown {
  const d = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  d.setAttribute('aria-label', label);
  d.title = label;
  let current = '';
  d.addEventListener('change', () => {
    current = d.value ?? '';
    onChange(current);
  });
  return {
    element: d,
    value: () => current,
    setOptions(options) {
      const keep = options.some((o) => o.value === current) ? current : '';
      d.replaceChildren(
        ...options.map((o) => {
          const opt = document.createElement('vscode-option') as HTMLElement & { value: string };
          opt.setAttribute('value', o.value);
          opt.textContent = o.label; // engine strings: text only
          return opt;
        }),
      );
      current = keep;
      d.value = keep;
    },
    setValue(v) {
      current = v;
      d.value = v;
    },
  };
}

export function checkbox(
  label: string,
  onChange: (checked: boolean) => void,
): { element: HTMLElement; checked(): boolean } {
  const c = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  c.textContent = label;
  c.addEventListener('change', () => onChange(c.checked));
  return { element: c, checked: () => c.checked };
}
