/** The fake Excel's limits and its errors, shaped like OfficeExtension.Error. */

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;
/** Cells of one range Excel reads at most, on every platform (resource limits of Office Add-ins). */
export const CELL_READ_LIMIT = 5_000_000;
/** Merged areas one getMergedAreasOrNullObject call returns at most (its Office.js documentation). */
export const MERGED_AREAS_LIMIT = 512;

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

