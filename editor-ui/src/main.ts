import './styles.css';
import { showLanding } from './app/landing';
import { projectIdFromHash, sessionFor, type ProjectSession } from './app/sessions';
import { Workspace } from './app/workspace';
import { offlineCopy } from './offlineCopy';

const root = document.getElementById('app')!;

/** Opens the project's page: its tree first, then its editor (Monaco, a chunk of its own). */
async function openProject(session: ProjectSession): Promise<void> {
  if (location.hash !== `#/p/${session.projectId}`) history.replaceState(null, '', `#/p/${session.projectId}`);
  document.title = `${session.name} · Velocity`;
  const workspace = new Workspace(root, session, () => {
    history.replaceState(null, '', location.pathname);
    document.title = 'Velocity';
    route();
  });
  await workspace.start();
}

function route(): void {
  const projectId = projectIdFromHash();
  const session = projectId ? sessionFor(projectId) : null;
  if (session) void openProject(session);
  else {
    showLanding(root, (s) => void openProject(s), projectId);
    // While the form is filled in, the service worker fetches the page (the editor too) for the project to come.
    void offlineCopy();
  }
}

window.addEventListener('hashchange', () => location.reload());

void import('./ui/durabilityBanner').then((banner) => banner.showDurabilityBanner()).catch(() => undefined);
route();
