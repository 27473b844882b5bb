/** How a command that could not finish ends, the same for every command of the command line. */
import { FileProblem } from "../xlsx/file-problem";

/** The exit status of a file that cannot be read or written, or a command that could not finish. */
export const EXIT_UNREADABLE = 2;

/** Says why `command` on `file` failed (a FileProblem in its own words) and returns EXIT_UNREADABLE. */
export function commandFailed(e: unknown, command: string, file: string, io: { err: (text: string) => void }): number {
  if (e instanceof FileProblem) {
    io.err(`action-plan: ${e.message}`);
    return EXIT_UNREADABLE;
  }
  const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
  io.err(`action-plan: could not finish ${command} on ${file}: ${reason}`);
  return EXIT_UNREADABLE;
}
