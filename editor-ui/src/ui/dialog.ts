import { h } from './dom';

/**
 * A modal question with one text field, built on <dialog>: focus moves into it, Escape cancels,
 * Enter confirms. `validate` may reject (e.g. the server said 409) and the dialog stays open with
 * the reason.
 */
export function askText(options: {
  title: string;
  label: string;
  value?: string;
  confirm: string;
  validate?(value: string): Promise<string | null>;
}): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h('input', { type: 'text', name: 'value', required: true, autocomplete: 'off', spellcheck: 'false' });
    input.value = options.value ?? '';
    const error = h('p', { className: 'dialog-error', role: 'alert' });
    const dialog = h(
      'dialog',
      { className: 'dialog', 'aria-label': options.title },
      h(
        'form',
        { method: 'dialog' },
        h('h2', {}, options.title),
        h('label', {}, options.label, input),
        error,
        h(
          'div',
          { className: 'dialog-buttons' },
          h('button', { type: 'button', value: 'cancel', onclick: () => dialog.close('cancel') }, 'Cancel'),
          h('button', { type: 'submit', value: 'ok', className: 'primary' }, options.confirm),
        ),
      ),
    );
    const form = dialog.querySelector('form')!;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      if (options.validate) {
        const problem = await options.validate(value);
        if (problem) {
          error.textContent = problem;
          input.focus();
          return;
        }
      }
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      const ok = dialog.returnValue === 'ok';
      dialog.remove();
      resolve(ok ? input.value.trim() : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.select();
  });
}

/** A modal yes/no question; the cancelling button has the focus, so Enter and Escape both leave things as they are. */
export function confirmAction(title: string, message: string, confirm: string, cancel = 'Cancel'): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h(
      'dialog',
      { className: 'dialog dialog-question', 'aria-label': title },
      h(
        'form',
        { method: 'dialog' },
        h('h2', {}, title),
        h('p', {}, message),
        h(
          'div',
          { className: 'dialog-buttons' },
          h('button', { value: 'cancel', autofocus: true }, cancel),
          h('button', { value: 'ok', className: 'primary' }, confirm),
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
