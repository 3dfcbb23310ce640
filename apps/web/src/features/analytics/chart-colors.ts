/**
 * Series colours for charts: mid-tone hues that keep 3:1 contrast on both the light and the dark
 * surface (SVG attributes cannot read the theme's CSS variables everywhere).
 */
export const SERIES_COLORS = ['#6366f1', '#0d9488', '#d97706', '#db2777', '#2563eb', '#65a30d', '#9333ea', '#dc2626'];

export const seriesColor = (index: number): string => SERIES_COLORS[index % SERIES_COLORS.length] ?? '#6366f1';
