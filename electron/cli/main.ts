import { parseArgs } from 'node:util';
import { AppError } from '../../shared/contract';
import { openAppCore } from '../core/app/appCore';
import { defaultDataDir } from '../core/app/dataDir';
import * as commands from './commands';
import * as importCommands from './importCommands';
import * as reportCommands from './reportCommands';
import * as resultsCommands from './resultsCommands';
import { CliFailure } from './output';

/** `npm run cli -- <command>`: the same handlers the app uses, for scripts and for support staff. */
export async function runCli(argv: string[], out = (t: string) => console.log(t), err = (t: string) => console.error(t)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' }, json: { type: 'boolean' }, 'valid-from': { type: 'string' },
        'dry-run': { type: 'boolean' }, 'as-of': { type: 'string' }, query: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        period: { type: 'string' }, indicator: { type: 'string' }, unit: { type: 'string' }, year: { type: 'string' }, value: { type: 'string' },
        'skip-error-rows': { type: 'boolean' },
        scope: { type: 'string' }, out: { type: 'string' }, sections: { type: 'string' }, sort: { type: 'string' }, 'group-by': { type: 'string' },
        source: { type: 'string' }, 'decision-no': { type: 'string' }, 'decision-date': { type: 'string' }, revise: { type: 'boolean' },
      },
    });
  } catch (error) {
    err(`Tùy chọn không hợp lệ: ${(error as Error).message}\n\n${commands.USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, sub, arg] = positionals;
  if (!command || values.help) {
    (values.help ? out : err)(commands.USAGE);
    return values.help ? 0 : 2;
  }
  const io: commands.CliIo = { json: Boolean(values.json), out };
  let core;
  try {
    core = await openAppCore({ dataDir: values['data-dir'] ?? defaultDataDir(), mode: 'cli', skipDailyBackup: true });
  } catch (error) {
    err(error instanceof AppError ? error.message : `Lỗi: ${(error as Error).message}`);
    return 1;
  }
  try {
    const grouped = command === 'units' || command === 'targets' || command === 'imports' || (command === 'results' && sub === 'set');
    switch (`${command}${grouped ? ' ' + (sub ?? '') : ''}`) {
      case 'import': return await importCommands.importReport(core, io, sub, { period: values.period, dryRun: values['dry-run'], skipErrorRows: values['skip-error-rows'] });
      case 'imports list': return await importCommands.importsList(core, io);
      case 'imports undo': return await importCommands.importsUndo(core, io, arg);
      case 'results': return await resultsCommands.results(core, io, { period: values.period, indicator: values.indicator, unit: values.unit, source: values.source });
      case 'results set': return await resultsCommands.resultsSet(core, io, { unit: values.unit, indicator: values.indicator, asOf: values['as-of'], value: values.value });
      case 'targets set':
        return await resultsCommands.targetsSet(core, io, {
          unit: values.unit, indicator: values.indicator, year: values.year, value: values.value, source: values.source,
          decisionNo: values['decision-no'], decisionDate: values['decision-date'], revise: values.revise,
        });
      case 'units import': return await commands.unitsImport(core, io, arg, { validFrom: values['valid-from'], dryRun: values['dry-run'] });
      case 'units list': return await commands.unitsList(core, io, { asOf: values['as-of'], query: values.query });
      case 'backup': return await commands.backup(core, io);
      case 'backups': return await commands.backups(core, io);
      case 'restore': return await commands.restore(core, io, sub);
      case 'demo': return await commands.demo(core, io);
      case 'report':
        return await reportCommands.report(core, io, { period: values.period, scope: values.scope, out: values.out, sections: values.sections, sort: values.sort, groupBy: values['group-by'] });
      default:
        err(`Không có lệnh "${positionals.join(' ')}".\n\n${commands.USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof CliFailure) {
      if (io.json && error.payload) out(JSON.stringify({ status: 'rejected', error: error.payload }, null, 2));
      err(error.message);
      return error.exitCode;
    }
    err(`Lỗi: ${(error as Error).message}`);
    return 1;
  } finally {
    core.close();
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isEntry) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
