// Office files to PDF with a real LibreOffice (`soffice --headless --convert-to pdf`).
// Each conversion runs in a private temporary profile (parallel runs and a user's open LibreOffice
// do not share one), in its own process group that is killed whole at the time limit, and with
// macros off twice over: `--convert-to` loads documents without a MacroExecutionMode (the API's
// default, NEVER_EXECUTE), and the profile also sets DisableMacrosExecution and the highest macro
// security level, and never updates links to other files. The profile also makes every PDF export
// tagged (UseTaggedPDF, for Writer, Calc and Impress alike), so a converted Word file keeps its
// headings, lists and tables in the bundle's structure tree.

import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants, existsSync, statSync } from 'node:fs';
import { access, constants, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_TIMEOUT_S = 120;

export interface Soffice {
  path: string;
  /** "LibreOffice 7.4.7.2 40(Build:2)": part of the cache key and of the index. */
  version: string;
}

export type SofficeLookup = { ok: true; path: string } | { ok: false; configured?: string };

/** Where LibreOffice installs itself when it is not on PATH. */
const WELL_KNOWN = ['/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'];

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `BUNDEL_SOFFICE` when set (and then only that), else `soffice` on PATH, else the usual install folders. */
export function findSoffice(env: NodeJS.ProcessEnv): SofficeLookup {
  const configured = env.BUNDEL_SOFFICE;
  if (configured) return isExecutable(configured) ? { ok: true, path: configured } : { ok: false, configured };
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) if (isExecutable(path.join(dir, name))) return { ok: true, path: path.join(dir, name) };
  }
  const known = WELL_KNOWN.find((f) => existsSync(f));
  return known ? { ok: true, path: known } : { ok: false };
}

/** The time limit per file: `BUNDEL_SOFFICE_TIMEOUT` seconds, default 120. */
export function timeoutSeconds(env: NodeJS.ProcessEnv): number {
  const n = Number(env.BUNDEL_SOFFICE_TIMEOUT);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_TIMEOUT_S;
}

export class ConversionError extends Error {
  constructor(
    readonly kind: 'failed' | 'timeout',
    detail: string,
  ) {
    super(detail);
  }
}

interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

/** Run a program in its own process group; at the time limit the whole group is killed. */
function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let output = '';
    const collect = (chunk: Buffer): void => {
      if (output.length < 16_384) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, output: err.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

const versions = new Map<string, Promise<string>>();

/** `soffice --version`, asked once per binary and process. */
export function sofficeVersion(file: string, env: NodeJS.ProcessEnv): Promise<string> {
  let pending = versions.get(file);
  if (!pending) {
    pending = run(file, ['--version'], env, 30_000).then((r) => {
      const line = r.output.split('\n').find((l) => /\d+\.\d+/.test(l))?.trim();
      if (r.timedOut || !line) throw new ConversionError('failed', `\`${path.basename(file)} --version\` gaf geen versie`);
      return line;
    });
    versions.set(file, pending);
    pending.catch(() => versions.delete(file));
  }
  return pending;
}

// Macros never run, links to other files are never fetched (Calc: 1 = never, Writer: 0 = never);
// PDFs are written tagged (the filter option `UseTaggedPDF`, as a profile default for every filter).
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="UseTaggedPDF" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`;

/** Convert one Office file (its bytes and extension) to PDF bytes; throws ConversionError. */
export async function convertWithSoffice(soffice: Soffice, bytes: Uint8Array, ext: string, options: { env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Uint8Array> {
  const work = await mkdtemp(path.join(tmpdir(), 'bundel-soffice-'));
  try {
    const profile = path.join(work, 'profiel');
    await mkdir(path.join(profile, 'user'), { recursive: true });
    await writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    // A fixed plain name: the user's file name (spaces, accents, a leading dash) never reaches the command line.
    const source = path.join(work, `bron.${ext}`);
    await writeFile(source, bytes);
    const outDir = path.join(work, 'uit');
    await mkdir(outDir);
    // LibreOffice's own temporary files go inside the work folder too, and are removed with it.
    const temp = path.join(work, 'tmp');
    await mkdir(temp);
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--nologo', '--nodefault', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, source];
    const result = await run(soffice.path, args, { ...options.env, SAL_USE_VCLPLUGIN: 'svp', TMPDIR: temp, TMP: temp, TEMP: temp }, options.timeoutMs);
    if (result.timedOut) throw new ConversionError('timeout', `${Math.round(options.timeoutMs / 1000)} s`);
    const pdf = path.join(outDir, 'bron.pdf');
    if (!(await access(pdf, constants.R_OK).then(() => true, () => false))) {
      const said = result.output.split('\n').map((l) => l.trim()).filter((l) => l && !/javaldx|^convert /.test(l));
      throw new ConversionError('failed', said.at(-1)?.slice(0, 200) ?? `geen PDF gemaakt, afsluitcode ${result.code}`);
    }
    return new Uint8Array(await readFile(pdf));
  } finally {
    // A killed LibreOffice may still be letting go of its profile.
    await rm(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
