import type { languages } from 'monaco-editor/editor/editor.api';

/** A language's colouring rules and editing settings (brackets, comments), as Monaco's definitions export them. */
export interface LanguageDefinition {
  conf: languages.LanguageConfiguration;
  language: languages.IMonarchLanguage;
}

/** A language the editor colours: how files are recognised, its name, and where its rules load from. */
export interface Language {
  id: string;
  extensions: string[];
  filenames?: string[];
  /** The first is the name a person knows it by ("JavaScript"). */
  aliases: string[];
  load(): Promise<LanguageDefinition>;
}

/**
 * The languages the editor knows, written without Monaco so that the tree, the tabs and the status bar (and the
 * file type a new file is saved with) need no editor code: Monaco loads after the tree is shown. Extensions, file
 * names and names are Monaco's own (`languages.test.ts` compares them with its definitions); each language's rules
 * are a chunk of their own, loaded when a file in that language is first shown.
 */
export const LANGUAGES: readonly Language[] = [
  { id: 'css', extensions: ['.css'], aliases: ['CSS', 'css'], load: () => import('monaco-editor/languages/definitions/css/css') },
  {
    id: 'dockerfile',
    extensions: ['.dockerfile'],
    filenames: ['Dockerfile'],
    aliases: ['Dockerfile'],
    load: () => import('monaco-editor/languages/definitions/dockerfile/dockerfile'),
  },
  { id: 'go', extensions: ['.go'], aliases: ['Go'], load: () => import('monaco-editor/languages/definitions/go/go') },
  {
    id: 'html',
    extensions: ['.html', '.htm', '.shtml', '.xhtml', '.mdoc', '.jsp', '.asp', '.aspx', '.jshtm'],
    aliases: ['HTML', 'htm', 'html', 'xhtml'],
    load: () => import('monaco-editor/languages/definitions/html/html'),
  },
  {
    id: 'ini',
    extensions: ['.ini', '.properties', '.gitconfig'],
    filenames: ['config', '.gitattributes', '.gitconfig', '.editorconfig'],
    aliases: ['Ini', 'ini'],
    load: () => import('monaco-editor/languages/definitions/ini/ini'),
  },
  { id: 'java', extensions: ['.java', '.jav'], aliases: ['Java', 'java'], load: () => import('monaco-editor/languages/definitions/java/java') },
  {
    id: 'javascript',
    extensions: ['.js', '.es6', '.jsx', '.mjs', '.cjs'],
    filenames: ['jakefile'],
    aliases: ['JavaScript', 'javascript', 'js'],
    load: () => import('monaco-editor/languages/definitions/javascript/javascript'),
  },
  // JSON gets the JavaScript colouring: its full language service would add a worker of its own.
  { id: 'json', extensions: ['.json', '.jsonc'], aliases: ['JSON'], load: () => import('monaco-editor/languages/definitions/javascript/javascript') },
  { id: 'kotlin', extensions: ['.kt', '.kts'], aliases: ['Kotlin', 'kotlin'], load: () => import('monaco-editor/languages/definitions/kotlin/kotlin') },
  {
    id: 'markdown',
    extensions: ['.md', '.markdown', '.mdown', '.mkdn', '.mkd', '.mdwn', '.mdtxt', '.mdtext'],
    aliases: ['Markdown', 'markdown'],
    load: () => import('monaco-editor/languages/definitions/markdown/markdown'),
  },
  {
    id: 'python',
    extensions: ['.py', '.rpy', '.pyw', '.cpy', '.gyp', '.gypi'],
    aliases: ['Python', 'py'],
    load: () => import('monaco-editor/languages/definitions/python/python'),
  },
  { id: 'rust', extensions: ['.rs', '.rlib'], aliases: ['Rust', 'rust'], load: () => import('monaco-editor/languages/definitions/rust/rust') },
  { id: 'shell', extensions: ['.sh', '.bash'], aliases: ['Shell', 'sh'], load: () => import('monaco-editor/languages/definitions/shell/shell') },
  { id: 'sql', extensions: ['.sql'], aliases: ['SQL'], load: () => import('monaco-editor/languages/definitions/sql/sql') },
  {
    id: 'typescript',
    extensions: ['.ts', '.tsx', '.cts', '.mts'],
    aliases: ['TypeScript', 'ts', 'typescript'],
    load: () => import('monaco-editor/languages/definitions/typescript/typescript'),
  },
  {
    id: 'xml',
    extensions: ['.xml', '.xsd', '.dtd', '.ascx', '.csproj', '.config', '.props', '.targets', '.wxi', '.wxl', '.wxs', '.xaml', '.svg', '.svgz', '.opf', '.xslt', '.xsl'],
    aliases: ['XML', 'xml'],
    load: () => import('monaco-editor/languages/definitions/xml/xml'),
  },
  { id: 'yaml', extensions: ['.yaml', '.yml'], aliases: ['YAML', 'yaml', 'YML', 'yml'], load: () => import('monaco-editor/languages/definitions/yaml/yaml') },
];

const PLAIN_TEXT = { id: 'plaintext', name: 'Plain Text' };

/** The language for a path, from its file name or else its longest matching extension; plain text when unknown. */
export function languageFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const byName = LANGUAGES.find((language) => language.filenames?.some((f) => f.toLowerCase() === name));
  if (byName) return byName.id;
  let best = '';
  let id = PLAIN_TEXT.id;
  for (const language of LANGUAGES) {
    for (const ext of language.extensions) {
      const lower = ext.toLowerCase();
      if (name.endsWith(lower) && lower.length > best.length) {
        best = lower;
        id = language.id;
      }
    }
  }
  return id;
}

/** The name a person knows the language by ("JavaScript"). */
export function languageName(id: string): string {
  if (id === PLAIN_TEXT.id) return PLAIN_TEXT.name;
  return LANGUAGES.find((language) => language.id === id)?.aliases[0] ?? id;
}
