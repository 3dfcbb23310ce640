/** The bounds of competitor reading (docs/analytics.md "Competitors"). */

/** Most competitors one workspace may watch: each costs reads every day. */
export const MAX_COMPETITORS_PER_WORKSPACE = 10;
/** How far back the first reading goes. */
export const FIRST_READ_DAYS = 90;
/** Later readings re-read this window, so the counts of recent posts stay current. */
export const DAILY_READ_DAYS = 30;
/** Posts older than this are dropped. */
export const KEEP_DAYS = 180;
/** Hours between two daily readings of one competitor. */
export const READ_EVERY_HOURS = 24;
/** After a temporary failure, the reading is tried again this much later. */
export const RETRY_AFTER_FAILURE_MINUTES = 60;
/** The job that reads one competitor (on add, refresh, and when due). */
export const FETCH_COMPETITOR_JOB = 'fetch_competitor';
