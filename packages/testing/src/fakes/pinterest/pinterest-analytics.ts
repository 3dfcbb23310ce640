/**
 * Pinterest v5 reads for analytics in the fake: `GET /v5/pins/{id}/analytics` (start_date and
 * end_date required, no more than 90 days back; metrics summed in `all.summary_metrics`, a metric
 * without data left out) and `GET /v5/pins` (the user's Pins, newest first, bookmark pagination).
 * Follows developers.pinterest.com/docs/api/v5 (pins-analytics, pins-list) and the v5 OpenAPI description.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { authorize, pinterestError, type PinterestFakeState } from './pinterest-state.ts';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function pinAnalytics(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'pins:read');
  if (denied !== undefined) return denied;
  const start = request.query.get('start_date') ?? '';
  const end = request.query.get('end_date') ?? '';
  const types = (request.query.get('metric_types') ?? '').split(',').filter(Boolean);
  if (!DATE.test(start) || !DATE.test(end) || types.length === 0) {
    return pinterestError(400, 1, 'start_date, end_date and metric_types are required.');
  }
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  if (Date.parse(start) < today - 90 * DAY_MS || Date.parse(end) > today + DAY_MS || start > end) {
    return pinterestError(400, 1, 'The date range must lie within the last 90 days.');
  }
  const id = request.params['id'] ?? '';
  if (!state.pins.has(id)) return pinterestError(404, 50, 'Pin not found.');
  const stats = state.pinStats.get(id) ?? {};
  const summary = Object.fromEntries(
    types.filter((type) => stats[type] !== undefined).map((type) => [type, stats[type]]),
  );
  return {
    status: 200,
    body: { all: { daily_metrics: [], lifetime_metrics: {}, summary_metrics: summary } },
  };
}

function listPins(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'pins:read');
  if (denied !== undefined) return denied;
  const size = Math.min(Number(request.query.get('page_size') ?? '25'), 250);
  const all = [...state.pins.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const start = request.query.has('bookmark')
    ? Number(Buffer.from(request.query.get('bookmark') ?? '', 'base64url').toString())
    : 0;
  const items = all.slice(start, start + size).map((pin) => ({ id: pin.id, created_at: pin.createdAt, ...pin.body }));
  const next = start + size < all.length ? Buffer.from(String(start + size)).toString('base64url') : null;
  return { status: 200, body: { items, bookmark: next } };
}

export function pinterestAnalyticsRoutes(state: PinterestFakeState): FakeRoute[] {
  return [
    { method: 'GET', path: '/v5/pins/:id/analytics', handler: (request) => pinAnalytics(state, request) },
    { method: 'GET', path: '/v5/pins', handler: (request) => listPins(state, request) },
  ];
}
