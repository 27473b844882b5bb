/** `action-plan`: the add-in's engine on .xlsx files. Never modifies its input. */
import { checkJson } from "../core/views";
import { checkCommand, hasErrors, refreshCommand, reportCommand } from "../core/commands";
import { localDay, type IsoDate } from "../core/dates";
import { DEFAULT_SETTINGS, type Settings } from "../core/model";
import { readWorkbook } from "../xlsx/package/open";
import { writeCommand } from "../xlsx/apply";
import { parseArgs, USAGE, UsageProblem, type Args } from "./args";
import { commandFailed, EXIT_UNREADABLE } from "./failure";
import { formatCheck } from "./format";
import { RETURNS_USAGE, runReturns } from "./returns";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export { EXIT_UNREADABLE };

/** Today in the machine's own time zone, as the officer's calendar shows it. */
function today(): IsoDate {
  return localDay(new Date());
}

function settingsOf(args: Args): Settings {
  return {
    ...DEFAULT_SETTINGS,
    amberWindowDays: args.amberWindowDays ?? DEFAULT_SETTINGS.amberWindowDays,
    brag: args.brag,
    ...(args.columns ? { columnMaps: { "*": args.columns } } : {}),
  };
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs one command; returns the exit status. */
export async function run(argv: ReadonlyArray<string>, io: Io, now: () => IsoDate = today): Promise<number> {
  let args: Args;
  try {
    if (argv[0] === "returns" || argv[0] === "merge") return await runReturns(argv, io, now());
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageProblem) {
      io.err(`action-plan: ${e.message}\n${USAGE}\n${RETURNS_USAGE}`);
      return EXIT_UNREADABLE;
    }
    throw e;
  }
  const options = { asOf: args.asOf, today: now(), settings: settingsOf(args) };
  try {
    const { pkg, grids } = await readWorkbook(args.plan);
    if (args.command === "check") {
      const { check } = checkCommand(grids, options);
      io.out(args.json ? JSON.stringify(checkJson(check), null, 2) : formatCheck(check, args.plan));
      return hasErrors(check) ? EXIT_ERRORS : EXIT_OK;
    }
    const plan = args.command === "refresh" ? refreshCommand(grids, options) : reportCommand(grids, options);
    const result = await writeCommand(plan, pkg, args.plan, args.out as string);
    if (result.ok) {
      io.out(result.summary);
      return EXIT_OK;
    }
    io.err(`action-plan: ${result.summary}`);
    return EXIT_ERRORS;
  } catch (e) {
    return commandFailed(e, args.command, args.plan, io);
  }
}

/** The process entry: runs the command line's arguments and sets the exit status. */
export function main(): void {
  run(process.argv.slice(2), { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`action-plan: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT_UNREADABLE;
    },
  );
}
