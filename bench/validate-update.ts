// What checking every update costs on the relay's hot path: checkUpdate for a one-field edit, a
// new post-it and a whole 3000-note document (a reconnecting client's sync), against what the
// alternative, applying each update to a scratch copy of the document first, would cost per update.
//
//   npx tsx bench/validate-update.ts [rounds=2000]
import * as Y from 'yjs';
import { checkUpdate } from '../server/relay/validateUpdate';

const rounds = Number(process.argv[2] ?? 2000);

function time(fn: () => void, n: number): number {
  for (let i = 0; i < Math.min(n, 50); i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - t0) / n) * 1000;
}

const big = new Y.Doc();
for (let i = 0; i < 3000; i++) {
  const note = new Y.Map<unknown>();
  big.getMap('notes').set(`note${i}`, note);
  note.set('text', `Lapp nummer ${i} om utskrivningsprocessen`);
  note.set('clusterId', `c${i % 12}`);
  note.set('order', `a${i}`);
}
const updates: Record<string, Uint8Array> = {};
big.once('update', (u: Uint8Array) => (updates['one field'] = u));
(big.getMap('notes').get('note1') as Y.Map<unknown>).set('clusterId', 'c3');
big.once('update', (u: Uint8Array) => (updates['new post-it'] = u));
big.transact(() => {
  const note = new Y.Map<unknown>();
  big.getMap('notes').set('fresh', note);
  note.set('text', 'En ny lapp');
  note.set('color', 'yellow');
});
updates['whole doc, 3000 notes'] = Y.encodeStateAsUpdate(big);

console.log(`validate-update: µs per update, mean of ${rounds} rounds`);
for (const [name, update] of Object.entries(updates)) {
  const n = name.startsWith('whole') ? Math.max(10, Math.floor(rounds / 100)) : rounds;
  const check = time(() => checkUpdate(update), n);
  console.log(`  ${name.padEnd(24)} ${String(update.byteLength).padStart(7)} B   check ${check.toFixed(1)} µs`);
}
const whole = updates['whole doc, 3000 notes'];
const copy = time(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(big)), Math.max(10, Math.floor(rounds / 100)));
console.log(`  a scratch copy of the 3000-note doc (${whole.byteLength} B), per update: ${(copy / 1000).toFixed(1)} ms`);
console.log(`  reproduce: npx tsx bench/validate-update.ts ${rounds}`);
