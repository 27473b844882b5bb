/** The three commands, and a spinner while one runs (the buttons are disabled meanwhile). */
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { TASK_RUNNING, type Task } from "../helpers";

const useStyles = makeStyles({
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  // Each button as wide as its words (never wrapped inside); a row that is too narrow puts the
  // last button on a line of its own, full width (320 px: two, then one).
  button: { flexGrow: 1, flexShrink: 0, flexBasis: "auto", whiteSpace: "nowrap" },
  spinner: { justifyContent: "flex-start" },
});

export interface CommandBarProps {
  disabled: boolean;
  running: Task | null;
  onRun(task: Exclude<Task, "fix">): void;
}

export function CommandBar({ disabled, running, onRun }: CommandBarProps) {
  const s = useStyles();
  const off = disabled || running !== null;
  return (
    <>
      <div className={s.buttons} role="group" aria-label="Commands">
        <Button className={s.button} disabled={off} onClick={() => onRun("check")}>
          Check layout
        </Button>
        <Button className={s.button} appearance="primary" disabled={off} onClick={() => onRun("refresh")}>
          Refresh RAG
        </Button>
        <Button className={s.button} disabled={off} onClick={() => onRun("report")}>
          Build board report
        </Button>
      </div>
      {running && <Spinner className={s.spinner} size="tiny" labelPosition="after" label={TASK_RUNNING[running]} />}
    </>
  );
}
