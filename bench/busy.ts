// A busy machine on purpose, the same for every run that asks for it: BUSY=n starts n processes
// spinning on every core (not inheriting the caller's pinning; the scheduler spreads them), killed
// when the caller exits and after 30 minutes at the latest.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';

export async function busyMachine(count: number): Promise<void> {
  if (count <= 0) return;
  const spinners = Array.from({ length: count }, () =>
    spawn('taskset', ['-c', `0-${cpus().length - 1}`, process.execPath, '-e', 'setTimeout(() => process.exit(0), 30 * 60_000); for (;;) { for (let i = 0; i < 1e7; i++); }'], { stdio: 'ignore' }),
  );
  process.on('exit', () => spinners.forEach((p) => p.kill('SIGKILL')));
  await new Promise((r) => setTimeout(r, 1000));
}
