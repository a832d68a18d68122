// Lays out the agenda, the proposal memos and the "withheld" pages with Typst (templates/*.typ).
// One compiler serves every document of a build; data goes in as JSON, never as Typst source.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeCompiler, type NodeError } from '@myriaddreamin/typst-ts-node-compiler';
import { FONTS_DIR, TEMPLATES_DIR } from '../util/paths.js';
import { glyphCoverage } from './glyph-coverage.js';
import { mapImages } from './images.js';
import type { AgendaInput, MemoInput, RenderedPdf, WithheldInput } from './types.js';

export interface RendererOptions {
  /**
   * Written into every PDF as the document date and CreationDate (pass the meeting date or
   * SOURCE_DATE_EPOCH). Without it the PDFs carry no date at all. Never the clock.
   */
  creationDate?: Date;
  /** Write the PDFs as PDF/A-2b (Typst checks the layouts against it and fails when they cannot be). */
  pdfStandard?: 'a-2b';
  /** Test hook: the font family the layouts ask for (an unknown one must make rendering fail). */
  fontFamily?: string;
}

/**
 * All methods are synchronous (Typst runs in-process) and throw an Error carrying Typst's messages
 * when a layout fails or warns.
 */
export interface RenderCallOptions {
  /** Lay out only to learn the page count; no PDF is produced (`pdf` is empty). */
  countOnly?: boolean;
}

export interface Renderer {
  /** Change the date written into the PDFs made from now on (a renderer started before the meeting was read). */
  setCreationDate(date: Date | undefined): void;
  renderMemo(input: MemoInput, options?: RenderCallOptions): RenderedPdf;
  renderAgenda(input: AgendaInput, options?: RenderCallOptions): RenderedPdf;
  renderWithheld(input: WithheldInput): RenderedPdf;
}

/** The font every layout uses; the same files serve the assembler's page stamps. */
export const BODY_FONT_FILE = path.join(FONTS_DIR, 'SourceSans3-Regular.ttf');

/** Where the logo and the images of the text are mapped into the compiler's virtual file system (never written to disk). */
const SHADOW_DIR = '.bundel-shadow';

/**
 * Cache entries unused since the last printed render are dropped. A memo's count and its layout with
 * page numbers fall in one such window, and what every render uses (templates, fonts) is used in
 * each; 10 kept about 30 MiB more at the bench meeting's peak (issue 18) for no measurable CPU.
 */
const CACHE_MAX_AGE = 1;

type Template = 'memo' | 'agenda' | 'withheld';

interface TypstDiagnostic {
  message?: string;
  path?: string;
  range?: string | null;
  severity?: number | string;
  hints?: string[];
}

export async function createRenderer(options: RendererOptions = {}): Promise<Renderer> {
  const compiler = NodeCompiler.create({ workspace: TEMPLATES_DIR, fontArgs: [{ fontPaths: [FONTS_DIR] }] });
  const coverage = glyphCoverage(readFileSync(BODY_FONT_FILE));
  const shadows = new Map<string, string>();
  let isoDate: string | undefined;
  let timestamp: number | undefined;
  const setCreationDate = (value: Date | undefined): void => {
    const date = value && Number.isFinite(value.getTime()) ? value : undefined;
    isoDate = date && date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999 ? date.toISOString().slice(0, 10) : undefined;
    timestamp = date && date.getTime() >= 0 ? Math.floor(date.getTime() / 1000) : undefined;
  };
  setCreationDate(options.creationDate);

  /**
   * Maps a file (the logo, an image of the text) into the compiler under a name made of its content
   * hash, and returns the path the layout loads it by: the same bytes, the same name, every build.
   */
  function shadowPath(file: string, kind: 'logo' | 'afbeelding'): string {
    const known = shadows.get(file);
    if (known) return known;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new Error(`${kind === 'logo' ? 'het logo' : 'de afbeelding'} \`${file}\` kan niet worden gelezen: ${(e as Error).message}`);
    }
    const ext = path.extname(file).toLowerCase().replace(/^\./, '') || 'png';
    const name = `${kind === 'logo' ? 'logo' : 'img'}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${ext}`;
    compiler.mapShadow(path.join(TEMPLATES_DIR, SHADOW_DIR, name), bytes);
    const inWorkspace = `/${SHADOW_DIR}/${name}`;
    shadows.set(file, inWorkspace);
    return inWorkspace;
  }
  const logoPath = (file: string | undefined): string | undefined => (file ? shadowPath(file, 'logo') : undefined);
  const imagePath = (file: string): string => shadowPath(file, 'afbeelding');

  function render(template: Template, data: object, what: string, logo?: string, countOnly = false): RenderedPdf {
    const inputs: Record<string, string> = { data: JSON.stringify(data, breakLongWords) };
    if (isoDate) inputs.date = isoDate;
    if (options.fontFamily) inputs.font = options.fontFamily;
    const result = compiler.compile({ mainFilePath: path.join(TEMPLATES_DIR, `${template}.typ`), inputs });
    if (result.hasError() || !result.result) {
      const reason = describe(result.takeError() ?? result.takeDiagnostics());
      throw new Error(`Typst kon ${what} niet opmaken: ${reason}${logo ? ` (logo: \`${logo}\`)` : ''}`);
    }
    const warnings = result.takeWarnings();
    if (warnings && warnings.shortDiagnostics.length > 0) {
      throw new Error(`Typst gaf waarschuwingen bij ${what}: ${describe(warnings)}`);
    }
    const doc = result.result;
    if (countOnly) return { pdf: new Uint8Array(0), pageCount: doc.numOfPages };
    // Typst tags its PDFs by default (headings, lists, tables, links, artifacts), in the document's
    // language; the assembler carries the tags into the bundle.
    const pdf = compiler.pdf(doc, { ...(timestamp === undefined ? {} : { creationTimestamp: timestamp }), ...(options.pdfStandard ? { pdfStandard: options.pdfStandard } : {}) });
    // Typst memoises globally; without eviction a 300-memo build grows past 1 GB (measured).
    compiler.evictCache(CACHE_MAX_AGE);
    const missing = missingGlyphs(data, coverage);
    const out: RenderedPdf = { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pageCount: doc.numOfPages };
    if (missing.length > 0) out.missingGlyphs = missing;
    return out;
  }

  return {
    setCreationDate,
    renderMemo(input, options) {
      return render('memo', { ...input, logo: logoPath(input.logo), toelichting: mapImages(input.toelichting, imagePath) }, `het voorstel van agendapunt ${input.agendapunt}`, input.logo, options?.countOnly);
    },
    renderAgenda(input, options) {
      return render('agenda', { ...input, logo: logoPath(input.logo), items: input.items.map((i) => ({ ...i, tekst: mapImages(i.tekst, imagePath) })) }, 'de agenda', input.logo, options?.countOnly);
    },
    renderWithheld(input) {
      return render('withheld', input, `de vervangende pagina voor ${input.label} van agendapunt ${input.agendapunt}`);
    },
  };
}

/** Words this long cannot be laid out in a line without running into the margin. */
const LONG_WORD = /[^\s/\-–—?&]{46,}/gu;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * JSON.stringify replacer: puts an invisible break opportunity into every 30 characters of an
 * absurdly long word (a pasted hash or URL-like token), which Typst would otherwise let run off the
 * page. Ordinary Dutch compounds stay far below the limit.
 */
function breakLongWords(key: string, value: unknown): unknown {
  if (typeof value !== 'string' || key === 'logo' || key === 'url' || key === 'src' || key === 'alt' || !LONG_WORD.test(value)) return value;
  LONG_WORD.lastIndex = 0;
  return value.replace(LONG_WORD, (word) => {
    const chars = Array.from(word);
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += 30) parts.push(chars.slice(i, i + 30).join(''));
    return parts.join(ZERO_WIDTH_SPACE);
  });
}

function describe(error: NodeError | null): string {
  if (!error) return 'onbekende fout';
  const list = error.shortDiagnostics as TypstDiagnostic[];
  if (list.length === 0) return error.kind;
  return list
    .map((d) => {
      const where = d.path ? ` (${path.basename(d.path)}${d.range ? ` ${d.range}` : ''})` : '';
      const hints = d.hints?.length ? ` — ${d.hints.join('; ')}` : '';
      return `${d.message ?? String(d)}${where}${hints}`;
    })
    .join('; ');
}

/** Characters in the data the shipped font cannot draw (they would print as empty boxes). */
function missingGlyphs(data: unknown, font: { hasGlyphForCodePoint(cp: number): boolean }): string[] {
  const missing = new Set<string>();
  const seen = new Set<number>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const ch of value) {
        const cp = ch.codePointAt(0)!;
        if (seen.has(cp)) continue;
        seen.add(cp);
        // Line breaks, tabs and format characters are layout, not glyphs.
        if (cp < 0x20 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue;
        if (!font.hasGlyphForCodePoint(cp)) missing.add(ch);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key !== 'logo' && key !== 'src' && key !== 'alt') visit(v);
    }
  };
  visit(data);
  return [...missing].sort();
}
