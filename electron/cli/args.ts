import { parseArgs } from 'node:util';
import { parseYm, periodDays } from '../../shared/domain/periods';
import { parseViDate } from '../../shared/format/vi';
import { CliFailure } from './output';
import { camel, FLAGS, findCommand, flagHint, GLOBAL_FLAGS, USAGE, usageOf, COMMANDS, type CommandSpec, type FlagName, type Flags } from './spec';

export type CommandLine = { help: true; command: CommandSpec | null } | { help: false; command: CommandSpec; args: string[]; flags: Flags };

type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never;

const OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, spec]) => [
    name,
    { type: spec.kind === 'boolean' ? ('boolean' as const) : ('string' as const), ...('short' in spec ? { short: spec.short } : {}) },
  ]),
);

const isFlag = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);

/**
 * Reads a command line with node's strict parser, then applies what the parser cannot know:
 * which flags and how many arguments each command takes, required flags, and value formats.
 * Every mistake stops here with a Vietnamese message and the usage, before the database opens.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true, tokens: true });
  } catch {
    // The parser's own text is English: find the offending token ourselves and say it in Vietnamese.
    const loose = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
    throw refusal(explainParseFailure(loose.tokens), findCommand(loose.positionals)?.spec ?? null);
  }
  const { values, positionals, tokens } = parsed;
  const found = findCommand(positionals);
  if (values.help) return { help: true, command: found?.spec ?? null };
  if (!positionals.length) throw new CliFailure(USAGE, 2);
  if (!found) throw refusal(unknownCommand(positionals), null);
  const { spec, rest } = found;

  const taken = new Set<string>([...GLOBAL_FLAGS, ...(spec.required ?? []), ...(spec.optional ?? [])]);
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (!taken.has(t.name)) throw refusal(`Lệnh "${spec.name}" không nhận tùy chọn --${t.name}.`, spec);
    if (seen.has(t.name)) throw refusal(`Tùy chọn --${t.name} được cho hai lần; chỉ cho một lần.`, spec);
    seen.add(t.name);
  }
  const expected = spec.args ?? [];
  if (rest.length > expected.length) throw refusal(`Lệnh "${spec.name}" không nhận thêm "${rest[expected.length]}".`, spec);
  const missingArg = expected[rest.length];
  if (missingArg) throw new CliFailure(missingArg.missing, 2);
  for (const name of spec.required ?? []) {
    const v = values[name];
    if (v === undefined || v === '') throw new CliFailure(`Thiếu --${name}.${spec.example ? ` Ví dụ: ${spec.example}` : ''}`, 2);
  }

  const flags: Record<string, string | number | boolean> = {};
  for (const [name, raw] of Object.entries(values)) {
    if (raw === undefined || !isFlag(name)) continue;
    flags[camel(name)] = typeof raw === 'boolean' ? raw : readValue(name, String(raw), spec);
  }
  return { help: false, command: spec, args: rest, flags: flags as Flags };
}

/** Checks a value by the flag's kind and returns it normalised (ISO date, number of a year). */
function readValue(name: FlagName, raw: string, spec: CommandSpec): string | number {
  switch (FLAGS[name].kind) {
    case 'date': {
      const iso = parseViDate(raw);
      if (!iso) throw new CliFailure(`Giá trị --${name} "${raw}" không phải ngày hợp lệ (dd/mm/yyyy).`, 2);
      return iso;
    }
    case 'period':
      if (spec.periodForm === 'span') {
        const span = periodDays(raw);
        if (!span) throw new CliFailure(`Giá trị --${name} "${raw}" không phải kỳ hợp lệ: cần dạng YYYY, YYYY-Qn hoặc YYYY-MM (ví dụ 2026, 2026-Q2, 2026-05).`, 2);
        return raw.trim().toUpperCase();
      }
      if (!parseYm(raw.trim())) throw new CliFailure(`Giá trị --${name} "${raw}" không phải kỳ hợp lệ: cần dạng YYYY-MM (ví dụ 2026-09).`, 2);
      return raw.trim();
    case 'year':
      if (!/^\d{4}$/.test(raw.trim())) throw new CliFailure(`Giá trị --${name} "${raw}" không phải năm hợp lệ: cần 4 chữ số (ví dụ 2026).`, 2);
      return Number(raw.trim());
    default:
      return raw;
  }
}

/** The first token the strict parser refused, in words. */
function explainParseFailure(tokens: Token[]): string {
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (!isFlag(t.name)) return unknownFlag(t.rawName);
    const wantsValue = FLAGS[t.name].kind !== 'boolean';
    if (!wantsValue && t.value !== undefined) return `Tùy chọn ${t.rawName} không nhận giá trị (bỏ "=${t.value}").`;
    const nextIsFlag = !t.inlineValue && t.value !== undefined && looksLikeFlag(t.value);
    if (wantsValue && (t.value === undefined || nextIsFlag)) return `Thiếu giá trị sau ${t.rawName}; viết: ${flagHint(t.name)}.`;
    if (wantsValue && !t.inlineValue && t.value?.startsWith('-')) {
      return `Thiếu giá trị sau ${t.rawName}: "${t.value}" bắt đầu bằng dấu "-" nên được hiểu là một tùy chọn. Nếu đó đúng là giá trị, hãy viết liền: ${t.rawName}=${t.value}`;
    }
  }
  return 'Dòng lệnh không hợp lệ.';
}

const SHORTS = new Set(Object.values(FLAGS).flatMap((f) => ('short' in f ? [`-${f.short}`] : [])));

/** "--json", "--period=…", "-h" or "--": the user left a value out rather than gave one starting with "-". */
function looksLikeFlag(text: string): boolean {
  return text === '--' || SHORTS.has(text) || (text.startsWith('--') && isFlag(text.slice(2).split('=')[0]!));
}

function unknownFlag(raw: string): string {
  const name = raw.replace(/^-+/, '');
  const near = (Object.keys(FLAGS) as FlagName[]).find((f) => distance(f, name) <= Math.max(1, Math.floor(f.length / 4)));
  return `Không có tùy chọn ${raw}.${near ? ` Có phải ý bạn là --${near}?` : ''}`;
}

function unknownCommand(positionals: string[]): string {
  const group = COMMANDS.filter((c) => c.name.startsWith(`${positionals[0]} `)).map((c) => c.name);
  return `Không có lệnh "${positionals.join(' ')}".${group.length ? ` Lệnh "${positionals[0]}" gồm: ${group.join(', ')}.` : ''}`;
}

function refusal(message: string, command: CommandSpec | null): CliFailure {
  return new CliFailure(`${message}\n\n${command ? usageOf(command) : USAGE}`, 2);
}

/** Edit distance, for "did you mean" on a mistyped flag. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
