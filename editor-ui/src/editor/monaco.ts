/**
 * A slim Monaco: the editor API, the diff editor, the usual editing contributions and only the languages of
 * `languages.ts`. Everything is bundled; nothing loads from a CDN. The page gets it through `loadMonaco()`, and
 * only the views over the editor (history, conflict), themselves loaded on demand, import it: so Monaco stays out of
 * the chunk that shows the tree.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

import 'monaco-css/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-css/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/browser/widget/diffEditor/diffEditor.contribution';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess';

import { LANGUAGES, type LanguageDefinition } from './languages';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

// Each language's rules load with the first file in it, as Monaco's own registrations do it.
for (const language of LANGUAGES) {
  const { id, extensions, filenames, aliases } = language;
  let definition: Promise<LanguageDefinition> | null = null;
  const load = () => (definition ??= language.load());
  monaco.languages.register({ id, extensions, filenames, aliases });
  monaco.languages.registerTokensProviderFactory(id, { create: async () => (await load()).language });
  monaco.languages.onLanguageEncountered(id, async () => monaco.languages.setLanguageConfiguration(id, (await load()).conf));
}

export { monaco };

monaco.editor.setTheme('vs-dark');
