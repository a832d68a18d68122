// Runs the Typst renderer on a second thread, so layout overlaps the copying of attachments.

import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from './renderer.js';
import type { RenderRequest, RenderResponse } from './pool.js';

// Started before the meeting is read: the compiler and fonts load while the main thread reads PDFs.
const renderer = await createRenderer({
  creationDate: workerData?.creationDate ? new Date(workerData.creationDate as number) : undefined,
  pdfStandard: workerData?.pdfStandard === 'a-2b' ? 'a-2b' : undefined,
});

// Warm up while the main thread reads the meeting: the first layout pays for parsing the templates
// and loading the fonts (about half of a small meeting's layout time).
try {
  renderer.renderMemo(
    {
      orgaan: 'Algemeen Bestuur',
      datum: '1 januari 2025',
      agendapunt: '1',
      onderwerp: 'Opwarmen',
      soort: 'voorstel',
      titel: undefined,
      agendatekst: undefined,
      aan: undefined,
      van: undefined,
      portefeuillehouder: 'De heer A. Voorbeeld',
      beslispunten: ['Kennis te nemen van dit voorstel.', 'In te stemmen met het besluit.'],
      toelichting: [{ t: 'heading', level: 2, c: [{ t: 'text', v: 'Kop' }] }, { t: 'para', c: [{ t: 'strong', c: [{ t: 'text', v: 'Vet' }] }, { t: 'text', v: ' en gewone tekst.' }] }],
      procedure: ['DB'],
      vervolgactie: undefined,
      communicatie: undefined,
      mededelingBeslissingAan: undefined,
      meegezonden: [{ nummer: 1, titel: 'Bijlage', pagina: 2 }],
      terInzage: [],
      consequenties: {},
      contact: { naam: 'A. Voorbeeld', telefoon: '06 12 34 56 78' },
      vertrouwelijk: false,
      openbareTitel: undefined,
    },
    { countOnly: true },
  );
} catch {
  // A warm-up failure is not the user's problem; real renders report their own errors.
}

parentPort!.on('message', (request: RenderRequest) => {
  let response: RenderResponse;
  if (request.kind === 'date') {
    renderer.setCreationDate(request.date === undefined ? undefined : new Date(request.date));
    return;
  }
  try {
    const out =
      request.kind === 'agenda'
        ? renderer.renderAgenda(request.input, { countOnly: request.countOnly })
        : request.kind === 'memo'
          ? renderer.renderMemo(request.input, { countOnly: request.countOnly })
          : renderer.renderWithheld(request.input);
    response = { id: request.id, ok: true, out };
    parentPort!.postMessage(response, out.pdf.byteLength > 0 ? [out.pdf.buffer as ArrayBuffer] : []);
  } catch (err) {
    response = { id: request.id, ok: false, message: (err as Error).message };
    parentPort!.postMessage(response);
  }
});
