// Where a command may write, checked for every output before anything is written: never onto a
// file the meeting reads (directly or through a link), never with a name the next build would read
// as an agenda item, and never onto something that is not a regular file (a device such as
// `/dev/null`, a FIFO, a folder): renaming over those would replace them, which as root works.

import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BundelError } from '../model/errors.js';
import { MAX_NAME_BYTES, utf8Length } from '../util/file-name.js';

export interface ProtectedInputs {
  /** Every file the meeting reads (absolute paths; links are resolved here). */
  files: readonly string[];
  /** The meeting folder: a `.md` written there would be read as an agenda item next time. */
  meetingDir?: string;
}

/** The real path a file at `p` has or would have: its own, else its folder's real path plus its name. */
async function realTarget(p: string): Promise<string> {
  const own = await realpath(p).catch(() => undefined);
  if (own) return own;
  let dir = path.dirname(p);
  const rest = [path.basename(p)];
  for (;;) {
    const real = await realpath(dir).catch(() => undefined);
    if (real) return path.join(real, ...rest);
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(p);
    rest.unshift(path.basename(dir));
    dir = parent;
  }
}

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'een map';
  if (st.isFIFO()) return 'een named pipe (FIFO)';
  if (st.isSocket()) return 'een socket';
  return 'een apparaat';
}

/** A path as the user can find it: relative to the working folder (`cwd`) when that is shorter. */
const shownFrom = (cwd: string, p: string): string => {
  const rel = path.relative(cwd, p);
  return rel && rel.length < p.length ? rel : p;
};

const HINT = 'Kies met `-o` een nieuwe bestandsnaam buiten de stukken van de vergadering, bijvoorbeeld `uit/bundel.pdf`, of laat `-o` weg.';

/** Throws a BundelError (exit 2: the place to write is wrong) for the first target that may not be written. */
export async function checkTargets(targets: readonly string[], inputs?: ProtectedInputs, cwd = process.cwd()): Promise<void> {
  const shown = (p: string): string => shownFrom(cwd, p);
  const reads = new Map<string, string>();
  for (const file of inputs?.files ?? []) reads.set(await realTarget(file), file);
  const meetingDir = inputs?.meetingDir ? await realTarget(inputs.meetingDir) : undefined;
  for (const target of targets) {
    const name = path.basename(target);
    if (utf8Length(name) > MAX_NAME_BYTES) {
      throw new BundelError('uitvoer-naam-te-lang', `De bestandsnaam \`${name}\` is ${utf8Length(name)} bytes lang; een bestandsnaam mag hoogstens ${MAX_NAME_BYTES} bytes zijn.`, {
        hint: 'Kies met `-o` een kortere naam (letters met accenten en niet-Latijnse letters tellen voor twee of meer bytes).',
        exitCode: 2,
      });
    }
    const st = await stat(target).catch(() => undefined);
    if (st && !st.isFile()) {
      throw new BundelError('uitvoer-geen-bestand', `Op de plek van de uitvoer \`${shown(target)}\` staat ${kindOf(st)}, geen gewoon bestand; bundel schrijft daar niet.`, { hint: HINT, exitCode: 2 });
    }
    const real = await realTarget(target);
    const input = reads.get(real);
    const linked = (await lstat(target).catch(() => undefined))?.isSymbolicLink() ? ' (via een snelkoppeling)' : '';
    if (input) {
      throw new BundelError('uitvoer-is-invoer', `De uitvoer \`${shown(target)}\` is${linked} een bestand dat de vergadering zelf gebruikt (\`${shown(input)}\`); bundel overschrijft dat niet.`, { hint: HINT, exitCode: 2 });
    }
    if (meetingDir && path.dirname(real) === meetingDir && /\.md$/i.test(real)) {
      throw new BundelError('uitvoer-is-invoer', `De uitvoer \`${shown(target)}\` komt in de map van de vergadering onder een naam die bundel als agendapunt leest.`, { hint: HINT, exitCode: 2 });
    }
  }
}
