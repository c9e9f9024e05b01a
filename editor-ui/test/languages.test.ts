import { describe, expect, it, vi } from 'vitest';
import { LANGUAGES, languageFor, languageName } from '../src/editor/languages';

interface MonacoRegistration {
  id: string;
  extensions?: string[];
  filenames?: string[];
  aliases?: string[];
}

// Monaco's own registrations, caught on their way to Monaco: what each of its language modules says about itself.
const registered = vi.hoisted(() => [] as MonacoRegistration[]);
vi.mock('monaco-editor/languages/definitions/_.contribution', () => ({
  registerLanguage: (registration: MonacoRegistration) => registered.push(registration),
}));

async function monacosOwn(id: string): Promise<MonacoRegistration | undefined> {
  await import(`../node_modules/monaco-editor/esm/vs/languages/definitions/${id}/register.js`);
  return registered.find((r) => r.id === id);
}

describe('the languages the editor knows without Monaco', () => {
  it.each(LANGUAGES.filter((l) => l.id !== 'json').map((l) => [l.id, l] as const))('%s is recognised as Monaco recognises it', async (id, language) => {
    const own = await monacosOwn(id);
    expect(own, `Monaco defines ${id}`).toBeDefined();
    expect(language.extensions).toEqual(own!.extensions);
    expect(language.filenames ?? []).toEqual(own!.filenames ?? []);
    expect(language.aliases).toEqual(own!.aliases);
  });

  it('finds a language by file name, else by the longest extension, else plain text', () => {
    expect(languageFor('docker/Dockerfile')).toBe('dockerfile');
    expect(languageFor('src/App.TSX')).toBe('typescript');
    expect(languageFor('package.json')).toBe('json');
    expect(languageFor('notes.txt')).toBe('plaintext');
    expect(languageFor('LICENSE')).toBe('plaintext');
  });

  it('names a language as a person knows it', () => {
    expect(languageName('javascript')).toBe('JavaScript');
    expect(languageName('plaintext')).toBe('Plain Text');
  });
});
