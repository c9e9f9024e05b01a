import { retryDelay } from './backoff';
import { merge3 } from './merge3';
import type { Base } from './saveTypes';

/** The server's side of a conflict. */
export interface TheirVersion {
  version: number;
  content: string;
  savedBy: string;
  deleted: boolean;
}

/** What the user is shown when the merge overlaps: a starting point to edit, and both sides. */
export interface ConflictChoice {
  mine: string;
  theirs: string;
  theirsLabel: string;
  merged: string;
  conflicts: number;
}

/** What conflict resolution needs of one open file and of the page, with no DOM in it. */
export interface ConflictTarget {
  readonly path: string;
  /** The file's content as the server holds it, at least `minVersion`. */
  fetchContent(minVersion: number): Promise<TheirVersion>;
  /** The text the user sees right now. */
  text(): string;
  /** Puts a text in the editor without it counting as an edit. */
  showText(text: string): void;
  notify(notice: string | null): void;
  /** Marks the queue as waiting for the user's choice (the status shows the conflict). */
  setConflictOpen(open: boolean): void;
  /** Shows the conflict view; resolves with the text the user chose. */
  choose(choice: ConflictChoice): Promise<string>;
  sleep?(ms: number): Promise<void>;
}

/**
 * A save got 409: merges the text with the server's version, or lets the user choose where the changes overlap.
 * Resolves to the server version to rebase on; the save queue then saves the result against it.
 */
export async function resolveConflict(file: ConflictTarget, base: Base, currentVersion: number | null): Promise<Base> {
  // minVersion: the read model may not have caught up with the version that beat our save.
  const theirs = await fetchWithRetry(() => file.fetchContent(currentVersion ?? base.version + 1), file.sleep);
  if (theirs.deleted) throw new Error(`${file.path} was deleted by ${theirs.savedBy}; your text is still here`);
  const theirsBase: Base = { version: theirs.version, content: theirs.content };
  const mine = file.text();
  const merge = merge3(base.content, mine, theirs.content);
  if (merge.clean) {
    file.showText(merge.text);
    file.notify(`Merged your edits with v${theirs.version} by ${theirs.savedBy}.`);
    return theirsBase;
  }
  file.setConflictOpen(true);
  const chosen = await file.choose({
    mine,
    theirs: theirs.content,
    theirsLabel: `${theirs.savedBy} (v${theirs.version})`,
    merged: merge.text,
    conflicts: merge.conflicts,
  });
  // Text typed in the editor while the conflict view was open is not dropped: it merges in.
  const typedMeanwhile = file.text();
  file.showText(typedMeanwhile === mine ? chosen : merge3(mine, typedMeanwhile, chosen).text);
  file.notify(null);
  return theirsBase;
}

/** Retries a read the way saves are retried (overload, a read model still behind), else throws. */
export async function fetchWithRetry<T>(
  fetcher: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetcher();
    } catch (error) {
      const delay = retryDelay(error, attempt);
      if (delay === null) throw error;
      await sleep(delay);
    }
  }
}
