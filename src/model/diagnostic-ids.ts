// The ids of diagnostics that no lint rule reports: the loader's (while reading files) and the
// build's (while laying out and assembling). Lint rules declare their own id in their file
// (src/validate/rules/<id>.ts); src/validate/registry.ts lists every id, and each has a page
// docs/rules/<id>.md (a test checks both ways).

export interface DiagnosticKind {
  /** Permanent kebab-case id, shown with every finding. */
  id: string;
  description: string;
}

/** Reported by `load` while reading files. */
export const LOAD_DIAGNOSTICS = {
  yamlSyntax: { id: 'yaml-syntax', description: 'De YAML is geldig: inspringing, dubbele punten, geen dubbele sleutels, niet te groot of te diep.' },
  frontMatter: { id: 'front-matter', description: 'Een agendapunt begint met YAML-front matter tussen twee regels `---`; andere talen worden niet uitgevoerd.' },
  bestandLeesbaar: { id: 'bestand-leesbaar', description: 'Een agendapunt of instellingenbestand is leesbare UTF-8-tekst van hoogstens 1 MiB.' },
  vergaderingBestand: { id: 'vergadering-bestand', description: 'De map van de vergadering heeft een `vergadering.yaml`.' },
  verzondenVersie: { id: 'verzonden-versie', description: 'Een verzonden versie (`verzonden/<n>.json`) is leesbaar, in het formaat van bundel, en de versies lopen op vanaf 1.' },
  logo: { id: 'logo', description: 'Het logo in bundel.yaml is een bruikbare afbeelding (PNG, JPEG, GIF of SVG) in de repository, van begrensde grootte.' },
} as const satisfies Record<string, DiagnosticKind>;

/** Reported by `bundel build` after the lint rules passed. */
export const BUILD_DIAGNOSTICS = {
  tekensOntbreken: { id: 'tekens-ontbreken', description: 'Tekens die niet in het lettertype staan, worden als leeg vakje gedrukt.' },
  bijlageActieveInhoud: { id: 'bijlage-actieve-inhoud', description: 'Actieve inhoud (JavaScript, acties, multimedia) is uit een bijlage verwijderd.' },
} as const satisfies Record<string, DiagnosticKind>;
