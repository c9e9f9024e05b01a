import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { compression } from 'vite-plugin-compression2';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Emits sw.js with the list of every built file, so the service worker can keep the whole page
 * (Monaco's lazy chunks and worker included) for offline reloads.
 */
function serviceWorker(): Plugin {
  return {
    name: 'velocity-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((file) => !PRECOMPRESSED.test(file))
        .map((file) => '/' + file);
      const version = assets.filter((a) => a.startsWith('/assets/')).sort().join('|');
      const template = readFileSync(fileURLToPath(new URL('./src/sw.template.js', import.meta.url)), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__ASSETS__', JSON.stringify(['/', ...assets.filter((a) => a !== '/index.html')]))
          .replace('__VERSION__', JSON.stringify(hash(version))),
      });
    },
  };
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** The copies the server sends to a browser that accepts them, instead of the file itself. */
const PRECOMPRESSED = /\.(gz|br)$/;

export default defineConfig({
  plugins: [
    serviceWorker(),
    // Brotli and gzip copies next to every text file (and the icon font), at the highest levels: the server sends
    // them as they are (the launcher's resource chain, nginx's gzip_static), so compressing costs nothing per request.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(html|css|js|json|svg|ttf)$/,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  resolve: {
    alias: {
      // Monaco's stylesheets are not in its package exports.
      'monaco-css': fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url)),
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/actuator': 'http://localhost:8080' },
  },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  test: {
    include: ['test/**/*.test.ts'],
  },
});
