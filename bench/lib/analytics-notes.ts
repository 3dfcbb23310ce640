// The analytics benchmark's notes, written by hand below the generated figures (dated).

export const analyticsHistory = `History and profiling notes.

2026-12-07: first measurement (above).`;
