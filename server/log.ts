// One-line JSON-ish logs. Never pass keys or URLs with query strings in here.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: 'silent' | 'info' | 'debug'): Logger {
  const write = (stream: NodeJS.WriteStream, message: string, fields?: Record<string, unknown>) => {
    const extra = fields && Object.keys(fields).length > 0 ? ' ' + JSON.stringify(fields) : '';
    stream.write(`${new Date().toISOString()} ${message}${extra}\n`);
  };
  return {
    info: (m, f) => level !== 'silent' && write(process.stdout, m, f),
    debug: (m, f) => level === 'debug' && write(process.stdout, m, f),
    error: (m, f) => level !== 'silent' && write(process.stderr, m, f),
  };
}

/** The first characters of an id: enough to follow a meeting in logs, useless as a credential. */
export const idPrefix = (id: string) => id.slice(0, 6);
