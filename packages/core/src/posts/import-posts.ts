/**
 * Bulk scheduling from CSV. Every row goes through `createPost` itself — same references check, same
 * past-time check, same network limits, same state machine — inside one transaction, each row in its
 * own savepoint so one bad row does not hide the next one's problems. A dry run, or a file with any
 * bad row, rolls the whole transaction back: nothing is saved unless every row is good.
 */
import type { Tx } from '@plume/db/client';
import type { FieldError } from '@plume/errors/app-error';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { PostActor } from './approval-settings.ts';
import { columnPath, parseImportCsv, type ParsedRow } from './import-csv.ts';
import { createPostIn, normalizeContent, type PostDeps } from './manage-posts.ts';
import { checkPublishable, throwIfInvalid } from './post-context.ts';
import type { CreatePostInput } from '@plume/contract/posts/post-input';

export type ImportRowReport = { row: number; line: number; ok: boolean; errors: FieldError[]; postId?: string };
export type ImportReport = { dryRun: boolean; ok: boolean; rows: ImportRowReport[]; postIds: string[] };

type ImportCommand = { workspaceId: string; zone: string; actor: PostActor; csv: string; dryRun: boolean };

/** Thrown to roll the transaction back once the report is complete. */
class RollBack extends Error {}

function rowErrorsOf(error: AppError): FieldError[] {
  if (error.errors !== undefined && error.errors.length > 0) {
    return error.errors.map((item) => ({ path: columnPath(item.path), message: item.message }));
  }
  return [{ path: 'row', message: error.detail ?? error.message }];
}

/**
 * A draft row is not checked against the networks by `createPost`; an import is for posts meant to
 * go out, so its limits are checked anyway and a problem shows now rather than at submit time.
 */
async function checkDraftLimits(deps: PostDeps, tx: Tx, workspaceId: string, post: CreatePostInput): Promise<void> {
  if (post.submit || post.targets.length === 0) return;
  const targets = post.targets.map((target) => ({
    accountId: target.accountId,
    override: target.override,
    settings: target.settings,
  }));
  throwIfInvalid(
    await checkPublishable({ db: tx, runtime: deps.runtime }, workspaceId, normalizeContent(post.content), targets),
  );
}

async function runRow(deps: PostDeps, tx: Tx, command: ImportCommand, row: ParsedRow): Promise<ImportRowReport> {
  const base = { row: row.row, line: row.line };
  const { post } = row;
  if (post === null) return { ...base, ok: false, errors: row.errors };
  try {
    const postId = await tx.transaction(async (savepoint) => {
      const id = await createPostIn(deps, savepoint, { workspaceId: command.workspaceId, actor: command.actor, post });
      await checkDraftLimits(deps, savepoint, command.workspaceId, post);
      return id;
    });
    return { ...base, ok: true, errors: [], postId };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ...base, ok: false, errors: rowErrorsOf(error) };
  }
}

function auditActor(actor: PostActor): AuditActor {
  return { type: actor.kind, id: actor.userId, name: actor.name };
}

/**
 * Validates every row and, unless `dryRun`, creates all the posts. The report has one entry per
 * row; `postIds` is filled only when the posts were saved.
 */
export async function importPosts(deps: PostDeps, command: ImportCommand): Promise<ImportReport> {
  const parsed = parseImportCsv(command.csv, command.zone);
  const rows: ImportRowReport[] = [];
  try {
    await deps.db.transaction(async (tx) => {
      for (const row of parsed) rows.push(await runRow(deps, tx, command, row));
      if (command.dryRun || rows.some((row) => !row.ok)) throw new RollBack();
      const postIds = rows.flatMap((row) => (row.postId === undefined ? [] : [row.postId]));
      await recordAudit(tx, command.workspaceId, auditActor(command.actor), 'post.imported', 'post', null, {
        rows: rows.length,
        posts: postIds.length,
      });
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    // Rolled back: no row's post exists, so none may be reported as created.
    const report = rows.map(({ postId: _dropped, ...row }) => row);
    return { dryRun: command.dryRun, ok: report.every((row) => row.ok), rows: report, postIds: [] };
  }
  return {
    dryRun: false,
    ok: true,
    rows,
    postIds: rows.flatMap((row) => (row.postId === undefined ? [] : [row.postId])),
  };
}
