// The Handlebars engine for the user's text templates in bundel.yaml (stempel, titel, bestandsnaam),
// shared by lint and build so that lint refuses exactly what a build would. Outputs are not HTML, so
// there is no HTML escaping; `{{log}}` writes nothing (only the CLI prints); there are no partials.

import Handlebars from 'handlebars';

export type TemplateFunction = (data: object) => string;

/** Compile and return the template; throws Handlebars' own error when it does not parse. */
export function compileTemplate(source: string): TemplateFunction {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('log', () => '');
  const template = handlebars.compile(source, { noEscape: true, strict: false });
  return (data) => template(data);
}

/** The values a template sees, as lint tries them: like a real meeting's, for both builds. */
export function sampleTemplateData(values: { organisatie?: string; orgaan?: string; datum?: string; iso?: string }, openbaar: boolean): Record<string, unknown> {
  return {
    organisatie: values.organisatie ?? 'Organisatie',
    orgaan: values.orgaan || 'Algemeen Bestuur',
    datum: values.datum || '5 maart 2025',
    iso: values.iso || '2025-03-05',
    openbaar,
    pagina: 1,
    totaal: 1,
  };
}
