/**
 * The media studio: the vault (every file a workspace has: uploads, rendered templates, AI results),
 * collections, the brand kit and its fonts, saved template designs, characters with their consented
 * reference images and variations, and generation jobs.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AspectRatio,
  GenerationKind,
  GenerationState,
  LayoutPreset,
  MediaApproval,
  MediaSource,
  TemplateId,
} from '@plume/contract/media/media-enums';
import type { MediaKind } from '@plume/contract/networks/network-enums';
import { users } from './auth.ts';
import { workspaces } from './workspaces.ts';

/**
 * How an AI item or a render was made: kept with the file for its whole life (provenance), shown in
 * the vault, and the reason the networks' AI labels are set.
 */
export type MediaProvenance = {
  /** AI: the provider and model that answered, the prompt as sent and its settings. */
  provider?: string;
  model?: string;
  prompt?: string;
  negativePrompt?: string;
  style?: string;
  aspectRatio?: string;
  seed?: number;
  settings?: Record<string, unknown>;
  /** The ledger row (llm_usage) of the call, and its cost in micro-dollars. */
  usageId?: string;
  costMicros?: number;
  generationId?: string;
  /** Template renders: which template, with which fields, from which design. */
  templateId?: string;
  designId?: string;
  fields?: Record<string, unknown>;
  /** Media this one was made from (slides of a slideshow, the voice-over, a transcode's source). */
  sourceMediaIds?: string[];
};

/** Every media file of a workspace. Files live in the media store (local disk by default) under `storageKey`. */
export const mediaAssets = pgTable(
  'media_assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MediaKind>().notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    durationSec: real('duration_sec'),
    /** Video and audio: the codecs ffprobe found (`h264`, `aac`), for the networks' rules. */
    videoCodec: text('video_codec'),
    audioCodec: text('audio_codec'),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    altText: text('alt_text'),
    aiGenerated: boolean('ai_generated').notNull().default(false),
    source: text('source').$type<MediaSource>().notNull().default('upload'),
    approval: text('approval').$type<MediaApproval>().notNull().default('approved'),
    /** The character an AI item depicts (its look was sent with the request). */
    characterId: uuid('character_id').references(() => characters.id, { onDelete: 'set null' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    provenance: jsonb('provenance').$type<MediaProvenance>(),
    /**
     * What the vault's text search reads (file name, alt text, the AI prompt and the tags, lower-cased),
     * computed by PostgreSQL on every write (`media_search_text()`, hand-written in the vault migration)
     * and indexed with trigrams so `ILIKE '%words%'` stays fast at 100,000 items.
     */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`media_search_text("file_name", "alt_text", "provenance", "tags")`),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('media_assets_workspace_seq_idx').on(table.workspaceId, table.seq),
    index('media_assets_workspace_sha_idx').on(table.workspaceId, table.sha256),
    index('media_assets_character_idx').on(table.characterId),
    // The vault's filtered pages: newest first (seq) within the workspace and one selective filter.
    index('media_assets_workspace_kind_seq_idx').on(table.workspaceId, table.kind, table.seq),
    index('media_assets_workspace_approval_seq_idx').on(table.workspaceId, table.approval, table.seq),
    index('media_assets_workspace_source_seq_idx').on(table.workspaceId, table.source, table.seq),
    index('media_assets_tags_idx').using('gin', table.tags),
    index('media_assets_search_idx').using('gin', table.searchText.op('gin_trgm_ops')),
  ],
);

/** Named groups of vault items (an item can be in several). */
export const mediaCollections = pgTable(
  'media_collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('media_collections_name_idx').on(table.workspaceId, table.name)],
);

export const mediaCollectionItems = pgTable(
  'media_collection_items',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => mediaCollections.id, { onDelete: 'cascade' }),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.collectionId, table.mediaId] }),
    index('media_collection_items_media_idx').on(table.mediaId),
  ],
);

export type BrandColors = { primary: string; secondary: string; accent: string; background: string; text: string };

/** A workspace's brand kit: what every template render uses unless a design overrides it. */
export const brandKits = pgTable('brand_kits', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  logoMediaId: uuid('logo_media_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
  colors: jsonb('colors').$type<BrandColors>().notNull(),
  /** A bundled family name (`Inter`, `Playfair Display`, `Roboto Slab`) or an uploaded font's family. */
  headingFont: text('heading_font').notNull(),
  bodyFont: text('body_font').notNull(),
  layout: text('layout').$type<LayoutPreset>().notNull().default('centered'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Fonts a workspace uploaded (TTF, OTF or WOFF), stored in the media store. */
export const brandFonts = pgTable(
  'brand_fonts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    family: text('family').notNull(),
    weight: integer('weight').notNull().default(400),
    style: text('style').$type<'normal' | 'italic'>().notNull().default('normal'),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('brand_fonts_family_idx').on(table.workspaceId, table.family, table.weight, table.style)],
);

/** A saved template design: a template, its fields and shape; rendering it puts PNGs in the vault. */
export const mediaDesigns = pgTable(
  'media_designs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    templateId: text('template_id').$type<TemplateId>().notNull(),
    aspectRatio: text('aspect_ratio').$type<AspectRatio>().notNull(),
    /** The template's fields (texts, image media ids, slides of a carousel) and brand overrides. */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    /** The last render's vault items, one per slide. */
    renderedMediaIds: jsonb('rendered_media_ids').$type<string[]>().notNull().default([]),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('media_designs_workspace_idx').on(table.workspaceId, table.updatedAt)],
);

/** A character's fixed look: what every generation request for it carries. */
export type CharacterAppearance = {
  age?: string;
  hair?: string;
  eyes?: string;
  skinTone?: string;
  bodyType?: string;
  clothing?: string;
  setting?: string;
  aesthetics?: string;
  /** Free words added to every prompt for this character. */
  extra?: string;
};

/** A character's voice: which speech provider and voice, at what speed. */
export type CharacterVoice = { provider?: string; model?: string; voice: string; speed?: number };

/**
 * A character (seed 004): a consistent look for generated images and video, and a voice. Its reference
 * images are in `character_references`, each with a recorded consent when it shows a real person.
 */
export const characters = pgTable(
  'characters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    appearance: jsonb('appearance').$type<CharacterAppearance>().notNull().default({}),
    /** An image style (IMAGE_STYLES) this character is drawn in. */
    style: text('style'),
    /** Sent as the seed where the provider takes one, so the same prompt gives the same face. */
    seed: bigint('seed', { mode: 'number' }),
    /** How strongly reference images steer a generation (0–1), where the provider supports it. */
    referenceStrength: real('reference_strength').notNull().default(0.6),
    voice: jsonb('voice').$type<CharacterVoice>(),
    previewMediaId: uuid('preview_media_id'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('characters_name_idx').on(table.workspaceId, table.name),
    check('characters_reference_strength', sql`${table.referenceStrength} BETWEEN 0 AND 1`),
  ],
);

/**
 * A character's reference image. One that shows a real person is used only with a consent recorded:
 * who consented, to what, who recorded it and when (product rule: no likeness without consent).
 */
export const characterReferences = pgTable(
  'character_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    characterId: uuid('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'cascade' }),
    depictsRealPerson: boolean('depicts_real_person').notNull(),
    consentGivenBy: text('consent_given_by'),
    consentStatement: text('consent_statement'),
    consentRecordedBy: text('consent_recorded_by').references(() => users.id, { onDelete: 'set null' }),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('character_references_media_idx').on(table.characterId, table.mediaId),
    check(
      'character_references_consent',
      sql`NOT ${table.depictsRealPerson} OR (${table.consentGivenBy} IS NOT NULL AND ${table.consentRecordedAt} IS NOT NULL)`,
    ),
  ],
);

/** Saved variations of a character's look (another outfit, setting or style), each with its preview. */
export const characterVariations = pgTable(
  'character_variations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    characterId: uuid('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    appearance: jsonb('appearance').$type<CharacterAppearance>().notNull().default({}),
    style: text('style'),
    previewMediaId: uuid('preview_media_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('character_variations_name_idx').on(table.characterId, table.name)],
);

/**
 * A generation job (AI images, AI video, speech, or a slideshow assembled with ffmpeg), run by the
 * worker. Its progress and results are what the studio shows while it runs.
 */
export const mediaGenerations = pgTable(
  'media_generations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<GenerationKind>().notNull(),
    state: text('state').$type<GenerationState>().notNull().default('queued'),
    /** 0–1; the studio shows it while the job runs. */
    progress: real('progress').notNull().default(0),
    /** The request as the person made it (prompt, style, shape, count, slides…). */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    characterId: uuid('character_id').references(() => characters.id, { onDelete: 'set null' }),
    variationId: uuid('variation_id').references(() => characterVariations.id, { onDelete: 'set null' }),
    resultMediaIds: jsonb('result_media_ids').$type<string[]>().notNull().default([]),
    provider: text('provider'),
    model: text('model'),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    /** Plain words when it failed (a refusal, the budget, every provider down). */
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('media_generations_workspace_idx').on(table.workspaceId, table.createdAt),
    check('media_generations_progress', sql`${table.progress} BETWEEN 0 AND 1`),
  ],
);
