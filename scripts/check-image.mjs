// Runs the Dockerfile's stages as plain processes, for machines without a Docker daemon: each stage
// gets its own directory standing for its filesystem, its COPY, WORKDIR, ENV and RUN lines are
// carried out there (absolute paths such as /app and /data land inside that directory), and the
// runtime stage's CMD is started and asked for /healthz with the HEALTHCHECK's own command, then
// `npm start` is run on the same install without devDependencies. Bounded; stops what it starts.
//
//   npm run check:image            (KEEP=1 keeps the directories; npm_config_prefer_offline=true uses npm's cache first)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'svv-image-'));
const deadline = setTimeout(() => fail('took longer than 15 minutes'), 15 * 60_000);
const children = new Set();

function fail(message) {
  process.stderr.write(`check-image: ${message}\n`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}
const say = (line) => process.stdout.write(`check-image: ${line}\n`);

/** Dockerfile instructions, continuation lines joined; comments dropped. */
function instructions(text) {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, op, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
      return { op: op.toUpperCase(), rest };
    });
}

const stages = new Map();
let stage = null;
for (const { op, rest } of instructions(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))) {
  if (op === 'FROM') {
    const name = /\bAS\s+(\w+)/i.exec(rest)?.[1] ?? `stage${stages.size}`;
    stage = { name, dir: path.join(work, name), workdir: '/', env: {}, healthcheck: null, cmd: null, user: null, volumes: [] };
    mkdirSync(stage.dir, { recursive: true });
    stages.set(name, stage);
    say(`stage ${name} (${rest.split(/\s/)[0]})`);
    continue;
  }
  if (!stage) fail(`${op} before FROM`);
  // an absolute path of the image, inside this stage's directory
  const inStage = (p, s = stage) => path.join(s.dir, path.posix.isAbsolute(p) ? p : path.posix.join(s.workdir, p));
  const rooted = (text) => text.replace(/(^|[\s=])(\/(?:app|data)\b)/g, (_, before, p) => before + path.join(stage.dir, p));
  switch (op) {
    case 'WORKDIR':
      stage.workdir = rest;
      mkdirSync(inStage(rest), { recursive: true });
      break;
    case 'ENV':
      for (const [, key, value] of rest.matchAll(/(\w+)=(\S+)/g)) stage.env[key] = rooted(value);
      break;
    case 'COPY': {
      const from = /--from=(\w+)/.exec(rest)?.[1];
      const parts = rest.replace(/--\w+=\S+\s*/g, '').split(/\s+/);
      const dest = parts.pop();
      for (const source of parts) {
        const src = from ? inStage(source, stages.get(from)) : path.join(root, source);
        if (!existsSync(src)) fail(`COPY ${source}: not found`);
        const target = dest.endsWith('/') ? path.join(inStage(dest), path.basename(source)) : inStage(dest);
        cpSync(src, target, { recursive: true });
      }
      break;
    }
    case 'RUN': {
      // the image's own user does not exist here (ownership is Docker's business), and the image's
      // npm cache is this machine's: neither is touched, the rest runs
      const command = rooted(rest)
        .replace(/chown\s+\S+\s+\S+/g, 'true')
        .replace(/npm cache clean --force/g, 'true');
      say(`RUN ${rest}`);
      const started = Date.now();
      const run = spawnSync('sh', ['-c', command], {
        cwd: inStage('.'),
        env: { ...process.env, ...stage.env, npm_config_loglevel: 'error' },
        stdio: 'inherit',
        timeout: 10 * 60_000,
      });
      if (run.status !== 0) fail(`RUN ${rest} exited with ${run.status}`);
      say(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      break;
    }
    case 'HEALTHCHECK':
      stage.healthcheck = JSON.parse(/CMD\s+(\[.*\])\s*$/.exec(rest)?.[1] ?? 'null');
      break;
    case 'CMD':
      stage.cmd = JSON.parse(rest);
      break;
    case 'USER':
      stage.user = rest;
      break;
    case 'VOLUME':
      stage.volumes = JSON.parse(rest);
      break;
    case 'EXPOSE':
      break;
    default:
      fail(`unknown instruction ${op}`);
  }
}

const runtime = [...stages.values()].pop();
if (!runtime.cmd || !runtime.healthcheck) fail('the last stage needs CMD and HEALTHCHECK');
if (!runtime.user || runtime.user === 'root') fail('the runtime stage must switch to an unprivileged USER');
if (!runtime.env.DATA_DIR || !runtime.volumes.some((volume) => path.join(runtime.dir, volume) === runtime.env.DATA_DIR)) {
  fail('DATA_DIR must be a VOLUME');
}
const app = path.join(runtime.dir, runtime.workdir);
if (existsSync(path.join(app, 'node_modules', 'vite'))) fail('the runtime stage has devDependencies (vite)');
if (!existsSync(path.join(app, 'dist', 'index.html'))) fail('the runtime stage has no built client');

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a command in the runtime's app directory, waits for the HEALTHCHECK to pass, checks, stops. */
async function serve(label, command, extraEnv = {}) {
  const port = await freePort();
  const env = { ...process.env, ...runtime.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1' };
  delete env.NODE_OPTIONS;
  const child = spawn(command[0], command.slice(1), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const started = Date.now();
  for (;;) {
    // async: this process keeps reading the server's output meanwhile
    const check = await new Promise((resolve) => {
      const probe = spawn(runtime.healthcheck[0], runtime.healthcheck.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      probe.stderr.on('data', (c) => (err += c));
      const timer = setTimeout(() => probe.kill('SIGKILL'), 20_000);
      probe.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ status: code, detail: `${signal ?? ''} ${err}`.trim() });
      });
    });
    if (check.status === 0) break;
    if (child.exitCode !== null || Date.now() - started > 120_000) fail(`${label}: never healthy (${check.status} ${check.detail})\n${output}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const page = await fetch(`http://127.0.0.1:${port}/`);
  if (page.status !== 200 || !(await page.text()).includes('<div id="root"')) fail(`${label}: the client page is not served`);
  const created = await fetch(`http://127.0.0.1:${port}/api/meetings`, { method: 'POST', body: '{"title":"Avbild"}' });
  if (created.status !== 201) fail(`${label}: creating a meeting answered ${created.status}\n${output}`);
  child.kill('SIGTERM');
  const code = await exited;
  children.delete(child);
  // npm passes the signal on and reports it as its own exit; the server itself must exit 0
  if (code !== 0 && !label.startsWith('npm')) fail(`${label}: exited with ${code} on SIGTERM\n${output}`);
  say(`${label}: healthy in ${((Date.now() - started) / 1000).toFixed(1)} s, page and API answer, stops cleanly on SIGTERM`);
}

await serve(`CMD ${runtime.cmd.join(' ')}`, runtime.cmd);
// `npm start` on this install without devDependencies serves the build made beforehand
cpSync(path.join(root, 'scripts'), path.join(app, 'scripts'), { recursive: true });
await serve('npm start (no devDependencies)', ['npm', 'start', '--silent'], { DATA_DIR: path.join(runtime.dir, 'data-npm') });

clearTimeout(deadline);
if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
else say(`kept ${work}`);
say('ok');
