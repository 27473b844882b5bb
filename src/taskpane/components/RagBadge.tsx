/** A status as a badge: always the word (and the number where given), coloured as in the sheet. */
import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Rag } from "../../core/model";
import { RAG_WORDS } from "../../core/assess";
import { STATUS_STYLES } from "../../core/edits";

const colour = (rag: Rag) => {
  const s = STATUS_STYLES.find((x) => x.rag === rag);
  return s ? { backgroundColor: `#${s.fill}`, color: `#${s.font}` } : {};
};

const useStyles = makeStyles({
  base: {
    // Readable in every theme: the sheet's own fill and font (contrast 4.5:1 or more), a border
    // that shows in dark mode and in Windows high contrast (where fills are replaced by system colours).
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    flexShrink: 0,
  },
  red: colour("red"),
  amber: colour("amber"),
  green: colour("green"),
  blue: colour("blue"),
  notReported: colour("not-reported"),
});

export interface RagBadgeProps {
  rag: Rag;
  count?: number;
  size?: "small" | "medium" | "large";
}

export function RagBadge({ rag, count, size = "medium" }: RagBadgeProps) {
  const s = useStyles();
  const fill = rag === "not-reported" ? s.notReported : s[rag];
  const text = count === undefined ? RAG_WORDS[rag] : `${RAG_WORDS[rag]} ${count}`;
  return (
    <Badge appearance="filled" shape="rounded" size={size} className={mergeClasses(s.base, fill)} data-rag={rag}>
      {text}
    </Badge>
  );
}
