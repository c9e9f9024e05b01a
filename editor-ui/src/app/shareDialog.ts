import type { ProjectClient } from '../api/client';
import { describeError } from '../api/errors';
import { h } from '../ui/dom';
import { shareLink, type ProjectSession } from './sessions';

/** The Share dialog: the link, the caller's own token, and a token of its own for a new member. */
export function showShareDialog(session: ProjectSession, client: ProjectClient): void {
  const memberOut = h('p', { 'data-testid': 'member-token' });
  const memberName = h('input', { type: 'text', 'aria-label': 'New member name', placeholder: 'name' });
  const addMember = async () => {
    if (!memberName.value.trim()) return;
    try {
      const member = await client.addMember(memberName.value.trim());
      memberOut.textContent = `Token for ${member.user}: ${member.token}`;
    } catch (error) {
      memberOut.textContent = describeError(error);
    }
  };
  const dialog = h(
    'dialog',
    { className: 'dialog', 'aria-label': 'Share project' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', {}, 'Share this project'),
      h('label', {}, 'Link', h('input', { type: 'text', readonly: true, value: shareLink(session.projectId), 'data-testid': 'share-link' })),
      h('label', {}, `Your token (acts as ${session.user})`, h('input', { type: 'text', readonly: true, value: session.token, 'data-testid': 'share-token' })),
      h('p', {}, 'Or give someone their own token, so their changes carry their name:'),
      h('div', { className: 'row' }, memberName, h('button', { type: 'button', onclick: () => void addMember() }, 'Add member')),
      memberOut,
      h('div', { className: 'dialog-buttons' }, h('button', { value: 'close', className: 'primary' }, 'Done')),
    ),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
