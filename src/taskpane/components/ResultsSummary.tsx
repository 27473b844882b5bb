/** Counts by status in total and per sheet, each sheet with the date it was worked out at. */
import { Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { IsoDate } from "../../core/dates";
import type { CheckView } from "../../core/views";
import { plural, sheetAsOfCaption, totalOf } from "../helpers";
import { CountBadges } from "./CountBadges";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sheets: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface ResultsSummaryProps {
  view: CheckView | null;
  chosen: IsoDate | null;
  brag: boolean;
}

export function ResultsSummary({ view, chosen, brag }: ResultsSummaryProps) {
  const s = useStyles();
  if (!view) return null;
  const total = view.counts;
  return (
    <section className={s.root} aria-labelledby="results-heading" data-testid="results">
      <div className={s.sheet}>
        <Subtitle2 as="h2" id="results-heading" className={s.heading}>
          All plan sheets: {plural(totalOf(total), "action")}
        </Subtitle2>
        <CountBadges counts={total} label="All plan sheets" brag={brag} />
      </div>
      {view.sheets.length > 0 && (
        <ul className={s.sheets} aria-label="By sheet">
          {view.sheets.map((sheet) => (
            <li key={sheet.name} className={s.sheet} data-testid={`sheet-counts-${sheet.name}`}>
              <Text className={s.sheetName}>
                {sheet.name}: {plural(totalOf(sheet.counts), "action")}
              </Text>
              <Caption1 className={s.muted}>{sheetAsOfCaption(sheet, chosen)}</Caption1>
              <CountBadges counts={sheet.counts} label={sheet.name} brag={brag} />
            </li>
          ))}
        </ul>
      )}
      {view && view.sheets.length === 0 && <Text>No plan sheets were found. Check the sheets ticked in Settings below.</Text>}
    </section>
  );
}
