/** "How statuses are worked out": the rules in plain words, with the officer's current settings. */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { DEADLINE_TEXT, DISAGREE_TEXT, PROGRESS_FALLBACK_TEXT, PROGRESS_TEXT, RAG_COLUMN_TEXT, RULES_INTRO, ruleLines } from "../../core/assess";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
});

export function RulesHelp({ amberWindowDays, brag }: { amberWindowDays: number; brag: boolean }) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <Text>{RULES_INTRO}</Text>
      <ul className={s.list} aria-label="Statuses">
        {ruleLines(amberWindowDays, brag).map((line) => (
          <li key={line.rag} className={s.item}>
            <RagBadge rag={line.rag} size="small" />
            <Text>{line.text}</Text>
          </li>
        ))}
      </ul>
      <Text>{PROGRESS_TEXT}</Text>
      <Text>{PROGRESS_FALLBACK_TEXT}</Text>
      <Text>{RAG_COLUMN_TEXT}</Text>
      <Text>{DEADLINE_TEXT}</Text>
      <Text>{DISAGREE_TEXT}</Text>
    </div>
  );
}
