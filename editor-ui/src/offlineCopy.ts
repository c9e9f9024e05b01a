/** How long the editor waits for the service worker's copy of the page before it loads Monaco by itself. */
const WAIT_AT_MOST_MS = 10_000;

/**
 * Has the service worker keep the page for offline use (so that a reload of an open project keeps its edits), and
 * resolves once this page is served from that copy, or at once when there is nothing to wait for (no service
 * worker here, or already served by one). The editor's code is loaded after this: so it is downloaded once, by the
 * service worker as it installs, rather than by both at the same time, and Chromium keeps the compiled code of
 * what a service worker stores while it installs, which makes every later start of the editor faster.
 */
export function offlineCopy(): Promise<void> {
  copying ??= registerAndWait();
  return copying;
}

let copying: Promise<void> | null = null;

async function registerAndWait(): Promise<void> {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const registering = navigator.serviceWorker.register('/sw.js');
  if (navigator.serviceWorker.controller) {
    void registering.catch(() => undefined);
    return;
  }
  const registration = await registering.catch(() => null);
  const installing = registration?.installing ?? registration?.waiting;
  if (!installing) return;
  await new Promise<void>((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
    installing.addEventListener('statechange', () => {
      if (installing.state === 'redundant') resolve();
    });
    setTimeout(resolve, WAIT_AT_MOST_MS);
  });
}
