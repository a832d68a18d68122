// bundel status [vergadering…]: one screen per named meeting, or a table of all upcoming meetings;
// `--formaat json` for other tools.

import { Option } from 'commander';
import { meetingStatus, type DeadlineStatus, type MeetingStatus } from '../../cycle/status.js';
import { hasErrors } from '../../model/diagnostic.js';
import { listMeetings, loadMeeting, meetingOfCwd, resolveMeetingDir } from '../../load/meeting.js';
import { todayInNetherlands } from '../../util/calendar.js';
import { dutchDate } from '../../util/dutch-date.js';
import type { CliCommand } from '../command.js';
import { parseDate } from '../options.js';
import { count } from '../words.js';

const days = (n: number): string => (Math.abs(n) === 1 ? '1 dag' : `${Math.abs(n)} dagen`);
const left = (d: DeadlineStatus | undefined): string => (!d ? 'niet ingesteld' : d.dagen > 0 ? `nog ${days(d.dagen)}` : d.dagen === 0 ? 'vandaag' : `${days(d.dagen)} geleden`);
const bundleText = (b: MeetingStatus['bundel']): string =>
  b.staat === 'verouderd' ? `verouderd, gewijzigd: ${b.gewijzigd!.join(', ')}` : b.staat === 'onbekend' ? 'gemaakt, maar de index noemt geen bronnen' : b.staat;

function screen(s: MeetingStatus): string {
  const out = [`${s.orgaan}, ${dutchDate(s.datum)} (${s.map}): ${s.dagenTotVergadering >= 0 ? `over ${days(s.dagenTotVergadering)}` : `${days(s.dagenTotVergadering)} geleden`}`];
  for (const [name, d] of [['Aanleverdatum', s.aanleverdatum], ['Verzenddatum', s.verzenddatum]] as const) {
    out.push(`  ${name}: ${d ? `${dutchDate(d.datum)} (${left(d)}; ${d.herkomst})` : 'niet ingesteld'}`);
  }
  out.push(`  Bundel: ${bundleText(s.bundel)}`, `  Verzonden: ${s.verzonden === 'niet vastgelegd' ? s.verzonden : s.verzonden.join(', ')}`, '');
  const width = Math.max(10, ...s.agendapunten.map((i) => i.onderwerp.length));
  for (const i of s.agendapunten) {
    const counts = i.fouten + i.waarschuwingen > 0 ? ` (${count(i.fouten, 'fout')}, ${count(i.waarschuwingen, 'waarschuwing')})` : '';
    // The state is a fixed word in the JSON; on screen one warning is "waarschuwing".
    const state = i.staat === 'waarschuwingen' && i.waarschuwingen === 1 ? 'waarschuwing' : i.staat;
    out.push(`  ${i.nummer.padEnd(4)} ${i.onderwerp.padEnd(width)}  ${state}${i.reden ? `: ${i.reden}` : ''}${counts}`);
  }
  return `${out.join('\n')}\n`;
}

function table(all: MeetingStatus[]): string {
  const rows = [['datum', 'orgaan', 'punten', 'compleet', 'aanleveren', 'verzenden', 'bundel', 'verzonden']];
  for (const s of all) {
    rows.push([s.datum, s.orgaan, String(s.agendapunten.length), String(s.agendapunten.filter((i) => i.staat === 'compleet').length), left(s.aanleverdatum), left(s.verzenddatum), s.bundel.staat, s.verzonden === 'niet vastgelegd' ? s.verzonden : 'ja']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return `${rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n')}\n`;
}

export const statusCommand: CliCommand = {
  register(program, { io, cwd, openRepository, printDiagnostics, setExitCode }) {
    program
      .command('status')
      .description('waar staan de vergaderingen: agendapunten, dagen tot aanleveren en verzenden, is de bundel actueel en verzonden')
      .argument('[vergadering...]', 'datum (JJJJ-MM-DD) of map; zonder: de vergadering van de huidige map, anders een tabel van alle komende vergaderingen')
      .addOption(new Option('-f, --formaat <formaat>', 'tekst of json').choices(['tekst', 'json']).default('tekst'))
      .option('--datum <JJJJ-MM-DD>', 'doe alsof het vandaag deze datum is; standaard vandaag', parseDate)
      .action(async (meetings: string[], opts: { formaat: 'tekst' | 'json'; datum?: string }) => {
        const today = opts.datum ?? todayInNetherlands();
        const { config, diagnostics } = await openRepository();
        if (hasErrors(diagnostics)) {
          printDiagnostics(diagnostics, 'stylish', 'stderr');
          setExitCode(1);
          return;
        }
        // In a meeting folder without a meeting named: that meeting's screen.
        const here = meetings.length === 0 ? meetingOfCwd(config, cwd) : undefined;
        const named = meetings.length > 0 || here !== undefined;
        const dirs = here ? [here] : meetings.length > 0 ? await Promise.all(meetings.map((m) => resolveMeetingDir(config, m, cwd))) : await listMeetings(config, cwd);
        const all: MeetingStatus[] = [];
        for (const dir of dirs) all.push(await meetingStatus((await loadMeeting(config, dir)).meeting, today));
        const shown = named ? all : all.filter((s) => s.dagenTotVergadering >= 0);
        if (opts.formaat === 'json') io.stdout(`${JSON.stringify({ vandaag: today, vergaderingen: shown }, null, 2)}\n`);
        else if (named) io.stdout(shown.map(screen).join('\n'));
        else io.stdout(shown.length > 0 ? table(shown) : `Er zijn geen komende vergaderingen (vandaag is ${dutchDate(today)}).\n`);
        setExitCode(0);
      });
  },
};
