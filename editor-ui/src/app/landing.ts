import { ProjectClient, createProject } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { h } from '../ui/dom';
import { forgetSession, storeSession, storedSessions, type ProjectSession } from './sessions';

/** Create a project, or open one from a share link with a token. */
export function showLanding(root: HTMLElement, open: (session: ProjectSession) => void, sharedProjectId: string | null): void {
  const error = h('p', { className: 'form-error', role: 'alert' });

  const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off', 'data-testid': 'create-name' });
  const user = h('input', { type: 'text', name: 'user', required: true, autocomplete: 'nickname', 'data-testid': 'create-user' });
  const createForm = h(
    'form',
    { className: 'card', 'aria-label': 'Create a project' },
    h('h2', {}, 'Create a project'),
    h('label', {}, 'Project name', name),
    h('label', {}, 'Your name', user),
    h('button', { type: 'submit', className: 'primary', 'data-testid': 'create-project' }, 'Create'),
  );
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await createProject(name.value.trim(), user.value.trim());
      const session = { ...created };
      storeSession(session);
      open(session);
    } catch (e) {
      error.textContent = `Could not create the project: ${describeError(e)}`;
    }
  });

  const projectId = h('input', { type: 'text', name: 'projectId', required: true, autocomplete: 'off', 'data-testid': 'open-project-id' });
  projectId.value = sharedProjectId ?? '';
  const token = h('input', { type: 'password', name: 'token', required: true, autocomplete: 'off', 'data-testid': 'open-token' });
  const openUser = h('input', { type: 'text', name: 'user', autocomplete: 'nickname', 'data-testid': 'open-user' });
  const openForm = h(
    'form',
    { className: 'card', 'aria-label': 'Open a shared project' },
    h('h2', {}, 'Open a shared project'),
    h('label', {}, 'Project id or link', projectId),
    h('label', {}, 'Token', token),
    h('label', {}, 'Your name (shown here only)', openUser),
    h('button', { type: 'submit', className: 'primary', 'data-testid': 'open-project' }, 'Open'),
  );
  openForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = /([0-9a-fA-F-]{36})/.exec(projectId.value)?.[1] ?? projectId.value.trim();
    const session: ProjectSession = { projectId: id, name: id.slice(0, 8), user: openUser.value.trim() || 'me', token: token.value.trim() };
    // Check the token before keeping it.
    try {
      await new ProjectClient(id, session.token).listFiles();
    } catch (e) {
      error.textContent = e instanceof ApiError ? `That token does not open this project (${e.status}).` : 'The server cannot be reached.';
      return;
    }
    storeSession(session);
    open(session);
  });

  const recent = storedSessions();
  const recentList = h(
    'ul',
    { className: 'recent' },
    ...recent.map((s) =>
      h(
        'li',
        {},
        h('button', { type: 'button', onclick: () => open(s) }, `${s.name} (${s.user})`),
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Forget ${s.name} in this browser`,
            onclick: () => {
              forgetSession(s.projectId);
              showLanding(root, open, sharedProjectId);
            },
          },
          'Forget',
        ),
      ),
    ),
  );

  root.replaceChildren(
    h(
      'div',
      { className: 'landing' },
      h('h1', {}, 'Velocity'),
      h('p', {}, 'Edit files in the browser; every save is kept as a version.'),
      error,
      h('div', { className: 'cards' }, sharedProjectId ? openForm : createForm, sharedProjectId ? createForm : openForm),
      recent.length > 0 && h('section', { className: 'card' }, h('h2', {}, 'Your projects'), recentList),
    ),
  );
  (sharedProjectId ? token : name).focus();
}
