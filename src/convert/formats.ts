// Which files may be a bijlage besides PDF, and whether a file's content is what its extension says.
// Looks only at bytes (magic numbers, the parts of a ZIP or OLE2 file); converts nothing.

import { unzipSync } from 'fflate';
import { isOle2, ole2Names } from './ole2.js';

export type OfficeApp = 'writer' | 'calc' | 'impress';

export interface SourceFormat {
  /** Lower-case extension without the dot, as the format is known: `docx`, `jpeg` … */
  ext: string;
  kind: 'office' | 'image';
  /** Dutch, with article: "een Word-document (.docx)". */
  label: string;
  /** For Office files: the LibreOffice program that reads it. */
  app?: OfficeApp;
}

const office = (ext: string, app: OfficeApp, label: string): SourceFormat => ({ ext, kind: 'office', app, label });
const image = (ext: string, label: string): SourceFormat => ({ ext, kind: 'image', label });

/** Every accepted non-PDF extension (docs/format.md lists the same). */
export const SOURCE_FORMATS: Readonly<Record<string, SourceFormat>> = {
  docx: office('docx', 'writer', 'een Word-document (.docx)'),
  doc: office('doc', 'writer', 'een oud Word-document (.doc)'),
  odt: office('odt', 'writer', 'een OpenDocument-tekst (.odt)'),
  rtf: office('rtf', 'writer', 'een RTF-document (.rtf)'),
  xlsx: office('xlsx', 'calc', 'een Excel-bestand (.xlsx)'),
  xls: office('xls', 'calc', 'een oud Excel-bestand (.xls)'),
  ods: office('ods', 'calc', 'een OpenDocument-rekenblad (.ods)'),
  pptx: office('pptx', 'impress', 'een PowerPoint-bestand (.pptx)'),
  ppt: office('ppt', 'impress', 'een oud PowerPoint-bestand (.ppt)'),
  odp: office('odp', 'impress', 'een OpenDocument-presentatie (.odp)'),
  png: image('png', 'een PNG-afbeelding (.png)'),
  jpg: image('jpeg', 'een JPEG-afbeelding (.jpg)'),
  jpeg: image('jpeg', 'een JPEG-afbeelding (.jpg)'),
  tif: image('tiff', 'een TIFF-afbeelding (.tif)'),
  tiff: image('tiff', 'een TIFF-afbeelding (.tif)'),
};

/** The format a file name asks for, or undefined for PDF and anything not listed. */
export function formatOf(fileName: string): SourceFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = fileName.slice(dot + 1).toLowerCase();
  return Object.hasOwn(SOURCE_FORMATS, ext) ? SOURCE_FORMATS[ext] : undefined;
}

/** What the bytes are: a format ext from SOURCE_FORMATS, `pdf`, or something else with a Dutch label. */
export interface Identified {
  ext?: string;
  /** Dutch, with article, for messages. */
  label: string;
  /** Password-protected (encrypted OOXML, encrypted ODF). */
  encrypted?: boolean;
  /** A ZIP or OLE2 file whose structure could not be read. */
  damaged?: boolean;
}

/** ZIP parts worth reading are small XML files; a larger one is no Office file we know. */
const MAX_PART = 1024 * 1024;

const OOXML_MAIN: [RegExp, string][] = [
  [/wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroenabled/i, 'docx'],
  [/spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroenabled/i, 'xlsx'],
  [/presentationml\.(presentation|slideshow|template)\.main\+xml|ms-powerpoint\.(presentation|slideshow|template)\.macroenabled/i, 'pptx'],
];
const ODF_MIMETYPES: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

function identifyZip(bytes: Uint8Array): Identified {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => ['[Content_Types].xml', 'mimetype', 'META-INF/manifest.xml'].includes(f.name) && f.originalSize <= MAX_PART,
    });
  } catch {
    return { label: 'een beschadigd ZIP-archief', damaged: true };
  }
  const text = (name: string): string | undefined => (parts[name] ? Buffer.from(parts[name]).toString('utf8') : undefined);
  const types = text('[Content_Types].xml');
  if (types) {
    for (const [pattern, ext] of OOXML_MAIN) if (pattern.test(types)) return { ext, label: SOURCE_FORMATS[ext].label };
    return { label: 'een onbekend Office Open XML-bestand' };
  }
  const mimetype = text('mimetype')?.trim();
  if (mimetype) {
    const ext = ODF_MIMETYPES[mimetype];
    const encrypted = text('META-INF/manifest.xml')?.includes('encryption-data') ?? false;
    if (ext) return { ext, label: SOURCE_FORMATS[ext].label, encrypted };
    return { label: `een OpenDocument-bestand van een andere soort (\`${mimetype.slice(0, 80)}\`)` };
  }
  return { label: 'een ZIP-archief' };
}

function identifyOle2(bytes: Uint8Array): Identified {
  const names = ole2Names(bytes);
  if (!names) return { label: 'een beschadigd oud Office-bestand', damaged: true };
  // Office stores a password-protected .docx/.xlsx/.pptx as OLE2 with the encrypted package inside.
  if (names.includes('EncryptedPackage')) return { label: 'een met een wachtwoord beveiligd Office-bestand', encrypted: true };
  if (names.includes('WordDocument')) return { ext: 'doc', label: SOURCE_FORMATS.doc.label };
  if (names.includes('Workbook') || names.includes('Book')) return { ext: 'xls', label: SOURCE_FORMATS.xls.label };
  if (names.includes('PowerPoint Document')) return { ext: 'ppt', label: SOURCE_FORMATS.ppt.label };
  return { label: 'een ander oud Office-bestand (OLE2)' };
}

export function identify(bytes: Uint8Array): Identified {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { ext: 'pdf', label: 'een PDF' };
  if (head.startsWith('\x89PNG\r\n\x1a\n')) return { ext: 'png', label: SOURCE_FORMATS.png.label };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ext: 'jpeg', label: SOURCE_FORMATS.jpeg.label };
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return { ext: 'tiff', label: SOURCE_FORMATS.tiff.label };
  if (head.startsWith('PK\x03\x04')) return identifyZip(bytes);
  if (isOle2(bytes)) return identifyOle2(bytes);
  if (head.startsWith('{\\rtf')) return { ext: 'rtf', label: SOURCE_FORMATS.rtf.label };
  if (/^(\xef\xbb\xbf)?\s*(<!doctype html|<html|<head|<body)/i.test(head)) return { label: 'een webpagina (HTML), bijvoorbeeld een foutmelding van een downloadsite' };
  if (head.startsWith('GIF8')) return { label: 'een GIF-afbeelding' };
  return { label: 'een onbekend soort bestand' };
}
