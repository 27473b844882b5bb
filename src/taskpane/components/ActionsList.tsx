/** Every action with its status and reason, filterable by status; a click selects the action in Excel. */
import { Caption1, Field, Link, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Rag } from "../../core/model";
import { RAG_ORDER, RAG_WORDS } from "../../core/assess";
import type { ActionView, CheckView } from "../../core/views";
import { actionsBySheet, capitalise, officerSays, plural, totalOf, type RagFilter } from "../helpers";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  groupHeading: { margin: `${tokens.spacingVerticalS} 0 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    boxSizing: "border-box",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  ref: { fontWeight: tokens.fontWeightSemibold },
  goto: { marginInlineStart: "auto", color: tokens.colorBrandForegroundLink },
  text: {
    overflowWrap: "anywhere",
    display: "-webkit-box",
    WebkitLineClamp: 3,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  full: { overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  more: { alignSelf: "flex-start", marginInlineStart: tokens.spacingHorizontalS },
  entry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  officer: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1 },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface ActionsListProps {
  view: CheckView;
  brag: boolean;
  onSelect(sheet: string, cell: string): void;
}

/** Action text longer than this may be cut to three lines, so it gets a Show full text link. */
const LONG_ACTION = 120;

function ActionItem({ action, onSelect }: { action: ActionView; onSelect: ActionsListProps["onSelect"] }) {
  const s = useStyles();
  const [expanded, setExpanded] = useState(false);
  const says = officerSays(action);
  const long = action.action.length > LONG_ACTION;
  return (
    <li className={s.entry}>
      <button type="button" className={s.item} onClick={() => onSelect(action.sheet, action.cell)} data-testid="action-item">
        <span className={s.top}>
          <RagBadge rag={action.rag} size="small" />
          <span className={s.ref}>{action.ref ?? "(no ref)"}</span>
          <Caption1 className={s.goto}>
            Go to {action.cell}
          </Caption1>
        </span>
        {action.action && (
          <span className={expanded ? s.full : s.text} data-testid="action-text">
            {action.action}
          </span>
        )}
        <Caption1 className={s.reason}>{action.reason}</Caption1>
        {says && <Caption1 className={s.officer}>{capitalise(says)}</Caption1>}
      </button>
      {long && (
        <Link as="button" className={s.more} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? `Show less of ${action.ref ?? "this action"}` : `Show full text of ${action.ref ?? "this action"}`}
        </Link>
      )}
    </li>
  );
}

export function ActionsList({ view, brag, onSelect }: ActionsListProps) {
  const s = useStyles();
  const [filter, setFilter] = useState<RagFilter>("all");
  const statuses = RAG_ORDER.filter((r) => r !== "blue" || brag || view.counts.blue > 0);
  const groups = actionsBySheet(view, filter);
  const total = totalOf(view.counts);
  return (
    <div className={s.root}>
      <Field label="Show actions">
        <Select value={filter} onChange={(_, data) => setFilter(data.value as RagFilter)}>
          <option value="all">All statuses ({total})</option>
          {statuses.map((r: Rag) => (
            <option key={r} value={r}>
              {RAG_WORDS[r]} only ({view.counts[r]})
            </option>
          ))}
        </Select>
      </Field>
      {groups.length === 0 && (
        <Text className={s.empty}>{filter === "all" ? "No actions were found on the plan sheets." : `No ${RAG_WORDS[filter]} actions.`}</Text>
      )}
      {groups.map((g) => (
        <section key={g.sheet} aria-label={`${g.sheet}: ${plural(g.actions.length, "action")}`}>
          <h3 className={s.groupHeading}>
            {g.sheet} ({g.actions.length})
          </h3>
          <ul className={s.list}>
            {g.actions.map((a) => (
              <ActionItem key={`${a.sheet}!${a.cell}`} action={a} onSelect={onSelect} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
