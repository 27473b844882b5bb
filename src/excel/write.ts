/**
 * Writes queued in as few requests as Excel allows.
 *
 * Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded); the desktop has
 * no such limit, but one rule for both keeps a command's behaviour the same everywhere. Every
 * write in src/excel/apply.ts first asks the batch for room, with an estimate of the bytes the
 * operation adds to Office.js's request; when the next operation would take the pending request
 * past REQUEST_BUDGET_BYTES, the batch syncs first. So a command's writes take one sync unless
 * they pass the budget, and then one more per budget's worth.
 *
 * The estimate follows the JSON Office.js sends: a request lists object paths (such as
 * `{"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,"ArgumentInfo":{"Arguments":["I28"]}}`,
 * each with an Instantiate action) and actions on them
 * (`{"Id":9,"ActionType":4,"Name":"Values","ObjectPathId":7,"ArgumentInfo":{"Arguments":[...]}}`):
 * about 170 bytes for each object reached and 95 for each action, plus the JSON of the arguments
 * and values, rounded up. The budget leaves a megabyte of the 5 MB for what the estimate misses.
 *
 * Undo: Excel makes one undo step of each sync that changes the workbook, so a write of one
 * request is one undo step anyway; where the writes need more than one request, ExcelApi 1.20's
 * `mergeUndoGroup` (see office-service.ts) makes them one.
 */

/** Flush before a request passes this many (estimated) bytes. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Estimated bytes of reaching one object (a range, a format, a collection). */
export const PATH_BYTES = 170;
/** Estimated bytes of one action (a property set, a method call) besides its arguments. */
export const ACTION_BYTES = 95;

/** UTF-8 length of a string (no TextEncoder needed). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated request bytes of `paths` objects reached and `actions` actions carrying `args`. */
export function estimate(paths: number, actions: number, ...args: unknown[]): number {
  let bytes = paths * PATH_BYTES + actions * ACTION_BYTES;
  for (const a of args) bytes += a === undefined ? 0 : utf8Length(JSON.stringify(a));
  return bytes;
}

export interface BatchStats {
  /** Syncs this batch made. */
  syncs: number;
  /** Estimated bytes of each request sent. */
  requests: number[];
}

/** A write that syncs whenever the pending request would pass the budget. */
export class WriteBatch {
  private pending = 0;
  readonly stats: BatchStats = { syncs: 0, requests: [] };

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number = REQUEST_BUDGET_BYTES,
  ) {}

  /** Makes room for an operation of about `bytes` bytes, syncing what is pending if needed. */
  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  /** Sends what is pending (nothing happens when nothing is). */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const bytes = this.pending;
    this.pending = 0;
    await this.context.sync();
    this.stats.syncs++;
    this.stats.requests.push(bytes);
  }
}
