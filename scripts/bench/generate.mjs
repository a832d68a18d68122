#!/usr/bin/env node
// Generates, deterministically, the large meeting `npm run bench` measures: a repository with
// bundel.yaml, one meeting of ~25 agenda items and ~60 attachment PDFs (~2000 pages, ~20 MB by
// default). The result is cached in the temp folder, keyed by the parameters and this generator's
// own source, so repeated bench runs reuse it.
//
//   node scripts/bench/generate.mjs [--pages 2000] [--attachments 60] [--items 25] [--seed s] [--fresh] [--json]

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRandom } from './prng.mjs';
import { capitalize, createText, slug } from './text.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const FONT = path.join(REPO, 'templates/fonts/SourceSans3-Regular.ttf');
const BOLD = path.join(REPO, 'templates/fonts/SourceSans3-Bold.ttf');
const MEETING_DATE = '2025-06-18';
const ORGANISATIE = 'Regio Oostrand';

export const DEFAULTS = { pages: 2000, attachments: 60, items: 25, seed: 'bundel-bench-1' };

const PORTEFEUILLEHOUDERS = [
  'De heer J. ter Haar',
  'Mevrouw A. Wolters-Nijhof',
  'De heer P. Klein Gunnewiek',
  'Mevrouw C. de Vries',
  'De heer H. Eggink',
  'Mevrouw S. Lübbers',
];

// Agenda subjects of a regional body; item 1 is mondeling, item 2 stukken, the rest voorstellen.
const SUBJECTS = [
  'Opening en mededelingen',
  'Verslag en actielijst AB 16 april 2025',
  'Kadernota 2026',
  'Jaarstukken 2024 en resultaatbestemming',
  'Eerste begrotingswijziging 2025',
  'Regionale Energiestrategie 2.0',
  'Woningbouwprogramma 2025–2030',
  'Mobiliteitsagenda: bereikbaarheid buitengebied',
  'Arbeidsmarktregio: plan van aanpak tekorten in zorg en techniek',
  'Subsidieregeling vrijetijdseconomie',
  'Digitale agenda en breedband in kleine kernen',
  'Regio Deal: voortgangsrapportage',
  'Lobbyagenda Den Haag en Brussel 2025',
  'Grensoverschrijdende samenwerking met Kreis Borken',
  'Evaluatie gemeenschappelijke regeling',
  'Transitie landelijk gebied en stikstof',
  'Klimaatadaptatie: regionaal uitvoeringsprogramma',
  'Onderwijsagenda en laaggeletterdheid',
  'Cultuurprogramma Oostrand 2026',
  'Zorg en welzijn: regionale visie op wonen met zorg',
  'Risicoparagraaf en weerstandsvermogen',
  'Treasurystatuut',
  'Benoeming leden auditcommissie',
  'Vergaderschema 2026',
  'Zienswijze begroting Omgevingsdienst',
];

const TITLE_PATTERNS = {
  brief: ['Aanbiedingsbrief {o}', 'Brief gemeente {p} over {o}', 'Zienswijze gemeente {p}', 'Reactie provincie Gelderland op {o}', 'Brief van de minister over {o}'],
  rapport: ['{o}: rapportage', 'Notitie {o}', 'Evaluatierapport {o}', 'Plan van aanpak {o}', 'Adviesrapport {o}', 'Uitvoeringsprogramma {o}'],
  tabel: ['Financieel overzicht {o}', 'Verdeelsleutel per gemeente', 'Begrotingstabellen {o}', 'Monitor {o} (cijfers)', 'Projectenlijst {o}'],
  scan: ['Ondertekende intentieverklaring {o}', 'Gescande zienswijze gemeente {p}', 'Getekende overeenkomst {o}', 'Ingekomen brief {p} (scan)'],
};

const TABLE_COLUMNS = [
  ['Gemeente', 'Begroting 2025', 'Aandeel', 'Inwoners', 'Raming 2026', 'Verschil', 'Regels'],
  ['Project', 'Budget', 'Realisatie', 'Nummer', 'Prognose', 'Afwijking', 'Fase', 'Kenmerk'],
  ['Kern', 'Subsidie', 'Dekking', 'Aanvragen', 'Toegekend', 'Gerealiseerd'],
];

/** Largest-remainder split of `total` into integer parts proportional to `weights`, each at least `min`. */
function apportion(total, weights, min = 1) {
  const n = weights.length;
  if (n === 0) return [];
  const spare = total - min * n;
  if (spare < 0) throw new Error(`Cannot split ${total} pages over ${n} documents of at least ${min}.`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * spare);
  const parts = exact.map((x) => Math.floor(x));
  let left = spare - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[order[k % n][1]]++;
  return parts.map((p) => p + min);
}

function shuffle(rnd, list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** YAML scalar: plain when that is unambiguous, otherwise a JSON (= YAML double-quoted) string. */
function yamlScalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  const plainSafe = /^[\p{L}0-9(][^:#\n"'{}[\],&*!|>%@`]*$/u.test(s) && !/\s$/.test(s) && !/^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(s);
  return plainSafe ? s : JSON.stringify(s);
}

/** Plan the meeting: items, attachment specs and who cites which file. Pure: no I/O. */
export function planMeeting({ pages, attachments, items, seed }) {
  const rnd = createRandom(seed);
  const text = createText(rnd.fork('text'));
  const itemCount = Math.max(3, items);
  const subjects = Array.from({ length: itemCount }, (_, i) => (i < SUBJECTS.length ? SUBJECTS[i] : `${SUBJECTS[2 + (i % (SUBJECTS.length - 2))]} (deel ${Math.floor(i / SUBJECTS.length) + 1})`));

  // Which item each attachment belongs to: item 2 (stukken) gets the minutes and the action list,
  // every voorstel at least one, the rest at random.
  const owners = [1, 1];
  for (let i = 2; i < itemCount && owners.length < attachments; i++) owners.push(i);
  while (owners.length < attachments) owners.push(rnd.int(2, itemCount - 1));
  owners.sort((a, b) => a - b);

  // Kinds: letters are short, reports carry most pages, spreadsheets and scans in between.
  const kinds = ['rapport', 'tabel'];
  const quota = { brief: 0.3, tabel: 0.17, scan: 0.2 };
  const rest = attachments - 2;
  const pool = [
    ...Array(Math.round(rest * quota.brief)).fill('brief'),
    ...Array(Math.round(rest * quota.tabel)).fill('tabel'),
    ...Array(Math.round(rest * quota.scan)).fill('scan'),
  ];
  while (pool.length < rest) pool.push('rapport');
  kinds.push(...shuffle(rnd, pool.slice(0, rest)));

  // Pages: letters 1–4 each; scans ~5% and spreadsheets ~12% of the total; reports the rest,
  // with a long tail (a few documents of hundreds of pages, as real meetings have).
  const specs = kinds.map((kind, i) => ({ kind, index: i, owner: owners[i] }));
  const byKind = (k) => specs.filter((s, i) => s.kind === k && i > 1);
  const [minutes, actielijst] = specs;
  minutes.pages = Math.min(6, Math.max(1, Math.round(pages * 0.003)));
  actielijst.pages = Math.min(2, Math.max(1, Math.round(pages * 0.001)));
  for (const s of byKind('brief')) s.pages = rnd.int(1, 4);
  const fixedPages = minutes.pages + actielijst.pages + byKind('brief').reduce((a, s) => a + s.pages, 0);
  const flexible = pages - fixedPages;
  const weightOf = (k) => byKind(k).map(() => Math.exp(rnd.next() * 2.2));
  const scanTotal = Math.max(byKind('scan').length, Math.round(pages * 0.05));
  const tableTotal = Math.max(byKind('tabel').length, Math.round(pages * 0.12));
  for (const [k, total] of [['scan', scanTotal], ['tabel', tableTotal]]) apportion(total, weightOf(k)).forEach((p, j) => (byKind(k)[j].pages = p));
  const reports = byKind('rapport');
  const reportTotal = flexible - scanTotal - tableTotal;
  apportion(reportTotal, reports.map(() => Math.exp(rnd.next() * 3))).forEach((p, j) => (reports[j].pages = p));

  // Titles, file names and the special cases a bundler must get right.
  const used = new Set();
  const tables = byKind('tabel');
  actielijst.columns = ['Nummer', 'Actie', 'Wie', 'Datum', 'Status', 'Opmerking'];
  specs.forEach((s, i) => {
    const r = rnd.fork(`att${i}`);
    const onderwerp = subjects[s.owner].replace(/:.*$/, '');
    const pattern = i === 0 ? `Verslag AB 16 april 2025` : i === 1 ? 'Actielijst AB' : r.pick(TITLE_PATTERNS[s.kind]);
    s.titel = capitalize(pattern.replace('{o}', onderwerp.charAt(0).toLowerCase() + onderwerp.slice(1)).replace('{p}', text.place()));
    let base = slug(s.titel);
    for (let n = 2; used.has(base); n++) base = `${slug(s.titel)}-${n}`;
    used.add(base);
    s.file = `bijlagen/${base}.pdf`;
    s.afzender = s.kind === 'brief' && s.titel.includes('gemeente') ? `Gemeente ${text.place()}` : ORGANISATIE;
    s.objectStreams = r.chance(0.5);
    s.outline = s.pages >= 8 && r.chance(0.6);
    if (s.kind === 'tabel' && !s.columns) s.columns = r.pick(TABLE_COLUMNS);
  });
  if (tables[0]) tables[0].storedRotated = 90;
  if (tables[1]) tables[1].storedRotated = 270;
  if (tables[2]) Object.assign(tables[2], { storedRotated: 90, inheritedRotate: true });
  const letters = byKind('brief');
  if (letters[0]) Object.assign(letters[0], { letterSize: true, cropOffset: 18 });

  // Agenda items with their front matter; a few files are cited by two items (shared).
  const agenda = subjects.map((onderwerp, i) => ({
    nummer: i + 1,
    onderwerp,
    soort: i === 0 ? 'mondeling' : i === 1 ? 'stukken' : 'voorstel',
    bijlagen: specs.filter((s) => s.owner === i).map((s) => ({ titel: s.titel, bestand: s.file })),
  }));
  const sharedCandidates = specs.filter((s) => s.owner >= 2 && s.kind !== 'brief');
  for (let k = 0; k < 3 && sharedCandidates.length > k; k++) {
    const s = sharedCandidates[Math.floor((k + 0.5) * (sharedCandidates.length / 3))];
    let other = 2 + ((s.owner + 7 + k * 5) % (itemCount - 2));
    if (other === s.owner) other = 2 + ((other - 1) % (itemCount - 2));
    agenda[other].bijlagen.push({ titel: s.titel, bestand: s.file });
    s.shared = true;
  }
  const withFiles = agenda.filter((a) => a.soort === 'voorstel' && a.bijlagen.length > 0);
  if (withFiles[1]) withFiles[1].bijlagen.push({ titel: 'Onderliggende dossierstukken (werkdocument)', ter_inzage: `Secretariaat ${ORGANISATIE}, Doetinchem` });
  if (withFiles[4]) withFiles[4].bijlagen[withFiles[4].bijlagen.length - 1].vertrouwelijk = true;

  return { specs, agenda, rnd: rnd.fork('markdown'), text };
}

function itemMarkdown(item, { rnd, text }) {
  const r = rnd.fork(`item${item.nummer}`);
  const fm = [`vergadering: ${MEETING_DATE}`, `agendapunt: ${item.nummer}`, `onderwerp: ${yamlScalar(item.onderwerp)}`, `soort: ${item.soort}`];
  if (item.soort === 'voorstel') {
    fm.push(`portefeuillehouder: ${yamlScalar(PORTEFEUILLEHOUDERS[item.nummer % PORTEFEUILLEHOUDERS.length])}`);
    fm.push('beslispunten:');
    const verbs = ['In te stemmen met', 'Kennis te nemen van', 'Vast te stellen:', 'Het dagelijks bestuur opdracht te geven tot', 'Een bedrag beschikbaar te stellen voor'];
    for (let k = 0; k < r.int(1, 4); k++) fm.push(`  - ${yamlScalar(`${r.pick(verbs)} ${r.pick([text.phrase().toLowerCase(), item.onderwerp.toLowerCase()])}.`)}`);
    if (r.chance(0.5)) fm.push(`procedure: ${yamlScalar(`DB ${r.int(1, 28)} mei 2025`)}`);
    if (r.chance(0.6)) fm.push('consequenties:', `  financieel: ${yamlScalar(`${text.money()} ten laste van de begroting 2025`)}`, '  personeel: Geen');
    if (r.chance(0.4)) fm.push(`communicatie: ${yamlScalar(text.sentence())}`);
    fm.push('contact:', `  naam: ${yamlScalar(text.person())}`, `  telefoon: "0314 ${r.int(300, 399)} ${String(r.int(0, 999)).padStart(3, '0')}"`);
  } else if (item.soort === 'stukken') {
    fm.push('beslispunten:', '  - Het verslag en de actielijst vast te stellen.');
  }
  if (item.bijlagen.length) {
    fm.push('bijlagen:');
    for (const b of item.bijlagen) {
      fm.push(`  - titel: ${yamlScalar(b.titel)}`);
      if (b.bestand) fm.push(`    bestand: ${b.bestand}`);
      if (b.ter_inzage) fm.push(`    ter_inzage: ${yamlScalar(b.ter_inzage)}`);
      if (b.vertrouwelijk) fm.push('    vertrouwelijk: true');
    }
  }

  const body = [];
  if (item.soort === 'mondeling') body.push(`${text.person()} is verhinderd. De voorzitter doet mededeling van de ingekomen stukken.`);
  else if (item.soort === 'stukken') body.push('Het verslag van de vorige vergadering en de bijgewerkte actielijst liggen ter vaststelling voor.');
  else {
    // A citation such as "(bijlage 2)" before the paragraph's last full stop, pointing at a real bijlage.
    const cite = (para) => (item.bijlagen.length && r.chance(0.5) ? `${para.slice(0, -1)} (bijlage ${r.int(1, item.bijlagen.length)}).` : para);
    body.push('## Aanleiding', '', cite(text.paragraph(3, 5)), '', text.paragraph(2, 4), '');
    body.push('## Kernpunten', '');
    for (let k = 0; k < r.int(3, 6); k++) body.push(`- ${text.sentence()}`);
    body.push('');
    if (r.chance(0.35)) {
      body.push('## Financiën', '', '| Onderdeel | 2025 | 2026 | 2027 |', '| --- | ---: | ---: | ---: |');
      for (let k = 0; k < r.int(3, 6); k++) body.push(`| ${capitalize(text.phrase()).slice(0, 50)} | ${text.money()} | ${text.money()} | ${text.money()} |`);
      body.push('');
    }
    body.push('## Toelichting', '', cite(text.paragraph(3, 6)), '', text.paragraph(2, 5));
  }
  return `---\n${fm.join('\n')}\n---\n${body.join('\n')}\n`;
}

/** Runs tasks on worker threads, biggest first; each task writes its own file. */
async function runTasks(tasks, threads, onDone) {
  const queue = [...tasks].sort((a, b) => b.weight - a.weight);
  const workers = Array.from({ length: Math.min(threads, queue.length) }, () => new Worker(path.join(HERE, 'generate-worker.mjs'), { workerData: { fontPath: FONT, boldPath: BOLD } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve, reject) => {
            const next = () => {
              const task = queue.shift();
              if (!task) return resolve();
              worker.once('message', (msg) => {
                if (msg.error) return reject(new Error(`${task.file}: ${msg.error}`));
                onDone(task, msg);
                next();
              });
              worker.postMessage(task);
            };
            worker.once('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function sourceHash() {
  const h = createHash('sha256');
  for (const name of (await readdir(HERE)).filter((n) => n.endsWith('.mjs')).sort()) {
    if (['generate.mjs', 'generate-worker.mjs', 'pdfs.mjs', 'jpeg.mjs', 'text.mjs', 'prng.mjs'].includes(name)) h.update(await readFile(path.join(HERE, name)));
  }
  return h;
}

/**
 * Generate the meeting (or reuse the cached one). Returns the manifest:
 * { root, meetingDir, date, pages, bytes, attachments: [{ file, path, kind, pages, bytes, ... }], bundleFiles, fromCache }.
 */
export async function generateMeeting(options = {}) {
  const params = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([k, v]) => k in DEFAULTS && v !== undefined)) };
  const log = options.log ?? (() => {});
  const key = (await sourceHash()).update(JSON.stringify(params)).digest('hex').slice(0, 12);
  const cacheRoot = options.cacheDir ?? path.join(os.tmpdir(), 'bundel-bench');
  const root = path.join(cacheRoot, `meeting-${params.pages}p-${key}`);
  const manifestFile = path.join(root, 'manifest.json');
  if (!options.fresh && existsSync(manifestFile)) {
    return { ...JSON.parse(await readFile(manifestFile, 'utf8')), root, meetingDir: path.join(root, 'vergaderingen', MEETING_DATE), fromCache: true };
  }

  const started = performance.now();
  const plan = planMeeting(params);
  const work = `${root}.tmp-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  const meetingRel = path.join('vergaderingen', MEETING_DATE);
  const meetingDir = path.join(work, meetingRel);
  await mkdir(path.join(meetingDir, 'bijlagen'), { recursive: true });
  await mkdir(path.join(work, 'scans'), { recursive: true });

  await writeFile(
    path.join(work, 'bundel.yaml'),
    `# Generated by scripts/bench/generate.mjs for \`npm run bench\`: a large, realistic meeting.\norganisatie: ${ORGANISATIE}\nportefeuillehouders:\n${PORTEFEUILLEHOUDERS.map((p) => `  - ${p}`).join('\n')}\nvergaderingen: vergaderingen\n`,
  );
  await writeFile(
    path.join(meetingDir, 'vergadering.yaml'),
    `orgaan: Algemeen Bestuur\ndatum: ${MEETING_DATE}\ntijd: "10:00"\nlocatie: Gemeentehuis, Doetinchem\nvoorzitter: Mevrouw A. Wolters-Nijhof\n`,
  );
  for (const item of plan.agenda) {
    await writeFile(path.join(meetingDir, `${String(item.nummer).padStart(2, '0')}-${slug(item.onderwerp)}.md`), itemMarkdown(item, plan));
  }

  const threads = options.threads ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  // Phase 1: a small pool of scan images (JPEG, 100 dpi); every scanned page embeds its own copy of one.
  const scanPool = { portrait: [], landscape: [] };
  const scanTasks = [];
  for (let i = 0; i < 10; i++) scanTasks.push({ type: 'scan', id: `p${i}`, seed: `${params.seed}:scan:p${i}`, width: 827, height: 1169, file: path.join(work, 'scans', `p${i}.jpg`), weight: 1 });
  for (let i = 0; i < 3; i++) scanTasks.push({ type: 'scan', id: `l${i}`, seed: `${params.seed}:scan:l${i}`, width: 1169, height: 827, file: path.join(work, 'scans', `l${i}.jpg`), weight: 1 });
  await runTasks(scanTasks, threads, () => {});
  for (const t of scanTasks) (t.id.startsWith('p') ? scanPool.portrait : scanPool.landscape).push(t.file);
  log(`scan images ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // Phase 2: the attachment PDFs.
  const sizes = new Map();
  let done = 0;
  const pdfTasks = plan.specs.map((spec) => ({
    type: 'pdf',
    id: spec.file,
    spec,
    seed: `${params.seed}:pdf:${spec.index}`,
    scanPool,
    file: path.join(meetingDir, spec.file),
    weight: spec.pages * (spec.kind === 'scan' ? 0.2 : 1),
  }));
  await runTasks(pdfTasks, threads, (task, msg) => {
    sizes.set(task.spec.file, msg.bytes);
    done += task.spec.pages;
    if (done === params.pages || sizes.size % 10 === 0) log(`${sizes.size}/${pdfTasks.length} attachments, ${done}/${params.pages} pages (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  });
  await rm(path.join(work, 'scans'), { recursive: true, force: true });

  // Files in bundle order (agenda order, each file once), for a plain merge with qpdf.
  const seen = new Set();
  const bundleFiles = [];
  for (const item of plan.agenda) {
    for (const b of item.bijlagen) {
      if (b.bestand && !seen.has(b.bestand)) {
        seen.add(b.bestand);
        bundleFiles.push(b.bestand);
      }
    }
  }
  const attachmentList = plan.specs.map((s) => ({
    file: s.file,
    kind: s.kind,
    pages: s.pages,
    bytes: sizes.get(s.file),
    objectStreams: s.objectStreams,
    outline: s.outline,
    ...(s.shared ? { shared: true } : {}),
    ...(s.storedRotated ? { rotate: s.storedRotated } : {}),
    ...(s.inheritedRotate ? { inheritedRotate: true } : {}),
    ...(s.cropOffset ? { cropOffset: s.cropOffset } : {}),
  }));
  const manifest = {
    params,
    key,
    date: MEETING_DATE,
    meetingRel: meetingRel.split(path.sep).join('/'),
    items: plan.agenda.length,
    pages: attachmentList.reduce((a, s) => a + s.pages, 0),
    bytes: attachmentList.reduce((a, s) => a + s.bytes, 0),
    attachments: attachmentList,
    bundleFiles,
    generatedSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  await writeFile(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(root, { recursive: true, force: true });
  await rename(work, root);
  return { ...manifest, root, meetingDir: path.join(root, meetingRel), fromCache: false };
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--pages') opts.pages = Number(value());
    else if (a === '--attachments') opts.attachments = Number(value());
    else if (a === '--items') opts.items = Number(value());
    else if (a === '--seed') opts.seed = value();
    else if (a === '--threads') opts.threads = Number(value());
    else if (a === '--fresh') opts.fresh = true;
    else if (a === '--json') opts.json = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['pages', 'attachments', 'items', 'threads']) {
    if (k in opts && !(Number.isInteger(opts[k]) && opts[k] > 0)) throw new Error(`--${k} must be a positive integer`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log('usage: node scripts/bench/generate.mjs [--pages 2000] [--attachments 60] [--items 25] [--seed s] [--threads n] [--fresh] [--json]');
  } else {
    const m = await generateMeeting({ ...opts, log: (s) => console.error(s) });
    if (opts.json) console.log(JSON.stringify(m, null, 2));
    else {
      console.log(`${m.fromCache ? 'cached' : `generated in ${m.generatedSeconds} s`}: ${m.meetingDir}`);
      console.log(`${m.items} items, ${m.attachments.length} attachments (${m.bundleFiles.length} in the bundle), ${m.pages} pages, ${(m.bytes / 1e6).toFixed(1)} MB`);
      console.log(`build: node bin/bundel.js --root ${m.root} build ${m.meetingDir} -o out.pdf`);
    }
  }
}
