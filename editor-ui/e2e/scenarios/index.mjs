// Every end-to-end scenario, in the order run.mjs runs them. The names are what `node e2e/run.mjs <fragment>`
// matches, and what a report of a failure quotes: keep them (and their numbers) stable.
import { rapidTypingWithCtrlS } from './typing.mjs';
import { twoContextsMergeAndConflict } from './merge.mjs';
import { offlineReloadThenSync, serverUnreachableWhileBrowserOnline } from './offline.mjs';
import { historyViewDiffRestore } from './history.mjs';
import { liveUpdateFromSecondContext } from './live.mjs';
import { fileTreeAndTimeline } from './tree.mjs';
import { failedSaveShowsReasonAndRetries } from './saveFailure.mjs';
import { openingALongHistoryCostsKilobytes } from './openCost.mjs';
import { deletedFilesArePaged } from './deletedPaging.mjs';
import { undoAfterProgramChangesIsExact } from './undoExact.mjs';
import { unresolvedConflictsAreNotSavedUnasked } from './conflictMarkers.mjs';
import { thePageIsLightAndTheTreeComesFirst } from './pageWeight.mjs';

export const scenarios = [
  ['1 rapid typing with Ctrl+S loses nothing', rapidTypingWithCtrlS],
  ['2 two contexts: merge, and conflict view choices', twoContextsMergeAndConflict],
  ['3 offline edits survive a reload and sync on reconnect', offlineReloadThenSync],
  ['4 history: view, diff and restore', historyViewDiffRestore],
  ['5 live update from a second context', liveUpdateFromSecondContext],
  ['6 file tree: rename, delete, undelete; timeline', fileTreeAndTimeline],
  ['7 a refused save says why and Retry saves it', failedSaveShowsReasonAndRetries],
  ['8 the server is unreachable while the browser says online', serverUnreachableWhileBrowserOnline],
  ['9 opening a long history downloads kilobytes', openingALongHistoryCostsKilobytes],
  ['10 deleted files come a page at a time', deletedFilesArePaged],
  ['11 undo after a restore, a remote change or a conflict choice is exact', undoAfterProgramChangesIsExact],
  ['12 conflict markers are not saved unasked', unresolvedConflictsAreNotSavedUnasked],
  ['13 a first visit is under 1 MB, a reload downloads no script, the tree comes before the editor', thePageIsLightAndTheTreeComesFirst],
];
