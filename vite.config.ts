import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { chunkGroups, phoneChunks, type ChunkGroup, type ManifestChunk } from './scripts/phoneBundle';

/** The app shell the service worker stores at install: the page, and every chunk a phone can download with its CSS. */
export function phoneShell(manifest: Record<string, ManifestChunk>): string[] {
  const files = new Set<string>(['/', '/favicon.svg']);
  for (const key of phoneChunks(manifest)) {
    files.add('/' + manifest[key].file);
    for (const css of manifest[key].css ?? []) files.add('/' + css);
  }
  return [...files];
}

/** Writes the precache list and a build version into dist/sw.js, then .br and .gz beside every text file. */
function shellAndCompression(): Plugin {
  let outDir = 'dist';
  return {
    name: 'svv-shell-and-compression',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const swFile = path.join(outDir, 'sw.js');
      const manifestFile = path.join(outDir, '.vite', 'manifest.json');
      let sw: string | null = null;
      try {
        sw = readFileSync(swFile, 'utf8');
      } catch {
        // no service worker in this build
      }
      if (sw !== null) {
        const shell = phoneShell(JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>);
        // the page is not hashed: its content goes into the version, so a new page is a new cache
        const version = createHash('sha256')
          .update(shell.join('\n'))
          .update(readFileSync(path.join(outDir, 'index.html')))
          .digest('hex')
          .slice(0, 12);
        sw = sw.replace("'__SHELL_VERSION__'", JSON.stringify(version)).replace('[/*__SHELL_FILES__*/]', JSON.stringify(shell));
        writeFileSync(swFile, sw);
      }
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : walk(full);
          return [full];
        });
      for (const file of walk(outDir)) {
        if (!/\.(html|js|mjs|css|json|webmanifest|svg|txt)$/.test(file) || statSync(file).size < 512) continue;
        const content = readFileSync(file);
        writeFileSync(file + '.br', brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(file + '.gz', gzipSync(content, { level: 9 }));
      }
    },
  };
}

const alias = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  '@common': fileURLToPath(new URL('./common', import.meta.url)),
};

/** The join form as static HTML (src/app/prerender.tsx) for the server to put in /j/CODE pages. */
function prerenderJoin(): Plugin {
  let outDir = 'dist';
  let root = '.';
  return {
    name: 'svv-prerender-join',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // a throwaway module server: the app's own components, rendered once with Node
      const server = await createServer({
        configFile: false,
        root,
        logLevel: 'error',
        plugins: [react()],
        resolve: { alias },
        server: { middlewareMode: true, hmr: false, ws: false },
        appType: 'custom',
      });
      try {
        const render = async (lang: 'sv' | 'en') => {
          // the language store reads this device's saved choice when its module loads
          Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: { getItem: () => lang, setItem: () => undefined } });
          server.moduleGraph.invalidateAll();
          return (await server.ssrLoadModule('/src/app/prerender.tsx')) as typeof import('./src/app/prerender');
        };
        const sv = await render('sv');
        const page = { id: sv.PRERENDERED_ID, script: sv.PRERENDER_SCRIPT, sv: await sv.renderJoinPage(), en: await (await render('en')).renderJoinPage() };
        // beside the manifest: build metadata the server reads, never served as a file
        writeFileSync(path.join(outDir, '.vite', 'prerendered-join.json'), JSON.stringify(page));
      } finally {
        Reflect.deleteProperty(globalThis, 'localStorage');
        await server.close();
      }
    },
  };
}

/** The join pages', the phone's and the meeting's shared code, one chunk each (scripts/phoneBundle.ts). */
function phoneChunking(): Plugin {
  let groups = new Map<string, ChunkGroup>();
  let root = '.';
  return {
    name: 'svv-phone-chunks',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: (['join', 'meeting', 'phone'] as const).map((name) => ({
                name,
                test: (id: string) => groups.get(id) === name,
                // the groups are decided from the whole graph: each module's imports are placed by their own users
                includeDependenciesRecursively: false,
              })),
            },
          },
        },
      },
    }),
    configResolved(config) {
      root = config.root;
    },
    buildEnd() {
      groups = chunkGroups({ ids: () => this.getModuleIds(), info: (id) => this.getModuleInfo(id) }, root);
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), phoneChunking(), shellAndCompression(), prerenderJoin()],
  resolve: {
    alias: {
      ...alias,
      // yjs prints its rare warnings through lib0/logging, whose browser build brings lib0's DOM
      // console and lib0/schema (≈ 2 KB gzipped on every phone); lib0's isomorphic logger
      // prints the same lines to the console without them
      'lib0/logging': fileURLToPath(new URL('./node_modules/lib0/logging.node.js', import.meta.url)),
      // yjs's own modules instead of its one-file bundle, in the build only: its undo manager (≈ 1.2 KB
      // gzipped) then goes with the facilitator's undo instead of into every phone's meeting chunk
      // (scripts/phoneBundle.ts). Every y-* package in the bundle resolves the same copy; tests and
      // the relay keep the package's bundle.
      ...(command === 'build' ? { yjs: fileURLToPath(new URL('./node_modules/yjs/src/index.js', import.meta.url)) } : {}),
    },
  },
  build: {
    outDir: 'dist',
    // phones must never download board / drag-and-drop / export code: every view is a lazy chunk
    sourcemap: false,
    manifest: true,
  },
}));
