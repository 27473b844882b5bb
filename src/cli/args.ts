/** The command line's words: `action-plan check|refresh|report PLAN.xlsx [--out OUT.xlsx] [--as-of YYYY-MM-DD] [--json]`. */
import { isIsoDate, type IsoDate } from "../core/dates";
import type { SheetColumnMap } from "../core/model";
import { parseColumnMap } from "../core/read";

export type Command = "check" | "refresh" | "report";

export interface Args {
  command: Command;
  plan: string;
  out: string | null;
  asOf: IsoDate | null;
  json: boolean;
  amberWindowDays: number | null;
  brag: boolean;
  /** --columns "Action=D,Time-scale=G": the column map for every sheet, or null. */
  columns: SheetColumnMap | null;
}

/** A mistake in the command line, shown with the usage. */
export class UsageProblem extends Error {
  override readonly name = "UsageProblem";
}

export const USAGE = `Usage:
  action-plan check   PLAN.xlsx [--as-of YYYY-MM-DD] [--json] [--columns MAP]
  action-plan refresh PLAN.xlsx --out OUT.xlsx [--as-of YYYY-MM-DD]
  action-plan report  PLAN.xlsx --out OUT.xlsx [--as-of YYYY-MM-DD]
Options:
  --as-of YYYY-MM-DD     the date statuses are computed at (default: each sheet's report-date line, else today)
  --amber-window DAYS    days before a deadline that count as close (default 30)
  --brag                 show complete actions as Blue
  --json                 (check) print one JSON object
  --columns MAP          which column is each role on every plan sheet, over the workbook's own map:
                         "Action=D,Time-scale=G,Lead=F" (Ref, Action, Time-scale, Lead, Progress,
                         Progress comments, Objective, ...; plan=no for a sheet that is not a plan)`;

/** The value of the option just read, taken from the words that follow it. */
export interface OptionValue {
  /** The next word (a UsageProblem when there is none, or it is another option). */
  value(): string;
  /** The next word as a date written YYYY-MM-DD. */
  date(): IsoDate;
}

/** Each word after the command, in order, with a way to take the option's value from the words after it. */
export function eachWord(words: ReadonlyArray<string>, on: (word: string, take: OptionValue) => void): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const value = () => {
      const v = words[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageProblem(`${word} needs a value`);
      return v;
    };
    const date = () => {
      const v = value();
      if (!isIsoDate(v)) throw new UsageProblem(`${word} must be a date written YYYY-MM-DD, not "${v}"`);
      return v;
    };
    on(word, { value, date });
  }
}

/** The parsed command line, or a UsageProblem. */
export function parseArgs(argv: ReadonlyArray<string>): Args {
  const [command, ...rest] = argv;
  if (command !== "check" && command !== "refresh" && command !== "report") {
    throw new UsageProblem(command === undefined ? "no command given" : `unknown command "${command}"`);
  }
  const args: Args = { command, plan: "", out: null, asOf: null, json: false, amberWindowDays: null, brag: false, columns: null };
  const positional: string[] = [];
  eachWord(rest, (a, { value, date }) => {
    if (a === "--json") args.json = true;
    else if (a === "--brag") args.brag = true;
    else if (a === "--out" || a === "-o") args.out = value();
    else if (a === "--columns") {
      const v = value();
      try {
        args.columns = parseColumnMap(v);
      } catch (e) {
        throw new UsageProblem(`--columns: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else if (a === "--as-of") args.asOf = date();
    else if (a === "--amber-window") {
      const v = value();
      const n = Number(v);
      if (!/^\d{1,4}$/.test(v) || n > 3650) throw new UsageProblem(`--amber-window must be a whole number of days (0-3650), not "${v}"`);
      args.amberWindowDays = n;
    } else if (a.startsWith("-")) throw new UsageProblem(`unknown option ${a}`);
    else positional.push(a);
  });
  if (positional.length !== 1) throw new UsageProblem(positional.length === 0 ? "no plan workbook named" : `one plan workbook at a time (got ${positional.join(", ")})`);
  args.plan = positional[0];
  if (command !== "check" && args.out === null) throw new UsageProblem(`${command} needs --out OUT.xlsx (the plan itself is never modified)`);
  if (command === "check" && args.out !== null) throw new UsageProblem("check writes nothing: --out is for refresh and report");
  return args;
}
