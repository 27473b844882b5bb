/** Counts by status as a row of badges, each with its word and number (not colour alone). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Rag } from "../../core/model";
import { countEntries, countsInWords } from "../helpers";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
});

export interface CountBadgesProps {
  counts: Record<Rag, number>;
  /** What the counts are of, for screen readers ("Prevention", "All plan sheets"). */
  label: string;
  brag: boolean;
}

export function CountBadges({ counts, label, brag }: CountBadgesProps) {
  const s = useStyles();
  const entries = countEntries(counts, { hideZeroBlue: !brag });
  return (
    <ul className={s.list} aria-label={`${label}: ${countsInWords(counts)}`}>
      {entries.map((e) => (
        <li key={e.rag}>
          <RagBadge rag={e.rag} count={e.count} />
        </li>
      ))}
    </ul>
  );
}
