/**
 * The column map the officer corrects: for a sheet, which column is each role (a dropdown of the
 * sheet's columns, headed by what the reader chose and why) and whether the sheet is a plan.
 * Saved in the workbook, so the ribbon and the command line read it too.
 */
import { Button, Checkbox, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { ColumnRole, SheetColumnMap } from "../../core/model";
import type { CheckView, SheetColumnsView } from "../../core/views";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ColumnMapProps {
  view: CheckView;
  disabled: boolean;
  onSave(sheet: string, map: SheetColumnMap | null): void;
}

type Choice = Partial<Record<ColumnRole, number | null>>;

const NONE = "";

/** The choices as read: each role's column (null where the reader found none). */
function readChoice(columns: SheetColumnsView): Choice {
  return Object.fromEntries(columns.roles.map((r) => [r.role, r.col]));
}

/** The map to save from the officer's choices: every role given a column, and the plan flag where it changed. */
export function mapFromChoice(choice: Choice, isPlan: boolean, columns: SheetColumnsView): SheetColumnMap {
  const map: SheetColumnMap = { columns: {} };
  for (const [role, col] of Object.entries(choice) as [ColumnRole, number | null][]) if (col !== null && col !== undefined) map.columns[role] = col;
  const readAsPlan = columns.notPlan === null;
  if (isPlan !== readAsPlan) map.plan = isPlan;
  return map;
}

export function ColumnMap({ view, disabled, onSave }: ColumnMapProps) {
  const s = useStyles();
  const [sheetName, setSheetName] = useState(view.sheets[0]?.name ?? "");
  const sheet = view.sheets.find((x) => x.name === sheetName) ?? view.sheets[0];
  const columns = sheet?.columnMap;
  const [choice, setChoice] = useState<Choice>(() => (columns ? readChoice(columns) : {}));
  const [isPlan, setIsPlan] = useState(() => columns?.notPlan === null);

  // The form starts from what the reader chose, again after each check or save.
  useEffect(() => {
    if (!columns) return;
    setChoice(readChoice(columns));
    setIsPlan(columns.notPlan === null);
  }, [columns]);

  const options = useMemo(() => (columns ? columns.columns.map((c) => ({ value: String(c.col), label: c.heading ? `${c.letter}: ${c.heading}` : `${c.letter}` })) : []), [columns]);
  if (!sheet || !columns) return <Text className={s.note}>Check layout first: the column map shows how each sheet was read.</Text>;

  return (
    <form className={s.form} aria-label="Column map" onSubmit={(e) => e.preventDefault()}>
      <Field label="Sheet">
        <Select value={sheet.name} disabled={disabled} onChange={(_, d) => setSheetName(d.value)} data-testid="column-map-sheet">
          {view.sheets.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      {columns.notPlan && <Text className={s.note}>Not read as a plan sheet: {columns.notPlan}.</Text>}
      <Checkbox label="This sheet is a plan sheet" checked={isPlan} disabled={disabled} onChange={(_, d) => setIsPlan(d.checked === true)} />
      {columns.roles.map((r) => (
        <Field key={r.role} label={r.name} hint={r.col === null ? "Not found" : `Column ${columns.columns[r.col]?.letter ?? r.col + 1}, read from ${r.why}`}>
          <Select
            aria-label={`${r.name} column`}
            value={choice[r.role] === null || choice[r.role] === undefined ? NONE : String(choice[r.role])}
            disabled={disabled || !isPlan}
            onChange={(_, d) => setChoice({ ...choice, [r.role]: d.value === NONE ? null : Number(d.value) })}
          >
            <option value={NONE}>(none)</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <div className={s.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => onSave(sheet.name, mapFromChoice(choice, isPlan, columns))}>
          Save column map
        </Button>
        <Button disabled={disabled} onClick={() => onSave(sheet.name, null)}>
          Read from the headings again
        </Button>
      </div>
    </form>
  );
}
