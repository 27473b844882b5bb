/** The as-of date: a date box defaulting to the report date, and in words which date is in use and why. */
import { Caption1, Field, Input, Link, makeStyles, Text, tokens, useId } from "@fluentui/react-components";
import type { IsoDate } from "../../core/dates";
import type { DefaultAsOf } from "../../excel/service";
import type { SheetView } from "../../core/views";
import { asOfCaption, asOfDetail, parseDateInput } from "../helpers";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  input: { maxWidth: "100%", minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
});

export interface AsOfBarProps {
  chosen: IsoDate | null;
  fallback: DefaultAsOf | null;
  /** The plan sheets of the latest results (their as-of dates), or null before any. */
  sheets?: ReadonlyArray<Pick<SheetView, "name" | "asOf">> | null;
  disabled: boolean;
  /** False when the pane cannot reach a workbook (outside Excel, or an Excel too old). */
  available?: boolean;
  onChoose(date: IsoDate | null): void;
}

export function AsOfBar({ chosen, fallback, sheets = null, disabled, available = true, onChoose }: AsOfBarProps) {
  const s = useStyles();
  const captionId = useId("as-of-caption");
  const value = chosen ?? fallback?.date ?? "";
  return (
    <div className={s.root}>
      <Field label="As-of date (statuses are worked out at this date)">
        <Input
          className={s.input}
          type="date"
          value={value}
          disabled={disabled}
          aria-describedby={captionId}
          onChange={(_, data) => {
            const date = parseDateInput(data.value);
            if (date) onChoose(date);
            else if (data.value.trim() === "") onChoose(null);
          }}
        />
      </Field>
      <div id={captionId}>
        <Text className={s.caption} block data-testid="as-of-caption">
          {available ? asOfCaption(chosen, fallback, sheets) : "No workbook: the report date is read once the pane runs in Excel."}
        </Text>
        {available && (
          <Caption1 className={s.detail} block>
            {asOfDetail(chosen)}{" "}
            {chosen && (
              <Link as="button" disabled={disabled} onClick={() => onChoose(null)}>
                Use each sheet&apos;s report date
              </Link>
            )}
          </Caption1>
        )}
      </div>
    </div>
  );
}
