/** Layout issues grouped by sheet and severity, each with its fix hint; a click selects the cell. */
import { Button, Caption1, Link, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { Issue, Severity } from "../../core/model";
import type { CheckView } from "../../core/views";
import { groupIssues, issuesByHint, issueTarget, plural, severityWord } from "../helpers";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sheetHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  severityHeading: {
    margin: `${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: "uppercase",
    letterSpacing: "0.02em",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorNeutralStroke1,
  },
  itemError: { borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  itemWarning: { borderInlineStartColor: tokens.colorPaletteDarkOrangeBorder2 },
  message: { overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  none: { color: tokens.colorNeutralForeground2 },
  run: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  runHint: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface IssuesListProps {
  view: CheckView;
  disabled: boolean;
  onSelect(sheet: string, cell: string): void;
  onFix(issue: Issue): void;
}

function IssueItem({ issue, showHint, disabled, onSelect, onFix }: { issue: Issue; showHint: boolean } & Omit<IssuesListProps, "view">) {
  const s = useStyles();
  const target = issueTarget(issue);
  const edge: Record<Severity, string> = { error: s.itemError, warning: s.itemWarning, info: "" };
  return (
    <li className={mergeClasses(s.item, edge[issue.severity])}>
      <Text className={s.message}>{issue.message}</Text>
      {showHint && issue.hint && <Caption1 className={s.hint}>What to do: {issue.hint}</Caption1>}
      <span className={s.actions}>
        <Link as="button" aria-label={`Go to ${issue.cell || "sheet"} on ${issue.sheet}`} onClick={() => onSelect(issue.sheet, target)}>
          {issue.cell ? `Go to ${issue.cell}` : `Go to sheet ${issue.sheet}`}
        </Link>
        {issue.fix === "add-progress-rag-columns" && (
          <Button size="small" appearance="primary" disabled={disabled} onClick={() => onFix(issue)}>
            Add Progress and RAG columns
          </Button>
        )}
      </span>
    </li>
  );
}

export function IssuesList({ view, disabled, onSelect, onFix }: IssuesListProps) {
  const s = useStyles();
  const groups = groupIssues(view);
  if (groups.length === 0) return <Text className={s.none}>No layout problems found.</Text>;
  const tone: Record<Severity, string> = { error: s.error, warning: s.warning, info: s.info };
  return (
    <div className={s.root}>
      {groups.map((g) => (
        <section key={g.sheet} aria-label={`${g.sheet}: ${plural(g.count, "issue")}`} data-testid={`issues-${g.sheet}`}>
          <h3 className={s.sheetHeading}>
            {g.sheet} ({g.count})
          </h3>
          {g.bySeverity.map((sg) => (
            <div key={sg.severity} data-testid={`issues-${g.sheet}-${sg.severity}`}>
              <h4 className={mergeClasses(s.severityHeading, tone[sg.severity])}>
                {severityWord(sg.severity)} ({sg.issues.length})
              </h4>
              {issuesByHint(sg.issues).map((run) => {
                // A hint shared by several issues is said once, above them.
                const shared = run.issues.length > 1 && run.hint !== "";
                return (
                  <div key={`${run.issues[0].code}-${run.hint}`} className={s.run} data-testid="issue-run">
                    {shared && (
                      <Caption1 className={s.runHint}>
                        What to do for these {run.issues.length}: {run.hint}
                      </Caption1>
                    )}
                    <ul className={s.list}>
                      {run.issues.map((issue, i) => (
                        <IssueItem key={`${issue.code}-${issue.cell}-${i}`} issue={issue} showHint={!shared} disabled={disabled} onSelect={onSelect} onFix={onFix} />
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
