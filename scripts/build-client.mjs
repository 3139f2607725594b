// `npm start`, first step: builds the client when the build tool is installed (a clone after
// `npm install`: the build always matches the code), and otherwise serves the dist/ built beforehand
// (an install without devDependencies: `npm ci --omit=dev`, as in the container image).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const distDir = path.resolve(root, process.env.DIST_DIR?.trim() || 'dist');

if (existsSync(vite)) {
  const build = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
if (!existsSync(path.join(distDir, 'index.html'))) {
  process.stderr.write(
    `No client build in ${distDir}, and the build tool (vite, a devDependency) is not installed.\n` +
      'Build it where devDependencies are installed ("npm ci && npm run build") and copy dist/ here, or run "npm install" first.\n',
  );
  process.exit(1);
}
process.stdout.write(`Serving the client built beforehand in ${distDir}\n`);
