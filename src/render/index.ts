// The render step: meeting data -> laid-out PDFs for the agenda, the memos and withheld pages.

export { createRenderer, BODY_FONT_FILE, type Renderer, type RendererOptions } from './renderer.js';
export { markdownToBlocks } from './markdown.js';
export * from './types.js';
