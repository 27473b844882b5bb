/** Partner returns (README.md, "Partner returns"): make a return per lead, then merge what comes back. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { IsoDate } from "../../core/dates";
import type { ReturnsService } from "../../excel/returns";
import { ReturnsMake } from "./ReturnsMake";
import { ReturnsMerge } from "./ReturnsMerge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface ReturnsPanelProps {
  service: ReturnsService;
  asOf: IsoDate | null;
  disabled: boolean;
  onMerged?(): void;
}

export function ReturnsPanel({ service, asOf, disabled, onMerged }: ReturnsPanelProps) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <div>
        <h3 className={s.heading}>Make returns</h3>
        <ReturnsMake service={service} asOf={asOf} disabled={disabled} />
      </div>
      <div>
        <h3 className={s.heading}>Merge returns</h3>
        <ReturnsMerge service={service} disabled={disabled} onMerged={onMerged} />
      </div>
    </div>
  );
}
