// The images of an item's text on their way to Typst: the render step puts each found image file
// into the Markdown tree (`imageLookup`), the renderer swaps every file path for the name it mapped
// the file under in the compiler's workspace (`mapImages`). No Typst here: the bundle step uses it.

import type { Agendapunt } from '../model/meeting.js';
import type { ImageLookup } from './markdown.js';
import type { MdBlock } from './types.js';

/** Bitmaps are never printed larger than at this resolution (a 600-pixel chart: 10 cm wide). */
export const IMAGE_DPI = 150;

/** The item's usable images by their URL in the Markdown; one with a problem prints as its alt text. */
export function imageLookup(item: Agendapunt): ImageLookup | undefined {
  const usable = item.images.filter((i) => i.absPath && !i.problem && i.format);
  if (usable.length === 0) return undefined;
  const byUrl = new Map(usable.map((i) => [i.url, i]));
  const points = (px: number | undefined): number | undefined => (px === undefined ? undefined : Math.round((px * 72 * 100) / IMAGE_DPI) / 100);
  return (url) => {
    const image = byUrl.get(url);
    if (!image) return undefined;
    return image.format === 'svg' ? { src: image.absPath! } : { src: image.absPath!, width: points(image.width), height: points(image.height) };
  };
}

/** `blocks` with every image's `src` passed through `map` (a new tree; the input is shared between layout rounds). */
export function mapImages(blocks: MdBlock[], map: (file: string) => string): MdBlock[] {
  if (!hasImage(blocks)) return blocks;
  return blocks.map((b): MdBlock => {
    switch (b.t) {
      case 'image':
        return { ...b, src: map(b.src) };
      case 'quote':
        return { ...b, c: mapImages(b.c, map) };
      case 'list':
        return { ...b, items: b.items.map((item) => mapImages(item, map)) };
      default:
        return b;
    }
  });
}

function hasImage(blocks: MdBlock[]): boolean {
  return blocks.some((b) => b.t === 'image' || (b.t === 'quote' && hasImage(b.c)) || (b.t === 'list' && b.items.some(hasImage)));
}
