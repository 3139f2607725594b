// `npm run store:copy -- <from> <to>`: moves an installation between stores, each a DATA_DIR path
// or a postgres:// URL (LevelDB → PostgreSQL, and back), into an empty target, then verifies it
// by reading every document's state and the registry back. Stop every relay on both first.
import { copyStore } from './store/copy';
import { redactUrl } from './store/postgres';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: npm run store:copy -- <DATA_DIR path | postgres:// URL> <DATA_DIR path | postgres:// URL>');
  process.exit(2);
}
const shown = (where: string) => (/^postgres(ql)?:/.test(where) ? redactUrl(where) : where);
console.log(`Copying ${shown(from)} → ${shown(to)}`);
copyStore(from, to, (line) => console.log(line)).then(
  ({ meetings, docs }) => console.log(`Done: ${meetings} meetings and ${docs} documents copied and verified.`),
  (err: unknown) => {
    console.error(`store:copy failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
