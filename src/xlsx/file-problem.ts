/** A problem with a file the officer named: shown as one line, never as a stack trace. */
export class FileProblem extends Error {
  override readonly name = "FileProblem";
}
