/** File problems the officer is told in one line (exit 2): never a stack trace. */
import * as fs from "node:fs";
import * as path from "node:path";

/** A problem with a file the officer named: shown as one line, never as a stack trace. */
export class FileProblem extends Error {
  override readonly name = "FileProblem";
}

/** Refuses an output that is the input itself or lies in a folder that does not exist. */
export function checkOutputPath(out: string, input: string): void {
  if (path.resolve(out) === path.resolve(input)) {
    throw new FileProblem(`will not overwrite the plan ${input}: give --out another file name`);
  }
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new FileProblem(`cannot write ${out}: the folder ${dir} does not exist`);
}
