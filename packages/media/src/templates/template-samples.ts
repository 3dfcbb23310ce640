/**
 * Sample fields and images for every template: what the reference-image tests and the benchmark
 * render, and a fair example of each template's use.
 */
import sharp from 'sharp';
import type { TemplateId } from '@plume/contract/media/media-enums';
import type { TemplateFields } from '@plume/contract/media/template-fields';

export const SAMPLE_FIELDS: { [Id in TemplateId]: TemplateFields[Id] } = {
  quote: { quote: 'Simplicity is the ultimate sophistication.', author: 'Leonardo da Vinci', role: 'Painter' },
  tip: {
    title: 'Batch your posts',
    tip: 'Write a week of posts in one sitting, then let the autopilot space them out.',
    number: 3,
  },
  carousel: {
    slides: [
      { title: 'Five ways to grow on LinkedIn', body: 'Swipe for the list.' },
      { title: 'Post when your readers are awake', body: 'Tuesday to Thursday mornings work for most.' },
      { title: 'Reply to every comment' },
    ],
    showNumbers: true,
  },
  announcement: {
    headline: 'We are open on Sundays',
    body: 'From 1 March, the shop opens 10 am to 4 pm.',
    cta: 'See you there',
  },
  product: {
    name: 'Ceramic pour-over',
    description: 'Hand-thrown in our studio, glazed in sea blue.',
    price: '€34',
    imageMediaId: '00000000-0000-4000-8000-000000000001',
    cta: 'Shop now',
  },
  testimonial: {
    quote: 'They answered every question within the hour. Best service we have had.',
    name: 'Amira Haddad',
    role: 'Owner, Café Lune',
    rating: 5,
    photoMediaId: '00000000-0000-4000-8000-000000000002',
  },
  event: {
    title: 'Spring pottery workshop',
    when: 'Sat 14 March, 10 am',
    where: 'Studio 4, 12 Harbour Street',
    details: 'Two hours, all materials included.',
    cta: 'Book a seat',
  },
};

/** A deterministic "photo": a two-colour scene drawn with sharp (no file in the repository). */
export function samplePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#2d6a8f"/><rect y="380" width="800" height="220" fill="#e8d8b0"/>
    <circle cx="560" cy="200" r="110" fill="#f4c542"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** A deterministic logo with a transparent background. */
export function sampleLogo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120">
    <rect x="0" y="10" width="100" height="100" rx="24" fill="#e4572e"/><rect x="120" y="40" width="190" height="40" rx="8" fill="#29335c"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
