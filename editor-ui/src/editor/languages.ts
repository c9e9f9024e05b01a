import { monaco } from './monaco';

/** The Monaco language for a path, from its extension or file name; plain text when unknown. */
export function languageFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  for (const language of monaco.languages.getLanguages()) {
    if (language.filenames?.some((f) => f.toLowerCase() === name)) return language.id;
  }
  let best = '';
  let id = 'plaintext';
  for (const language of monaco.languages.getLanguages()) {
    for (const ext of language.extensions ?? []) {
      const lower = ext.toLowerCase();
      if (name.endsWith(lower) && lower.length > best.length) {
        best = lower;
        id = language.id;
      }
    }
  }
  return id;
}
