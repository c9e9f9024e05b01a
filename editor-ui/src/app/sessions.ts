/** Projects this browser can open: the token stays in the browser, never in the share link. */
export interface ProjectSession {
  projectId: string;
  name: string;
  user: string;
  token: string;
}

const KEY = 'velocity:projects';

export function storedSessions(): ProjectSession[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as ProjectSession[];
  } catch {
    return [];
  }
}

export function storeSession(session: ProjectSession): void {
  const others = storedSessions().filter((s) => s.projectId !== session.projectId);
  localStorage.setItem(KEY, JSON.stringify([session, ...others]));
}

export function forgetSession(projectId: string): void {
  localStorage.setItem(KEY, JSON.stringify(storedSessions().filter((s) => s.projectId !== projectId)));
}

export function sessionFor(projectId: string): ProjectSession | null {
  return storedSessions().find((s) => s.projectId === projectId) ?? null;
}

/** The link someone else opens; they also need a token (theirs, or this one). */
export function shareLink(projectId: string): string {
  return `${location.origin}${location.pathname}#/p/${projectId}`;
}

export function projectIdFromHash(hash: string = location.hash): string | null {
  const match = /^#\/p\/([0-9a-zA-Z-]+)/.exec(hash);
  return match ? match[1] : null;
}
