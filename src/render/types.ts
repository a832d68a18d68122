// The data the Typst layouts take (as JSON). The render step fills these from the Meeting;
// page numbers are bundle pages, known after a first layout pass.

import type { Contact, ItemFields, Soort } from '../model/meeting.js';

/** Markdown turned into a small tree the Typst template walks; every text prints literally. */
export type MdInline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: MdInline[] }
  | { t: 'emph'; c: MdInline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; url: string; c: MdInline[] }
  | { t: 'break' };

/**
 * An image of the text, on a block of its own. `src` is the file's absolute path in the data the
 * render step builds, and the path inside the compiler's workspace once the renderer mapped it.
 */
export interface MdImage {
  t: 'image';
  src: string;
  /** The alt text: the image's alternative text in the tagged PDF ('' when the author gave none). */
  alt: string;
  /** Bitmaps: the natural size in pt at 150 dpi (the image is never printed larger). SVG: absent, Typst measures it. */
  width?: number;
  height?: number;
}

export type MdBlock =
  | { t: 'heading'; level: number; c: MdInline[] }
  | { t: 'para'; c: MdInline[] }
  | { t: 'list'; ordered: boolean; start: number; items: MdBlock[][]; /** Loose list (blank lines between items): items spaced like paragraphs. */ spread?: boolean }
  | { t: 'quote'; c: MdBlock[] }
  | { t: 'code'; v: string }
  | { t: 'table'; align: ('left' | 'center' | 'right' | null)[]; rows: MdInline[][][] }
  | { t: 'rule' }
  | MdImage;

/** A link target inside the bundle: rendered as a link to `x-bundel:page=N`, rewritten by the assembler. */
export const PAGE_LINK_PREFIX = 'x-bundel:page=';

export interface MemoBijlage {
  nummer: number;
  titel: string;
  /** Bundle page where the attachment starts (absent in the first layout pass). */
  pagina?: number;
  /** Left out of a public bundle. */
  weggelaten?: boolean;
  /** Members' bundle: a confidential bijlage, marked as such in the list. */
  vertrouwelijk?: boolean;
}

/**
 * A memo shows every front-matter field of its item (ItemFields, derived from the schema: a new
 * field arrives here by itself and the compiler asks src/bundle/render-inputs.ts to fill it; the
 * template templates/memo.typ decides where it is printed).
 */
export interface MemoInput extends ItemFields {
  organisatie?: string;
  /** Absolute path of a PNG, JPEG or SVG logo, when configured (mapped into Typst by the renderer). */
  logo?: string;
  orgaan: string;
  /** Dutch long date: "5 maart 2025". */
  datum: string;
  agendapunt: string;
  soort: Soort;
  toelichting: MdBlock[];
  meegezonden: MemoBijlage[];
  /** Printed before every page number: "2-" in the second version's supplement. */
  paginaVoorvoegsel?: string;
  terInzage: { nummer: number; titel: string; plaats: string; vertrouwelijk?: boolean }[];
  contact?: Contact;
}

export interface AgendaDocument {
  titel: string;
  /** "Voorstel", "Bijlage 1", "Verslag" … shown before the title. */
  label?: string;
  pagina?: number;
  status?: 'opgenomen' | 'weggelaten' | 'ter-inzage';
  /** For ter-inzage: where. */
  plaats?: string;
  /** On a supplement's cover: why it is there ("gewijzigd — vervangt pagina's 12–15 van de bundel"). */
  reden?: string;
  /** In a bundle after sending: when it was sent later ("nagezonden op 28 februari 2025"). */
  nagezonden?: string;
  /** Members' bundle: a confidential bijlage, marked "(vertrouwelijk)" on its line. */
  vertrouwelijk?: boolean;
}

export interface AgendaItem {
  nummer: string;
  onderwerp: string;
  soort: Soort;
  /** "ter besluitvorming", "mondeling" … */
  beslispunten: string[];
  tekst: MdBlock[];
  vertrouwelijk: boolean;
  /** Whole item withheld from a public bundle. */
  weggelaten?: boolean;
  documenten: AgendaDocument[];
}

export interface AgendaInput {
  organisatie?: string;
  /** Absolute path of a PNG, JPEG or SVG logo, when configured. */
  logo?: string;
  orgaan: string;
  datum: string;
  tijd?: string;
  locatie?: string;
  voorzitter?: string;
  /** Shown under the heading, e.g. "Openbare versie" for a --public build. */
  opmerking?: string;
  /** The heading; default "Agenda" ("Nagezonden stukken" on a supplement's cover). */
  kop?: string;
  /** A line under the orgaan ("Bij de vergadering van 5 maart 2025 · versie 2"). */
  ondertitel?: string;
  /** Printed before every page number: "2-" in the second version's supplement. */
  paginaVoorvoegsel?: string;
  items: AgendaItem[];
}

export interface WithheldInput {
  organisatie?: string;
  orgaan: string;
  datum: string;
  agendapunt: string;
  titel: string;
  /** "Bijlage 2" or "Agendapunt" … */
  label: string;
  /** A concept's placeholder for a bijlage still to come ("Bijlage 2 volgt: …"), not a confidential one. */
  volgt?: boolean;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  pageCount: number;
  /**
   * Characters in the input that the shipped font (Source Sans 3) cannot draw; they print as
   * empty boxes. Absent when there are none. Worth a warning to the user.
   */
  missingGlyphs?: string[];
}
