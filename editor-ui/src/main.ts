import './styles.css';
import { showLanding } from './app/landing';
import { projectIdFromHash, sessionFor, type ProjectSession } from './app/sessions';

const root = document.getElementById('app')!;

async function openProject(session: ProjectSession): Promise<void> {
  if (location.hash !== `#/p/${session.projectId}`) history.replaceState(null, '', `#/p/${session.projectId}`);
  document.title = `${session.name} · Velocity`;
  root.textContent = 'Loading the editor…';
  // Monaco is most of the page's weight: load it only once a project is open.
  const { Workspace } = await import('./app/workspace');
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
  else showLanding(root, (s) => void openProject(s), projectId);
}

window.addEventListener('hashchange', () => location.reload());

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // The service worker keeps the page itself available offline, so that a reload keeps the edits.
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

void import('./ui/durabilityBanner').then((banner) => banner.showDurabilityBanner()).catch(() => undefined);
route();
