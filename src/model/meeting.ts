// The domain model: a repository of meetings, one Vergadering with its Agendapunten and their bijlagen.
// Everything the loader read carries its source position so rules can point at it.

import type { Diagnostic, SourceRange } from './diagnostic.js';
import type { PdfFacts } from './pdf-facts.js';

/** Source positions of front-matter values, keyed by dotted path: `onderwerp`, `bijlagen.2.bestand`. */
export type Positions = ReadonlyMap<string, SourceRange>;

export interface BundelConfig {
  /** Absolute path of the repository root (where bundel.yaml is or would be). */
  root: string;
  /** Relative path of bundel.yaml, when present. */
  file?: string;
  organisatie?: string;
  /** Absolute path of a PNG/JPEG/SVG logo. */
  logo?: string;
  portefeuillehouders: string[];
  /** Meetings folder relative to root; default `vergaderingen`. */
  vergaderingen: string;
  /** Handlebars template for the page stamp. */
  stempel?: string;
  /** Handlebars template for the bundle's title. */
  titel?: string;
  /** Handlebars template for the bundle's file name (without .pdf). */
  bestandsnaam?: string;
  positions: Positions;
  raw: unknown;
}

export interface Vergadering {
  /** Absolute path of the meeting folder. */
  dir: string;
  /** Meeting folder relative to root, forward slashes. */
  relDir: string;
  /** The ISO date the folder name starts with, or undefined when it does not. */
  folderDate?: string;
  /** Relative path of vergadering.yaml. */
  file: string;
  orgaan: string;
  /** ISO date, as written. */
  datum: string;
  tijd?: string;
  locatie?: string;
  voorzitter?: string;
  positions: Positions;
  raw: unknown;
}

export type Soort = 'voorstel' | 'stukken' | 'mondeling';
export const SOORTEN: readonly Soort[] = ['voorstel', 'stukken', 'mondeling'];

export interface Bijlage {
  /** 1-based number within the item: Bijlage 1, 2, … */
  nummer: number;
  titel: string;
  /** As written in the front matter. */
  bestand?: string;
  /** Place where a not-included attachment can be seen. */
  terInzage?: string;
  vertrouwelijk: boolean;
  /** Facts about the file, gathered by the loader (absent when there is no `bestand`). */
  facts?: PdfFacts;
}

export interface Contact {
  naam: string;
  telefoon?: string;
  email?: string;
}

export interface Agendapunt {
  /** Relative path of the .md file, forward slashes. */
  file: string;
  /** Absolute path of the .md file. */
  absFile: string;
  /** The agenda number as printed: "2", "4a", "4.1". */
  nummer: string;
  onderwerp: string;
  soort: Soort;
  vergadering?: string;
  portefeuillehouder?: string;
  beslispunten: string[];
  procedure: string[];
  vervolgactie?: string;
  communicatie?: string;
  mededelingBeslissingAan?: string;
  consequenties: { financieel?: string; personeel?: string };
  contact?: Contact;
  vertrouwelijk: boolean;
  bijlagen: Bijlage[];
  /** Markdown body: the Toelichting of a voorstel, the agenda text otherwise. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  positions: Positions;
  /** The parsed front matter as plain data (null-prototype objects), for the schema rule. */
  raw: unknown;
  /** False when the front matter could not be parsed at all; rules then skip this item. */
  parsed: boolean;
}

export interface Meeting {
  config: BundelConfig;
  vergadering: Vergadering;
  items: Agendapunt[];
  /** Problems found while loading (unreadable files, YAML syntax, unsafe front matter). */
  loadDiagnostics: Diagnostic[];
}
