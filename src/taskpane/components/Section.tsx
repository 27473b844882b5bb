/**
 * A collapsible section: a heading whose button shows or hides the panel (the ARIA disclosure
 * pattern). Used instead of Fluent's Accordion, whose motion code costs about 22 KB gzipped.
 */
import { makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";

const useStyles = makeStyles({
  root: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0 },
  button: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    minHeight: "44px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  chevron: { flexShrink: 0, transition: "transform 150ms ease-out", "@media (prefers-reduced-motion: reduce)": { transition: "none" } },
  open: { transform: "rotate(90deg)" },
  panel: { paddingBottom: tokens.spacingVerticalM, paddingInline: tokens.spacingHorizontalXS, minWidth: 0 },
});

export interface SectionProps {
  title: string;
  defaultOpen?: boolean;
  children: ReactNode;
  testId?: string;
}

export function Section({ title, defaultOpen = false, children, testId }: SectionProps) {
  const s = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId("section-panel");
  const buttonId = useId("section-button");
  return (
    <section className={s.root} data-testid={testId}>
      <h2 className={s.heading}>
        <button id={buttonId} type="button" className={s.button} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <svg className={mergeClasses(s.chevron, open && s.open)} width="16" height="16" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M7.65 4.15c.2-.2.5-.2.7 0l5.49 5.46c.21.22.21.57 0 .78l-5.49 5.47a.5.5 0 0 1-.7-.71L12.8 10 7.65 4.85a.5.5 0 0 1 0-.7"
            />
          </svg>
          {title}
        </button>
      </h2>
      <div id={panelId} role="region" aria-labelledby={buttonId} className={s.panel} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
