/** Collections: named groups of vault items (an item can be in several; deleting one keeps its items). */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { mediaAssets, mediaCollectionItems, mediaCollections } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';

export type CollectionView = { id: string; name: string; count: number; createdAt: string };

const MAX_COLLECTIONS = 200;

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

function nameTaken(name: string): AppError {
  return AppError.conflict(`There is already a collection named "${name}".`);
}

export async function listCollections(db: Database, workspaceId: string): Promise<CollectionView[]> {
  const rows = await db
    .select({
      id: mediaCollections.id,
      name: mediaCollections.name,
      createdAt: mediaCollections.createdAt,
      count: count(mediaCollectionItems.mediaId),
    })
    .from(mediaCollections)
    .leftJoin(mediaCollectionItems, eq(mediaCollectionItems.collectionId, mediaCollections.id))
    .where(eq(mediaCollections.workspaceId, workspaceId))
    .groupBy(mediaCollections.id)
    .orderBy(asc(mediaCollections.name));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

async function collectionView(db: Database, workspaceId: string, collectionId: string): Promise<CollectionView> {
  const found = (await listCollections(db, workspaceId)).find((collection) => collection.id === collectionId);
  if (found === undefined) throw AppError.notFound('collection');
  return found;
}

export async function createCollection(db: Database, workspaceId: string, name: string): Promise<CollectionView> {
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(mediaCollections)
    .where(eq(mediaCollections.workspaceId, workspaceId));
  if (total >= MAX_COLLECTIONS) throw AppError.conflict(`A workspace has at most ${MAX_COLLECTIONS} collections.`);
  try {
    const [row] = await db.insert(mediaCollections).values({ workspaceId, name }).returning();
    if (row === undefined) throw new Error('collection insert returned no row');
    return { id: row.id, name: row.name, count: 0, createdAt: row.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function renameCollection(
  db: Database,
  workspaceId: string,
  collectionId: string,
  name: string,
): Promise<CollectionView> {
  try {
    const updated = await db
      .update(mediaCollections)
      .set({ name })
      .where(and(eq(mediaCollections.workspaceId, workspaceId), eq(mediaCollections.id, collectionId)))
      .returning({ id: mediaCollections.id });
    if (updated.length === 0) throw AppError.notFound('collection');
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
  return collectionView(db, workspaceId, collectionId);
}

export async function deleteCollection(db: Database, workspaceId: string, collectionId: string): Promise<void> {
  const deleted = await db
    .delete(mediaCollections)
    .where(and(eq(mediaCollections.workspaceId, workspaceId), eq(mediaCollections.id, collectionId)))
    .returning({ id: mediaCollections.id });
  if (deleted.length === 0) throw AppError.notFound('collection');
}

/** Adds items (already there is fine); 404 when the collection or any item is not the workspace's. */
export async function addToCollection(
  db: Database,
  workspaceId: string,
  collectionId: string,
  mediaIds: string[],
): Promise<CollectionView> {
  await collectionView(db, workspaceId, collectionId);
  const ids = [...new Set(mediaIds)];
  const owned = await db
    .select({ id: mediaAssets.id })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.workspaceId, workspaceId), inArray(mediaAssets.id, ids)));
  if (owned.length !== ids.length) throw AppError.notFound('media file');
  await db
    .insert(mediaCollectionItems)
    .values(ids.map((mediaId) => ({ collectionId, mediaId })))
    .onConflictDoNothing();
  return collectionView(db, workspaceId, collectionId);
}

export async function removeFromCollection(
  db: Database,
  workspaceId: string,
  collectionId: string,
  mediaId: string,
): Promise<CollectionView> {
  await collectionView(db, workspaceId, collectionId);
  const removed = await db
    .delete(mediaCollectionItems)
    .where(and(eq(mediaCollectionItems.collectionId, collectionId), eq(mediaCollectionItems.mediaId, mediaId)))
    .returning({ mediaId: mediaCollectionItems.mediaId });
  if (removed.length === 0) throw AppError.notFound('media file in this collection');
  return collectionView(db, workspaceId, collectionId);
}
