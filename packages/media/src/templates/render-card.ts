/**
 * One card to SVG with satori, with its text fitted: the heading starts at a size guessed from its
 * length and the text area; satori reports where every node landed, so the text is then checked
 * against its box: grown once when it fills little of it, shrunk until it fits. Text that still does
 * not fit at the smallest size is shortened with an ellipsis, so nothing ever draws outside its box.
 * (No `overflow: hidden`: satori writes it as SVG masks, which made resvg ten times slower.)
 */
import satori, { type Font, type SatoriNode } from 'satori';
import type { LayoutPreset } from '@plume/contract/media/media-enums';
import type { BrandColors } from './brand.ts';
import { guessHeadingSize, MAX_HEADING, MIN_HEADING, type Card } from './card.ts';
import type { PreparedImage } from './images.ts';
import { layoutCard, textArea, unitOf } from './layout-card.ts';
import type { SatoriElement } from './satori-element.ts';

export type CardStyle = {
  colors: BrandColors;
  headingFont: string;
  bodyFont: string;
  layout: LayoutPreset;
  logo: PreparedImage | undefined;
};

type Sizing = { headingSize: number; scale: number };
type Measured = { svg: string; fits: boolean; fill: number };

const MAX_SHRINKS = 7;
const MAX_ATTEMPTS = 16;
const SLACK = 1;
/** Below this share of its box the text is grown once. */
const SPARSE_FILL = 0.55;
const TARGET_FILL = 0.8;

function keyOf(node: SatoriNode, prefix: string): string | undefined {
  const key = String(node.key ?? '');
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/**
 * Whether every `fit-text:<id>` node lies inside its `fit-box:<id>` node, and how much of the box's
 * height the texts span (0–1+).
 */
export function measureFit(nodes: SatoriNode[]): { fits: boolean; fill: number } {
  const boxes = new Map<string, SatoriNode>();
  for (const node of nodes) {
    const id = keyOf(node, 'fit-box:');
    if (id !== undefined) boxes.set(id, node);
  }
  let fits = true;
  let fill = 0;
  const spans = new Map<string, { top: number; bottom: number }>();
  for (const node of nodes) {
    const id = keyOf(node, 'fit-text:');
    const container = id === undefined ? undefined : boxes.get(id);
    if (id === undefined || container === undefined) continue;
    fits &&=
      node.top >= container.top - SLACK &&
      node.top + node.height <= container.top + container.height + SLACK &&
      node.left >= container.left - SLACK &&
      node.left + node.width <= container.left + container.width + SLACK;
    const previous = spans.get(id) ?? { top: node.top, bottom: node.top + node.height };
    const span = { top: Math.min(previous.top, node.top), bottom: Math.max(previous.bottom, node.top + node.height) };
    spans.set(id, span);
    fill = Math.max(fill, (span.bottom - span.top) / Math.max(1, container.height));
  }
  return { fits, fill };
}

async function draw(
  card: Card,
  size: { width: number; height: number },
  style: CardStyle,
  fonts: Font[],
  sizing: Sizing,
): Promise<Measured> {
  const nodes: SatoriNode[] = [];
  const element: SatoriElement = layoutCard({ card, ...size, ...style, ...sizing });
  const svg = await satori(element, {
    ...size,
    fonts,
    onNodeDetected: (node) => {
      if (node.key !== undefined && node.key !== null) nodes.push(node);
    },
  });
  return { svg, ...measureFit(nodes) };
}

function firstSizing(card: Card, size: { width: number; height: number }, layout: LayoutPreset): Sizing {
  const unit = unitOf(size.width, size.height);
  const area = textArea({ ...size, layout, card });
  const share = card.body === undefined ? 0.85 : 0.55;
  const headingSize =
    card.heading === undefined
      ? MIN_HEADING * unit
      : guessHeadingSize(card.heading, area.width, area.height * share, unit);
  return { headingSize, scale: 1 };
}

/** Text that fills little of its box is grown (at most twice) while it still fits. */
async function grow(
  first: Measured,
  sizing: Sizing,
  redraw: (sizing: Sizing) => Promise<Measured>,
  unit: number,
): Promise<{ svg: string; attempts: number }> {
  let result = first;
  let current = sizing;
  let attempts = 1;
  while (attempts < 3 && result.fill < SPARSE_FILL && current.headingSize < MAX_HEADING * unit) {
    const growth = Math.min(1.5, Math.sqrt(TARGET_FILL / Math.max(result.fill, 0.05)));
    const next = {
      headingSize: Math.min(MAX_HEADING * unit, current.headingSize * growth),
      scale: Math.min(1.4, current.scale * growth),
    };
    attempts++;
    const larger = await redraw(next);
    if (!larger.fits) break;
    result = larger;
    current = next;
  }
  return { svg: result.svg, attempts };
}

export async function renderCardSvg(
  card: Card,
  size: { width: number; height: number },
  style: CardStyle,
  fonts: Font[],
): Promise<{ svg: string; attempts: number }> {
  const unit = unitOf(size.width, size.height);
  let sizing = firstSizing(card, size, style.layout);
  let current = card;
  let result = await draw(current, size, style, fonts, sizing);
  if (result.fits) return grow(result, sizing, (next) => draw(current, size, style, fonts, next), unit);
  for (let attempt = 2; attempt <= MAX_ATTEMPTS && !result.fits; attempt++) {
    if (attempt <= MAX_SHRINKS) {
      sizing = {
        headingSize: Math.max(sizing.headingSize * 0.82, 16 * unit),
        scale: Math.max(sizing.scale * 0.88, 0.45),
      };
    } else {
      current = shortened(current);
    }
    result = await draw(current, size, style, fonts, sizing);
    if (result.fits) return { svg: result.svg, attempts: attempt };
  }
  return { svg: result.svg, attempts: result.fits ? 1 : MAX_ATTEMPTS };
}

/** The text cut by about a sixth of its words, ending in an ellipsis. */
export function shorten(text: string): string {
  const words = text.replace(/…$/, '').split(/\s+/);
  if (words.length <= 1) return `${text.slice(0, Math.floor(text.length * 0.8))}…`;
  return `${words.slice(0, Math.max(1, Math.floor(words.length * 0.84))).join(' ')}…`;
}

function shortened(card: Card): Card {
  const body = card.body === undefined ? undefined : shorten(card.body);
  const heading = card.heading === undefined ? undefined : shorten(card.heading);
  return { ...card, ...(body === undefined ? {} : { body }), ...(heading === undefined ? {} : { heading }) };
}
