/**
 * Satori's input as plain objects (`{ type, props }`, what JSX compiles to), so the renderer needs no
 * React. Only `div`, `span` and `img` with inline styles are used: satori lays them out with flexbox.
 */
/** Inline CSS as satori reads it (camelCase properties, numbers as px). */

export type Style = Record<string, string | number | undefined>;
export type Child = SatoriElement | string | null | undefined | false;
export type SatoriElement = {
  type: 'div' | 'span' | 'img';
  key: string | null;
  props: { style?: Style; children?: Child | Child[]; src?: string; width?: number; height?: number };
};

/** A `div` (flex by default, as satori requires for more than one child). */
export function box(style: Style, children: Child | Child[] = null, key: string | null = null): SatoriElement {
  return { type: 'div', key, props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children } };
}

/**
 * Offers a line break (a zero-width space) every 10 characters inside words longer than 15: satori's
 * own `break-word` can leave a line of one long word a glyph wider than its box.
 */
export function breakLongWords(text: string): string {
  return text.replace(/\S{16,}/g, (word) => word.replace(/(.{10})(?=.)/gu, '$1\u200B'));
}

/** Text in a block that wraps at words and breaks a word too long for its line. */
export function textBlock(text: string, style: Style, key: string | null = null): SatoriElement {
  return {
    type: 'div',
    key,
    props: { style: { display: 'flex', wordBreak: 'break-word', ...style }, children: breakLongWords(text) },
  };
}

export function image(src: string, width: number, height: number, style: Style = {}): SatoriElement {
  return { type: 'img', key: null, props: { src, width, height, style: { width, height, ...style } } };
}
