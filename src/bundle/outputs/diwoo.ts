// Woo publication metadata for the public bundle: a sitemap with DiWoo metadata (standaarden.overheid.nl,
// DiWoo metadata 0.9.8), the form in which the Woo-index and publication platforms harvest documents.
// One entry for the bundle, one for its agenda and one for each document printed in it, addressed
// as the bundle's URL with `#page=N`. Values from the TOOI lists: informatiecategorie "vergaderstukken
// decentrale overheden", documentsoort "agenda" / "vergaderstuk", handeling "vaststelling".
// The vendored schema (schemas/diwoo/) checks the result in the tests. Written for public bundles only.

import path from 'node:path';
import type { BundelConfig } from '../../model/meeting.js';
import type { BundleIndex, IndexDocument } from '../index-data.js';
import { besidePdf, type Output } from './output.js';

export const DIWOO_NAMESPACE = 'https://standaarden.overheid.nl/diwoo/metadata/';
export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const DIWOO_VERSION = '0.9.8';

const TOOI = 'https://identifier.overheid.nl/tooi/def/thes/kern/';
const CATEGORIE = { resource: `${TOOI}c_db4862c3`, label: 'vergaderstukken decentrale overheden' };
const SOORT_AGENDA = { resource: `${TOOI}c_f90465b3`, label: 'agenda' };
const SOORT_VERGADERSTUK = { resource: `${TOOI}c_7f9dffa7`, label: 'vergaderstuk' };
const VASTSTELLING = { resource: `${TOOI}c_641ecd76`, label: 'vaststelling' };
const NEDERLANDS = { resource: 'http://publications.europa.eu/resource/authority/language/NLD', label: 'Nederlands' };
const PDF = { resource: 'http://publications.europa.eu/resource/authority/file-type/PDF', label: 'PDF' };

export interface DiwooOptions {
  /** Where the bundle will be published: a URL, or (when none is configured) the file name. */
  loc: string;
  /** The publishing organisation; `tooi` its URI in the TOOI organisation lists, when known. */
  publisher: { naam: string; tooi?: string };
}

interface Entry {
  loc: string;
  titel: string;
  omschrijving?: string;
  soort: { resource: string; label: string };
  isPartOf?: string;
  hasParts?: string[];
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

const labelled = (tag: string, value: { resource: string; label: string }, indent: string): string =>
  `${indent}<diwoo:${tag} resource="${escapeXml(value.resource)}">${escapeXml(value.label)}</diwoo:${tag}>`;

/** A location as a URI: spaces and other characters outside URIs percent-encoded, once. */
export function asUri(loc: string): string {
  return encodeURI(loc).replace(/%25([0-9A-Fa-f]{2})/g, '%$1');
}

/** The documents of the index that are printed in the bundle (each once). */
function printed(index: BundleIndex): { item: BundleIndex['agendapunten'][number]; doc: IndexDocument }[] {
  return index.agendapunten.flatMap((item) =>
    item.documenten.filter((d) => d.opgenomen && !d.weggelaten && d.zieAgendapunt === undefined && d.eerstePagina !== undefined).map((doc) => ({ item, doc })),
  );
}

function entryXml(e: Entry, index: BundleIndex, options: DiwooOptions): string {
  const date = index.bundel.datum.slice(0, 10);
  const publisher = options.publisher.tooi
    ? `<diwoo:publisher resource="${escapeXml(options.publisher.tooi)}">${escapeXml(options.publisher.naam)}</diwoo:publisher>`
    : `<diwoo:publisher>${escapeXml(options.publisher.naam)}</diwoo:publisher>`;
  const i = '        ';
  const lines = [
    '  <url>',
    `    <loc>${escapeXml(e.loc)}</loc>`,
    `    <lastmod>${escapeXml(index.bundel.datum)}</lastmod>`,
    '    <diwoo:Document>',
    '      <diwoo:DiWoo>',
    `${i}<diwoo:identifiers><diwoo:identifier>${escapeXml(e.loc)}</diwoo:identifier></diwoo:identifiers>`,
    `${i}${publisher}`,
    `${i}${publisher.replace(/diwoo:publisher/g, 'diwoo:verantwoordelijke')}`,
    `${i}<diwoo:titelcollectie><diwoo:officieleTitel>${escapeXml(e.titel)}</diwoo:officieleTitel></diwoo:titelcollectie>`,
    ...(e.omschrijving ? [`${i}<diwoo:omschrijvingen><diwoo:omschrijving>${escapeXml(e.omschrijving)}</diwoo:omschrijving></diwoo:omschrijvingen>`] : []),
    `${i}<diwoo:classificatiecollectie>`,
    `${i}  <diwoo:informatiecategorieen>`,
    labelled('informatiecategorie', CATEGORIE, `${i}    `),
    `${i}  </diwoo:informatiecategorieen>`,
    `${i}  <diwoo:documentsoorten>`,
    labelled('documentsoort', e.soort, `${i}    `),
    `${i}  </diwoo:documentsoorten>`,
    `${i}</diwoo:classificatiecollectie>`,
    `${i}<diwoo:creatiedatum>${date}</diwoo:creatiedatum>`,
    labelled('language', NEDERLANDS, i),
    labelled('format', PDF, i),
    `${i}<diwoo:aggregatiekenmerk>${escapeXml(`${index.vergadering.orgaan} ${index.vergadering.datum}`)}</diwoo:aggregatiekenmerk>`,
    ...(e.isPartOf ? [`${i}<diwoo:isPartOf resource="${escapeXml(e.isPartOf)}">${escapeXml(index.bundel.titel)}</diwoo:isPartOf>`] : []),
    ...(e.hasParts?.length ? [`${i}<diwoo:hasParts>`, ...e.hasParts.map((p) => `${i}  <diwoo:hasPart resource="${escapeXml(p)}"/>`), `${i}</diwoo:hasParts>`] : []),
    `${i}<diwoo:documenthandelingen>`,
    `${i}  <diwoo:documenthandeling>`,
    labelled('soortHandeling', VASTSTELLING, `${i}    `),
    `${i}    <diwoo:atTime>${escapeXml(index.bundel.datum)}</diwoo:atTime>`,
    `${i}  </diwoo:documenthandeling>`,
    `${i}</diwoo:documenthandelingen>`,
    '      </diwoo:DiWoo>',
    '    </diwoo:Document>',
    '  </url>',
  ];
  return lines.join('\n');
}

/** Where the bundle will be: `woo.url` from bundel.yaml with the file name, else the file name; the publisher from the settings. */
export function diwooOptions(config: BundelConfig, index: BundleIndex, pdfName: string): DiwooOptions {
  const url = config.woo?.url;
  return {
    loc: url ? `${url}${url.endsWith('/') ? '' : '/'}${pdfName}` : pdfName,
    publisher: { naam: index.vergadering.organisatie ?? index.vergadering.orgaan, tooi: config.woo?.organisatie },
  };
}

/** The sitemap with DiWoo metadata of a public bundle. */
export function diwooSitemap(index: BundleIndex, options: DiwooOptions): string {
  const bundleLoc = asUri(options.loc);
  const page = (n: number): string => `${bundleLoc}#page=${n}`;
  const v = index.vergadering;
  const van = `${v.orgaan}${v.organisatie ? ` van ${v.organisatie}` : ''}`;
  const docs = printed(index);
  const entries: Entry[] = [
    { loc: page(1), titel: `Agenda ${v.orgaan} ${v.datum}`, omschrijving: `Agenda van de vergadering van het ${van} op ${v.datum}.`, soort: SOORT_AGENDA, isPartOf: bundleLoc },
    ...docs.map(({ item, doc }) => ({
      loc: page(doc.eerstePagina!),
      titel: doc.titel,
      omschrijving: `Agendapunt ${item.agendapuntKenmerk}: ${item.agendapuntTitel}${doc.label ? ` (${doc.label})` : ''}.`,
      soort: SOORT_VERGADERSTUK,
      isPartOf: bundleLoc,
    })),
  ];
  const bundle: Entry = {
    loc: bundleLoc,
    titel: index.bundel.titel,
    omschrijving: `Vergaderstukken van de vergadering van het ${van} op ${v.datum}, in één PDF (${index.bundel.paginas} pagina's).`,
    soort: SOORT_VERGADERSTUK,
    hasParts: entries.map((e) => e.loc),
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:diwoo="${DIWOO_NAMESPACE}">`,
    ...[bundle, ...entries].map((e) => entryXml(e, index, options)),
    '</urlset>',
    '',
  ].join('\n');
}

export const diwooOutput: Output = {
  path: (pdfPath) => besidePdf(pdfPath, 'diwoo.xml'),
  when: ({ index }) => index.bundel.openbaar,
  make: ({ index, pdfPath, config }) => diwooSitemap(index, diwooOptions(config, index, path.basename(pdfPath))),
};
