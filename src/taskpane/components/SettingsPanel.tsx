/** Settings saved in the workbook: amber window, BRAG, and which sheets are plan sheets. */
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Switch, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Settings } from "../../core/model";
import type { SheetChoice } from "../../excel/service";
import { excludedAfter, sheetBox, validateAmberWindow } from "../helpers";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
  days: { width: "7rem" },
  sheetLabel: { overflowWrap: "anywhere" },
});

export interface SettingsPanelProps {
  settings: Settings | null;
  sheets: SheetChoice[];
  disabled: boolean;
  hasResults: boolean;
  onSave(settings: Settings): Promise<boolean>;
}

export function SettingsPanel({ settings, sheets, disabled, hasResults, onSave }: SettingsPanelProps) {
  const s = useStyles();
  const [days, setDays] = useState("");
  const [brag, setBrag] = useState(false);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  /** A change the officer has not saved yet: makes it, and takes away the "saved" line. */
  const edit = (change: () => void) => {
    change();
    setSaved(null);
  };

  // The form shows the settings as read from the workbook, again after each save.
  useEffect(() => {
    if (!settings) return;
    setDays(String(settings.amberWindowDays));
    setBrag(settings.brag);
  }, [settings]);
  const excludedNow = useMemo(() => new Set((settings?.excludedSheets ?? []).map((n) => n.toLowerCase())), [settings]);
  useEffect(() => {
    setUnticked(new Set(sheets.filter((c) => !sheetBox(c, excludedNow).checked && sheetBox(c, excludedNow).enabled).map((c) => c.name.toLowerCase())));
  }, [sheets, excludedNow]);

  const check = validateAmberWindow(days);
  const off = disabled || !settings || saving;

  const save = async () => {
    if (!settings || !check.ok) return;
    setSaving(true);
    setSaved(null);
    const ok = await onSave({ amberWindowDays: check.days, brag, excludedSheets: excludedAfter(settings.excludedSheets, sheets, unticked) });
    setSaving(false);
    if (ok) {
      setSaved(
        hasResults
          ? "Settings saved in this workbook. Choose Check layout or Refresh RAG to see the statuses with them."
          : "Settings saved in this workbook.",
      );
    }
  };

  return (
    <form
      className={s.form}
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field
        label="Amber window (days)"
        hint="An action with no progress reported turns Amber, and a stalled one Red, this many days before its deadline."
        validationState={check.ok ? "none" : "error"}
        validationMessage={check.ok ? undefined : check.message}
      >
        <Input
          className={s.days}
          type="number"
          min={0}
          max={365}
          step={1}
          inputMode="numeric"
          value={days}
          disabled={off}
          onChange={(_, data) => edit(() => setDays(data.value))}
        />
      </Field>
      <Switch
        label="Show complete actions as Blue (BRAG)"
        checked={brag}
        disabled={off}
        onChange={(_, data) => edit(() => setBrag(data.checked))}
      />
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>Plan sheets</legend>
        <Text className={s.note} size={200}>
          Sheets with an action table are ticked. Untick a sheet to leave it out of checks, refreshes and the board report.
        </Text>
        {sheets.length === 0 && <Text className={s.note}>No sheets listed yet.</Text>}
        {sheets.map((c) => {
          const box = sheetBox(c, excludedNow);
          const key = c.name.toLowerCase();
          const checked = box.enabled ? !unticked.has(key) : false;
          return (
            <Checkbox
              key={c.name}
              checked={checked}
              disabled={off || !box.enabled}
              label={<span className={s.sheetLabel}>{box.note ? `${c.name} (${box.note})` : c.name}</span>}
              onChange={(_, data) => {
                const next = new Set(unticked);
                if (data.checked) next.delete(key);
                else next.add(key);
                edit(() => setUnticked(next));
              }}
            />
          );
        })}
      </fieldset>
      <div>
        <Button type="submit" appearance="primary" disabled={off || !check.ok}>
          {saving ? "Saving…" : "Save settings"}
        </Button>
      </div>
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
