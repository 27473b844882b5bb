/** The base of every fake Office.js object: a path in the request, loads staged until the sync. */
import type { FakeContext } from "./context";
import { FakeOfficeError, notLoaded } from "./errors";

export type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

export function loadPaths(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (Array.isArray(arg)) return arg.flatMap((s) => loadPaths(s));
  return [...loadPaths(arg.select), ...loadPaths(arg.expand)];
}

/** Base of every fake Office.js object: a path in the request, loads staged until sync. */
export abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  readonly id: number;
  private nav = new Map<string, FakeObject>();
  protected abstract readonly typeName: string;
  /** Scalar properties that can be loaded. */
  protected abstract readonly scalars: ReadonlyArray<string>;

  constructor(
    readonly context: FakeContext,
    parent: FakeObject | null,
    pathName: string,
    args: unknown[] = [],
  ) {
    this.id = context.path(pathName, parent ? parent.id : null, args);
  }

  /** A navigation property (created once, as Office.js does). */
  protected child<T extends FakeObject>(name: string, make: () => T): T {
    let c = this.nav.get(name);
    if (!c) {
      c = make();
      this.nav.set(name, c);
    }
    return c as T;
  }

  /** Navigation properties that can be loaded through ("protection/protected"). */
  protected navigation(_name: string): FakeObject | null {
    return null;
  }

  /** Reads a scalar for a load (at sync time). */
  protected abstract compute(prop: string): unknown;

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(this.typeName, prop);
    return this.loaded.get(prop) as T;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    if (paths.length === 0) throw new FakeOfficeError("InvalidArgument", `${this.typeName}.load() without properties loads everything; name the properties to load.`);
    const own: string[] = [];
    const deeper = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length === 0) {
        if (!this.scalars.includes(head)) throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no property "${head}" to load.`);
        own.push(head);
      } else {
        if (!this.navigation(head)) throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no navigation property "${head}".`);
        deeper.set(head, [...(deeper.get(head) ?? []), rest.join("/")]);
      }
    }
    for (const [head, rest] of deeper) (this.navigation(head) as FakeObject).load(rest);
    if (own.length > 0) {
      this.context.queue(2, "", this.id, null, () => this.stage(own), { Select: own });
    }
    return this;
  }

  /** Stages loaded values, committed at the end of a successful sync. */
  protected stage(props: string[]): void {
    const values = props.map((p) => [p, this.compute(p)] as const);
    for (const [, v] of values) this.context.respond(v);
    this.context.staged.push(() => {
      for (const [p, v] of values) this.loaded.set(p, v);
    });
  }

  /** Queues a property set. */
  protected set(name: string, value: unknown, run: () => void): void {
    this.context.queue(4, name, this.id, [value], run);
  }

  /** Queues a method call. */
  protected call(name: string, args: unknown[], run: () => void): void {
    this.context.queue(3, name, this.id, args, run);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An object that may be a null object (the *OrNullObject methods): `isNullObject` is known after sync. */
export abstract class FakeNullable extends FakeObject {
  private nullKnown: boolean | undefined;
  constructor(
    context: FakeContext,
    parent: FakeObject | null,
    pathName: string,
    args: unknown[],
    private readonly nullable: boolean,
  ) {
    super(context, parent, pathName, args);
    if (nullable) {
      context.queue(2, "", this.id, null, () => {
        const isNull = this.isNull();
        context.respond({ _IsNull: isNull });
        context.staged.push(() => (this.nullKnown = isNull));
      });
    }
  }

  protected abstract isNull(): boolean;

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullKnown === undefined) throw notLoaded(this.typeName, "isNullObject");
    return this.nullKnown;
  }

  /** Resolves the target, or throws ItemNotFound / returns null for a null object. */
  protected stageNullable(props: string[]): void {
    if (this.nullable && this.isNull()) return; // a null object loads nothing
    super.stage(props);
  }

  protected override stage(props: string[]): void {
    this.stageNullable(props);
  }
}

/** A path-only object (a navigation step such as ".custom.rule"), with public property sets. */
export class FakeNode extends FakeObject {
  protected readonly typeName: string;
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, parent: FakeObject, name: string) {
    super(context, parent, name);
    this.typeName = name;
  }
  protected compute(): unknown {
    return null;
  }
  node(name: string): FakeNode {
    return this.child(name, () => new FakeNode(this.context, this, name));
  }
  setOn(name: string, v: unknown, run: () => void): void {
    this.set(name, v, run);
  }
}

// ---- ClientResult ---------------------------------------------------------------------------

export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  constructor(context: FakeContext, compute: () => T) {
    context.queue(3, "", 0, null, () => {
      const value = compute();
      context.respond(value);
      context.staged.push(() => {
        this.v = value;
        this.has = true;
      });
    });
  }
  get value(): T {
    if (!this.has) throw notLoaded("ClientResult", "value");
    return this.v as T;
  }
}
