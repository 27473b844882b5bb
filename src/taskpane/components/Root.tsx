/** The pane inside a FluentProvider whose theme follows Office (light, dark, high contrast). */
import { FluentProvider, makeStyles, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { PlanService } from "../../excel/service";
import type { ReturnsService } from "../../excel/returns";
import { useThemeKind, type ThemeKind } from "../theme";
import { App } from "./App";

const THEMES: Readonly<Record<ThemeKind, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  "high-contrast": teamsHighContrastTheme,
};

const useStyles = makeStyles({
  provider: { minHeight: "100vh", boxSizing: "border-box", overflowX: "hidden" },
});

export function Root({ service, returns }: { service: PlanService; returns?: ReturnsService }) {
  const kind = useThemeKind();
  const s = useStyles();
  return (
    <FluentProvider theme={THEMES[kind]} className={s.provider} data-theme={kind}>
      <App service={service} returns={returns} />
    </FluentProvider>
  );
}
