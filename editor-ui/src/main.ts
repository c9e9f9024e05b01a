import './styles.css';
import { showLanding } from './app/landing';
import { projectIdFromHash, sessionFor, type ProjectSession } from './app/sessions';
import { Workspace } from './app/workspace';

const root = document.getElementById('app')!;

/** Opens the project's page; resolves once its tree is shown and its editor (Monaco, a chunk of its own) is loaded. */
async function openProject(session: ProjectSession): Promise<void> {
  if (location.hash !== `#/p/${session.projectId}`) history.replaceState(null, '', `#/p/${session.projectId}`);
  document.title = `${session.name} · Velocity`;
  const workspace = new Workspace(root, session, () => {
    history.replaceState(null, '', location.pathname);
    document.title = 'Velocity';
    void route();
  });
  await workspace.start();
}

function route(): Promise<void> {
  const projectId = projectIdFromHash();
  const session = projectId ? sessionFor(projectId) : null;
  if (session) return openProject(session);
  showLanding(root, (s) => void openProject(s), projectId);
  return Promise.resolve();
}

/**
 * The service worker keeps the page itself available offline, so that a reload keeps the edits. It downloads every
 * file of the page when it installs: registered once the page has loaded what it shows, it finds most of them in
 * the browser's cache instead of competing with the tree and the editor for the connection.
 */
function keepPageForOffline(): void {
  if ('serviceWorker' in navigator && import.meta.env.PROD) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

window.addEventListener('hashchange', () => location.reload());

void import('./ui/durabilityBanner').then((banner) => banner.showDurabilityBanner()).catch(() => undefined);
void route().catch(() => undefined).finally(keepPageForOffline);
