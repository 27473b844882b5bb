/**
 * The one error contract: a failure an officer should read. It carries the officer's sentence
 * (what happened, and whether anything was written) and what to do about it. Every service method
 * of the pane, the ribbon and the command line throws this, and only this, for a failure meant for
 * the officer; anything else is a fault of the product and is shown as a plain "could not finish"
 * without its technical words. No code has to guess from a message's shape whether to show it.
 */
export class OfficerError extends Error {
  override readonly name = "OfficerError";
  /** Set on every OfficerError, so that the test survives a copy of the class in another bundle. */
  readonly officer = true;

  /**
   * @param said what happened, in the officer's words ("Nothing was written. The sheet ... is protected.")
   * @param todo what to do about it, where the sentence itself does not say (may be "")
   */
  constructor(readonly said: string, readonly todo = "") {
    super(todo === "" ? said : `${said} ${todo}`);
  }
}

/** True for an error meant for the officer (an OfficerError from this or another copy of the code). */
export function isOfficerError(e: unknown): e is OfficerError {
  return e instanceof OfficerError || (e instanceof Error && (e as Partial<OfficerError>).officer === true);
}

/** The officer's sentence of an error, or the fallback for a fault of the product. */
export function officerSentence(e: unknown, fallback: string): string {
  return isOfficerError(e) ? e.message : fallback;
}
