import { AppError } from '../../shared/contract';
import { openAppCore, type AppCore } from '../core/app/appCore';
import { defaultDataDir } from '../core/app/dataDir';
import { parseCommandLine } from './args';
import * as arrearsCommands from './arrearsCommands';
import * as campaignCommands from './campaignCommands';
import * as campaignImportCommands from './campaignImportCommands';
import * as commands from './commands';
import * as emulationCommands from './emulationCommands';
import * as importCommands from './importCommands';
import * as networkCommands from './networkCommands';
import * as networkImportCommands from './networkImportCommands';
import * as officeCommands from './officeCommands';
import * as peopleCommands from './peopleCommands';
import * as peopleImportCommands from './peopleImportCommands';
import { CliFailure, exitCodeOf } from './output';
import * as reportCommands from './reportCommands';
import * as resultsCommands from './resultsCommands';
import { USAGE, usageOf, type Flags } from './spec';
import { lineWriter } from './stdio';

type Run = (core: AppCore, io: commands.CliIo, args: string[], flags: Flags) => Promise<number>;

const RUN: Record<string, Run> = {
  'units import': (core, io, [file], f) => commands.unitsImport(core, io, file!, { validFrom: f.validFrom, dryRun: f.dryRun }),
  'units list': (core, io, _, f) => commands.unitsList(core, io, { asOf: f.asOf, query: f.query }),
  'offices list': (core, io, _, f) => officeCommands.officesList(core, io, { asOf: f.asOf, query: f.query }),
  'offices import': (core, io, [file], f) => officeCommands.officesImport(core, io, file!, { validFrom: f.validFrom, dryRun: f.dryRun }),
  'agents import': (core, io, [file], f) => networkImportCommands.agentsImport(core, io, file!, { dryRun: f.dryRun }),
  'staff results-import': (core, io, [file], f) => networkImportCommands.staffResultsImport(core, io, file!, { period: f.period, dryRun: f.dryRun }),
  backup: (core, io) => commands.backup(core, io),
  backups: (core, io) => commands.backups(core, io),
  restore: (core, io, [file]) => commands.restore(core, io, file!),
  demo: (core, io) => commands.demo(core, io),
  import: (core, io, [file], f) => importCommands.importReport(core, io, file!, { period: f.period, dryRun: f.dryRun, skipErrorRows: f.skipErrorRows }),
  'imports list': (core, io) => importCommands.importsList(core, io),
  'imports undo': (core, io, [batch]) => importCommands.importsUndo(core, io, batch!),
  results: (core, io, _, f) => resultsCommands.results(core, io, { period: f.period, indicator: f.indicator, unit: f.unit, source: f.source }),
  'results set': (core, io, _, f) => resultsCommands.resultsSet(core, io, { unit: f.unit, indicator: f.indicator, asOf: f.asOf, value: f.value }),
  'targets set': (core, io, _, f) =>
    resultsCommands.targetsSet(core, io, {
      unit: f.unit, indicator: f.indicator, year: f.year, value: f.value, source: f.source,
      decisionNo: f.decisionNo, decisionDate: f.decisionDate, revise: f.revise,
    }),
  report: (core, io, _, f) => reportCommands.report(core, io, { period: f.period!, scope: f.scope, out: f.out!, sections: f.sections, sort: f.sort, groupBy: f.groupBy }),
  'agents list': (core, io, _, f) => networkCommands.agentsList(core, io, { office: f.office, kind: f.kind, query: f.query }),
  'staff list': (core, io, _, f) => networkCommands.staffList(core, io, { agent: f.agent, office: f.office, query: f.query }),
  'staff ranking': (core, io, _, f) => networkCommands.staffRanking(core, io, { period: f.period, indicator: f.indicator, by: f.by, office: f.office }),
  network: (core, io, _, f) => networkCommands.network(core, io, { period: f.period, office: f.office }),
  'campaigns import': (core, io, [file], f) => campaignImportCommands.campaignsImport(core, io, file!, { dryRun: f.dryRun }),
  'campaigns list': (core, io, _, f) => campaignCommands.campaignsList(core, io, { period: f.period, office: f.office, kind: f.kind }),
  'emulation score': (core, io, _, f) => emulationCommands.emulationScore(core, io, { period: f.period, level: f.level, office: f.office }),
  'arrears import': (core, io, [file], f) => arrearsCommands.arrearsImport(core, io, file!, { period: f.period, office: f.office, dryRun: f.dryRun }),
  'arrears summary': (core, io, _, f) => arrearsCommands.arrearsSummary(core, io, { period: f.period!, office: f.office }),
  'people import': (core, io, [file], f) => peopleImportCommands.peopleImport(core, io, file!, { list: f.list, dryRun: f.dryRun }),
  'people search': (core, io, [text], f) => peopleCommands.peopleSearch(core, io, text!, { commune: f.commune, list: f.list }),
  'people assign': (core, io, _, f) => peopleCommands.peopleAssign(core, io, { commune: f.commune!, hamlet: f.hamlet, staff: f.staff!, list: f.list }),
  'people export': (core, io, _, f) => peopleCommands.peopleExport(core, io, { staff: f.staff!, out: f.out!, list: f.list }),
  'people lists': (core, io) => peopleCommands.peopleLists(core, io),
  'people delete-list': (core, io, [name]) => peopleCommands.peopleDeleteList(core, io, name!),
};

/** `npm run cli -- <command>`: the same handlers the app uses, for scripts and for support staff. */
export async function runCli(argv: string[], out = (t: string) => console.log(t), err = (t: string) => console.error(t)): Promise<number> {
  let line;
  try {
    line = parseCommandLine(argv);
    if (!line.help) {
      networkCommands.checkFlags(line.command.name, line.flags);
      campaignCommands.checkFlags(line.command.name, line.flags);
      if (line.command.name === 'emulation score') emulationCommands.checkFlags(line.flags);
    }
  } catch (error) {
    err((error as Error).message);
    return error instanceof CliFailure ? error.exitCode : 2;
  }
  if (line.help) {
    out(line.command ? usageOf(line.command) : USAGE);
    return 0;
  }
  const io: commands.CliIo = { json: Boolean(line.flags.json), out };
  let core;
  try {
    core = await openAppCore({ dataDir: line.flags.dataDir ?? defaultDataDir(), mode: 'cli', skipDailyBackup: true, databaseUrl: line.flags.database, databaseEnv: process.env.BHXH_DATABASE_URL });
  } catch (error) {
    err(error instanceof AppError ? error.message : `Lỗi: ${(error as Error).message}`);
    return 1;
  }
  try {
    return await RUN[line.command.name]!(core, io, line.args, line.flags);
  } catch (error) {
    if (error instanceof AppError) {
      if (io.json) out(JSON.stringify({ status: 'rejected', error: error.toShape() }, null, 2));
      err(error.message);
      return exitCodeOf(error);
    }
    if (error instanceof CliFailure) {
      err(error.message);
      return error.exitCode;
    }
    err(`Lỗi: ${(error as Error).message}`);
    return 1;
  } finally {
    await core.close();
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isEntry) {
  const stdout = lineWriter(process.stdout);
  const stderr = lineWriter(process.stderr);
  runCli(process.argv.slice(2), stdout.line, stderr.line)
    .catch((error: unknown) => {
      stderr.line(`Lỗi: ${(error as Error)?.message ?? String(error)}`);
      return 1;
    })
    // Exit only once the output has left: a pipe reader gets all of it, however large.
    .then(async (code) => {
      await Promise.all([stdout.drained(), stderr.drained()]);
      process.exit(code);
    });
}
