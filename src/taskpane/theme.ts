/**
 * Which Fluent theme follows the Office theme: high contrast when the system forces colours,
 * else Office's own theme (dark or light) where Office tells it, else the browser's colour scheme.
 */
import { useEffect, useState } from "react";

export type ThemeKind = "light" | "dark" | "high-contrast";

export interface ThemeInputs {
  /** Windows high contrast (CSS `forced-colors: active`). */
  forcedColors: boolean;
  /** Office.context.officeTheme where available. */
  office: { isDarkTheme?: boolean; bodyBackgroundColor?: string } | null;
  /** CSS `prefers-color-scheme: dark`. */
  prefersDark: boolean;
}

/** Relative luminance (0 black to 1 white) of "#RRGGBB", or null when it is not a colour. */
export function luminance(colour: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((colour ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The theme for the inputs. */
export function themeKind(inputs: ThemeInputs): ThemeKind {
  if (inputs.forcedColors) return "high-contrast";
  if (inputs.office) {
    if (typeof inputs.office.isDarkTheme === "boolean") return inputs.office.isDarkTheme ? "dark" : "light";
    const l = luminance(inputs.office.bodyBackgroundColor);
    if (l !== null) return l < 0.2 ? "dark" : "light";
  }
  return inputs.prefersDark ? "dark" : "light";
}

function media(query: string): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

function officeTheme(): ThemeInputs["office"] {
  try {
    if (typeof Office === "undefined") return null;
    const t = Office.context?.officeTheme;
    return t ? { isDarkTheme: t.isDarkTheme, bodyBackgroundColor: t.bodyBackgroundColor } : null;
  } catch {
    return null;
  }
}

/** The current inputs, read from Office and the browser. */
export function currentThemeInputs(): ThemeInputs {
  return { forcedColors: media("(forced-colors: active)"), office: officeTheme(), prefersDark: media("(prefers-color-scheme: dark)") };
}

/** The theme kind, kept up to date when the system or Office theme changes. */
export function useThemeKind(): ThemeKind {
  const [kind, setKind] = useState<ThemeKind>(() => themeKind(currentThemeInputs()));
  useEffect(() => {
    const update = () => setKind(themeKind(currentThemeInputs()));
    const queries =
      typeof window !== "undefined" && typeof window.matchMedia === "function"
        ? [window.matchMedia("(forced-colors: active)"), window.matchMedia("(prefers-color-scheme: dark)")]
        : [];
    for (const q of queries) q.addEventListener?.("change", update);
    // Office.js documents the OfficeThemeChanged event for Outlook only; Excel is not known to raise it
    // for a task pane. Asked anyway, guarded: where the host refuses the handler (an error or a failed
    // result) nothing changes, and the theme is still read at start and on the system's own changes.
    let officeHandler = false;
    try {
      if (typeof Office !== "undefined" && Office.context?.document?.addHandlerAsync) {
        Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged, update, (r) => {
          officeHandler = r.status === Office.AsyncResultStatus.Succeeded;
        });
      }
    } catch {
      // not supported by this host
    }
    return () => {
      for (const q of queries) q.removeEventListener?.("change", update);
      if (officeHandler) {
        try {
          Office.context.document.removeHandlerAsync(Office.EventType.OfficeThemeChanged, { handler: update });
        } catch {
          // nothing to remove
        }
      }
    };
  }, []);
  return kind;
}
