// The app page as the server assembles it from the build: preload links for the route it opens,
// on /j/CODE the join form prerendered at build time with its styles inlined, and the content
// security policy with the hashes of the inline scripts the server itself wrote. File serving,
// compression and caching are static.ts's.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isId, normaliseJoinCode } from '../../common/docNames';

/** The page's policy; `scriptHashes` allows the inline scripts the server itself wrote, by hash. */
export function contentSecurityPolicy(scriptHashes: string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
    // React writes style attributes (e.g. widths); no external stylesheet is allowed
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The files a route's chunk needs, in load order: its own and its static imports' scripts and styles. */
export function routeFiles(manifest: Record<string, ManifestChunk>, key: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (k: string) => {
    const chunk = manifest[k];
    // the entry is already in the page
    if (!chunk || seen.has(k) || chunk.isEntry) return;
    seen.add(k);
    for (const next of chunk.imports ?? []) visit(next);
    scripts.push(chunk.file);
    for (const css of chunk.css ?? []) if (!styles.includes(css)) styles.push(css);
  };
  visit(key);
  return { scripts, styles };
}

export type PageVariant = { route: 'join'; code: string } | { route: 'phone' } | { route: 'other' };

/** Which route the page opens: /j/CODE and /m/<id>/p get their chunks preloaded. */
export function pageVariant(pathname: string): PageVariant {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'j' && parts.length === 2) {
    let raw = parts[1];
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // left as typed: it will not normalise
    }
    const code = normaliseJoinCode(raw);
    return code ? { route: 'join', code } : { route: 'other' };
  }
  if (parts[0] === 'm' && parts.length === 3 && parts[2] === 'p' && isId(parts[1])) return { route: 'phone' };
  return { route: 'other' };
}

const ROUTE_MODULES = { join: 'src/app/JoinRoute.tsx', phone: 'src/app/PhoneRoute.tsx' } as const;

function preloadTags(manifest: Record<string, ManifestChunk> | null, variant: PageVariant, html: string): string {
  if (variant.route === 'other') return '';
  const tags: string[] = [];
  if (manifest) {
    const { scripts, styles } = routeFiles(manifest, ROUTE_MODULES[variant.route]);
    // what the page already links (the entry's own imports) is not repeated
    for (const css of styles) if (!html.includes(`"/${css}"`)) tags.push(`<link rel="stylesheet" href="/${css}">`);
    for (const js of scripts) if (!html.includes(`"/${js}"`)) tags.push(`<link rel="modulepreload" href="/${js}">`);
  }
  // the code is normalised to letters and digits, so it is safe inside the attribute
  if (variant.route === 'join') tags.push(`<link rel="preload" as="fetch" crossorigin href="/api/join/${variant.code}">`);
  return tags.join('');
}

/** The join form rendered at build time (src/app/prerender.tsx, written by vite.config.ts). */
interface PrerenderedJoin {
  id: string;
  sv: string;
  en: string;
  script: string;
}

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[\w.-]+\.css)">/g;

/** The page's stylesheets written into it: a slow phone paints the form without another round trip. */
async function inlineStyles(html: string, distDir: string): Promise<string> {
  const styles = new Map<string, string>();
  for (const [, file] of html.matchAll(STYLESHEET_LINK)) {
    const css = await readFile(path.join(distDir, file), 'utf8').catch(() => null);
    // a closing tag inside would end the element early; the built CSS never has one
    if (css !== null && !/<\/style/i.test(css)) styles.set(file, css);
  }
  return html.replace(STYLESHEET_LINK, (link, file: string) => {
    const css = styles.get(file);
    return css === undefined ? link : `<style>${css}</style>`;
  });
}

/**
 * A /j/CODE page carries the join form as HTML after a hidden root, so a slow phone can type
 * before the app's script has arrived; the app takes what was typed over (features/join/prerendered.ts).
 */
function withJoinForm(html: string, join: PrerenderedJoin): { html: string; scriptHash: string } {
  const scriptHash = 'sha256-' + createHash('sha256').update(join.script).digest('base64');
  // the entry is fetched at once but run by the form's script after the form has been painted
  const deferred = html.replace(ENTRY_SCRIPT, (_, src: string) => `<link rel="modulepreload" crossorigin href="${src}" data-entry>`);
  // the preloads follow the form: on a slow link the scripts would otherwise share the bandwidth
  // with the rest of the page, and the form would paint only once they had all arrived
  const preloads: string[] = [];
  const head = deferred.replace(PRELOAD_LINK, (link) => {
    preloads.push(link);
    return '';
  });
  const form = `<div id="${join.id}">${join.sv}<template>${join.en}</template></div>${preloads.join('')}<script>${join.script}</script>`;
  return { html: head.replace('<div id="root"></div>', () => `<div id="root" hidden></div>${form}`), scriptHash };
}

/** A modulepreload or preload link (Vite's and the route's, see preloadTags). */
const PRELOAD_LINK = /<link rel="(?:modulepreload|preload)"[^>]*>\n?/g;
/** Vite's entry script tag in index.html. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="(\/assets\/[\w.-]+\.js)"><\/script>/;

/**
 * The page for a route, from dist/: index.html with the route's preloads and, on /j/CODE, the
 * join form; `policy` is its content security policy.
 */
export async function assemblePage(distDir: string, variant: PageVariant): Promise<{ html: string; policy: string }> {
  const manifest = await readFile(path.join(distDir, '.vite', 'manifest.json'), 'utf8')
    .then((text) => JSON.parse(text) as Record<string, ManifestChunk>)
    .catch(() => null);
  const original = await readFile(path.join(distDir, 'index.html'), 'utf8');
  let html = original.replace('</head>', `${preloadTags(manifest, variant, original)}</head>`);
  const hashes: string[] = [];
  if (variant.route === 'join') {
    const join = await readFile(path.join(distDir, '.vite', 'prerendered-join.json'), 'utf8')
      .then((text) => JSON.parse(text) as PrerenderedJoin)
      .catch(() => null);
    if (join && html.includes('<div id="root"></div>')) {
      const page = withJoinForm(html, join);
      html = await inlineStyles(page.html, distDir);
      hashes.push(page.scriptHash);
    }
  }
  return { html, policy: contentSecurityPolicy(hashes) };
}
