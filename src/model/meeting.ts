// The domain model: a repository of meetings, one Vergadering with its Agendapunten and their bijlagen.
// Everything the loader read carries its source position so rules can point at it.

import type { Diagnostic, SourceRange } from './diagnostic.js';
import type { Block, FieldsOf } from './fields.js';
import type { PdfFacts } from './pdf-facts.js';
import type { SentVersion } from './sent.js';
import type { AgendapuntFile, BijlageFile, BundelFile, VergaderingFile, VastAgendapuntFile } from './schema.js';

/** Source positions of front-matter values, keyed by dotted path: `onderwerp`, `bijlagen.2.bestand`. */
export type Positions = ReadonlyMap<string, SourceRange>;

/** bundel.yaml's fields (organisatie, portefeuillehouders, stempel, titel, bestandsnaam …). */
/** A term before the meeting: `21 dagen` (calendar days) or `15 werkdagen`. */
export interface Term {
  days: number;
  working: boolean;
  /** As written: "15 werkdagen". */
  text: string;
}

/** A standing item that `bundel nieuw` puts in every meeting of an orgaan. */
export type VastAgendapunt = FieldsOf<VastAgendapuntFile>;

/** bundel.yaml's settings for one orgaan. */
export interface OrgaanConfig {
  aanleveren?: Term;
  verzenden?: Term;
  /** Absent: not configured (bundel nieuw uses its defaults). */
  vasteAgendapunten?: { begin: VastAgendapunt[]; eind: VastAgendapunt[] };
}

export interface BundelConfig extends Omit<FieldsOf<BundelFile>, 'logo' | 'vergaderingen' | 'organen' | 'privacy' | 'woo'> {
  /** Per orgaan, keyed by its name as written (absent: none configured). */
  organen?: ReadonlyMap<string, OrgaanConfig>;
  /** Absolute path of the repository root (where bundel.yaml is or would be). */
  root: string;
  /** Relative path of bundel.yaml, when present. */
  file?: string;
  /** Absolute path of a PNG/JPEG/SVG logo. */
  logo?: string;
  /** Meetings folder relative to root; default `vergaderingen`. */
  vergaderingen: string;
  /** `privacy:` (a list of blocks, which the generic mapping would not keep): what the privacy checks allow and look for. */
  privacy?: PrivacySettings;
  /** `woo:`: Woo publication metadata (DiWoo) of the public bundle. */
  woo?: WooSettings;
  positions: Positions;
  raw: unknown;
}

export interface PrivacySettings {
  /** Values that may be published: the organisation's phone numbers, e-mail addresses or `@domein`, IBANs, RSIN. */
  toegestaan: string[];
  /** The body's own patterns (regular expressions), each with a name: home addresses, names. */
  patronen: { naam: string; patroon: string }[];
}

export interface WooSettings {
  /** The folder URL where public bundles are published; the file name is appended. */
  url?: string;
  /** The organisation's URI in the TOOI lists, e.g. `https://identifier.overheid.nl/tooi/id/so/so0004`. */
  organisatie?: string;
}

/** vergadering.yaml's fields (orgaan, datum, tijd, locatie, voorzitter). */
export interface Vergadering extends FieldsOf<VergaderingFile> {
  /** Absolute path of the meeting folder. */
  dir: string;
  /** Meeting folder relative to root, forward slashes. */
  relDir: string;
  /** The ISO date the folder name starts with, or undefined when it does not. */
  folderDate?: string;
  /** Relative path of vergadering.yaml. */
  file: string;
  positions: Positions;
  raw: unknown;
}

export type Soort = 'voorstel' | 'memo' | 'stukken' | 'mondeling';
export const SOORTEN: readonly Soort[] = ['voorstel', 'memo', 'stukken', 'mondeling'];

/** A `voorstel` (house form) and a `memo` (free form) are a document of their own, with numbered bijlagen. */
export const hasMemo = (soort: Soort): boolean => soort === 'voorstel' || soort === 'memo';

/** An entry of `bijlagen:` (titel, bestand as written, terInzage, vertrouwelijk). */
export interface Bijlage extends FieldsOf<BijlageFile> {
  /** 1-based number within the item: Bijlage 1, 2, … */
  nummer: number;
  /** Facts about the file, gathered by the loader (absent when there is no `bestand`). */
  facts?: PdfFacts;
}

/** An image in an item's Markdown body (`![alt](pad)`), with what the loader found about its file. */
export interface BodyImage {
  /** The URL as the Markdown parser gives it (what the render step looks the image up by). */
  url: string;
  /** The path as the author means it (percent-escapes decoded). */
  pad: string;
  alt: string;
  /** Where `![…](…)` stands in the item file. */
  range: SourceRange;
  /** The file's real path and content hash, when it resolved and could be read. */
  absPath?: string;
  sha256?: string;
  format?: 'png' | 'jpeg' | 'gif' | 'svg';
  /** Pixels (bitmaps only). */
  width?: number;
  height?: number;
  /** Why the image cannot be printed (absent when it can). */
  problem?: { message: string; hint: string };
}

/** The contact block; absent when it has no `naam`. */
export type Contact = Block<NonNullable<AgendapuntFile['contact']>> & { naam: string };

/**
 * The item's front-matter fields the model keeps under their own (camelCased) name: onderwerp,
 * portefeuillehouder, beslispunten, procedure, vervolgactie, communicatie, mededelingBeslissingAan,
 * consequenties, vertrouwelijk. A field added to the schema lands here, and the compiler then asks
 * the loader (src/load/meeting.ts) and the memo's input (src/render/types.ts) for it.
 * `privacy_akkoord` is not printed: the privacy check reads it from `raw` (src/validate/privacy/accept.ts).
 */
export type ItemFields = FieldsOf<Omit<AgendapuntFile, 'agendapunt' | 'soort' | 'vergadering' | 'contact' | 'bijlagen' | 'privacy_akkoord'>>;

export interface Agendapunt extends ItemFields {
  /** Relative path of the .md file, forward slashes. */
  file: string;
  /** Absolute path of the .md file. */
  absFile: string;
  /** The agenda number as printed (front matter `agendapunt`): "2", "4a", "4.1". */
  nummer: string;
  /** Default `voorstel`. */
  soort: Soort;
  vergadering?: string;
  contact?: Contact;
  bijlagen: Bijlage[];
  /** Markdown body: the Toelichting of a voorstel, the agenda text otherwise. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** The images in the body, in order of appearance. */
  images: BodyImage[];
  positions: Positions;
  /** The parsed front matter as plain data (null-prototype objects), for the schema rule. */
  raw: unknown;
  /** False when the front matter could not be parsed at all; rules then skip this item. */
  parsed: boolean;
  /** Of the item file's text: what a sent version compares its memo by. Absent when unreadable. */
  sha256?: string;
}

/** A deadline of the meeting: the date and where it comes from. */
export interface Deadline {
  datum: string;
  /** "vergadering.yaml" when set there, else the term from bundel.yaml: "15 werkdagen voor de vergadering". */
  herkomst: string;
}

export interface Meeting {
  config: BundelConfig;
  vergadering: Vergadering;
  /** When the stukken are due and when the bundle goes out; absent when neither file says. */
  deadlines?: { aanleveren?: Deadline; verzenden?: Deadline };
  items: Agendapunt[];
  /** Problems found while loading (unreadable files, YAML syntax, unsafe front matter). */
  loadDiagnostics: Diagnostic[];
  /** The versions sent so far (`verzonden/<n>.json`), oldest first; empty before the bundle went out. */
  verzonden: SentVersion[];
  /** The PDFs, Office files and images in the meeting's `bijlagen/` folder, repository-relative, sorted. */
  attachmentFolder?: string[];
}
