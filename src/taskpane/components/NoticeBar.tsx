/**
 * What the last task did, in the service's words, with a button to open the sheet it made (the
 * Board Report). Not a live region: the pane's one live region reads the result out, so a screen
 * reader hears it once (a Fluent MessageBar would announce it a second time).
 */
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Notice } from "../state";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: "anywhere",
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  info: { backgroundColor: tokens.colorNeutralBackground3 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

export interface NoticeBarProps {
  notice: Notice;
  disabled: boolean;
  onOpen(sheet: string): void;
}

export function NoticeBar({ notice, disabled, onOpen }: NoticeBarProps) {
  const s = useStyles();
  const opens = notice.opens;
  return (
    <div className={`${s.root} ${s[notice.intent]}`} data-testid="notice-bar">
      <Text data-testid="notice">{notice.text}</Text>
      {opens && (
        <Button appearance="primary" size="small" disabled={disabled} onClick={() => onOpen(opens)} data-testid="open-sheet">
          Open {opens}
        </Button>
      )}
    </div>
  );
}
