/** The task pane: as-of date, the three commands, results, issues, settings and the rules in words. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { IsoDate } from "../../core/dates";
import { DEFAULT_SETTINGS, type Issue, type Settings, type SheetColumnMap } from "../../core/model";
import type { DefaultAsOf, Environment, PlanService, SheetChoice } from "../../excel/service";
import { officerSentence } from "../../core/common";
import { issueTotals, unexpectedMessage, type Task } from "../helpers";
import { usePane } from "../state";
import { ActionsList } from "./ActionsList";
import { AsOfBar } from "./AsOfBar";
import { CommandBar } from "./CommandBar";
import { IssuesList } from "./IssuesList";
import { NoticeBar } from "./NoticeBar";
import { ResultsSummary } from "./ResultsSummary";
import type { ReturnsService } from "../../excel/returns";
import { RulesHelp } from "./RulesHelp";
import { Section } from "./Section";
import { SettingsPanel } from "./SettingsPanel";

// Partner returns load when their section is first opened: the pane's first paint does not wait for them.
const ReturnsPanel = lazy(() => import("./ReturnsPanel").then((m) => ({ default: m.ReturnsPanel })));
/** The column map is opened now and then: its code is fetched when its section is first opened. */
const ColumnMap = lazy(() => import("./ColumnMap").then((m) => ({ default: m.ColumnMap })));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  top: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    padding: 0,
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export interface AppProps {
  service: PlanService;
  /** Partner returns (in Excel); the section is left out without it. */
  returns?: ReturnsService;
}

export function App({ service, returns }: AppProps) {
  const s = useStyles();
  const pane = usePane(service);
  const { state, run, select, fail } = pane;
  const [env, setEnv] = useState<Environment | null>(null);
  const [fallback, setFallback] = useState<DefaultAsOf | null>(null);
  const [chosen, setChosen] = useState<IsoDate | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sheets, setSheets] = useState<SheetChoice[]>([]);

  const ready = env !== null && env.inExcel && env.supported;

  const readWorkbook = useCallback(async () => {
    // Each answer on its own: a sheet list that cannot be read still leaves the date and settings.
    const [asOf, saved, list] = await Promise.allSettled([service.defaultAsOf(), service.loadSettings(), service.listSheets()]);
    if (asOf.status === "fulfilled") setFallback(asOf.value);
    if (saved.status === "fulfilled") setSettings(saved.value);
    if (list.status === "fulfilled") setSheets(list.value);
    const failed = [asOf, saved, list].find((r) => r.status === "rejected");
    if (failed) fail(officerSentence(failed.reason, unexpectedMessage("settings")));
  }, [service, fail]);

  useEffect(() => {
    let live = true;
    service
      .environment()
      .then((e) => {
        if (!live) return;
        setEnv(e);
        if (e.inExcel && e.supported) void readWorkbook();
      })
      .catch(() => {
        if (live) setEnv({ inExcel: false, supported: false, message: null });
      });
    return () => {
      live = false;
    };
  }, [service, readWorkbook]);

  const runTask = useCallback(
    async (task: Task, sheet?: string) => {
      await run(task, chosen, sheet);
      // The active sheet, its report date and the sheet list may have changed meanwhile.
      try {
        const [asOf, list] = await Promise.all([service.defaultAsOf(), service.listSheets()]);
        setFallback(asOf);
        setSheets(list);
      } catch {
        // keep what the pane showed
      }
    },
    [run, chosen, service],
  );

  const saveSettings = useCallback(
    async (next: Settings): Promise<boolean> => {
      try {
        await service.saveSettings(next);
        const [back, list] = await Promise.all([service.loadSettings(), service.listSheets()]);
        setSettings(back);
        setSheets(list);
        return true;
      } catch (e) {
        fail(officerSentence(e, unexpectedMessage("settings")));
        return false;
      }
    },
    [service, fail],
  );

  const onFix = useCallback((issue: Issue) => void runTask("fix", issue.sheet), [runTask]);
  const onSelect = useCallback((sheet: string, cell: string) => void select(sheet, cell), [select]);
  const onSaveColumns = useCallback((sheet: string, map: SheetColumnMap | null) => void run("columns", chosen, sheet, map), [run, chosen]);

  const running = state.phase === "running" ? state.task : null;
  const view = state.view;
  const brag = settings?.brag ?? DEFAULT_SETTINGS.brag;
  const totals = view ? issueTotals(view) : null;
  const issueCount = totals ? totals.error + totals.warning + totals.info : 0;
  const actionCount = view ? view.sheets.reduce((n, sh) => n + sh.actions.length, 0) : 0;

  return (
    <main className={s.root} aria-busy={running !== null}>
      <h1 className={s.title}>Action Plan RAG</h1>

      {env && !env.inExcel && (
        <MessageBar intent="warning" layout="multiline" data-testid="outside-excel">
          <MessageBarBody>
            <MessageBarTitle>Open this pane in Excel.</MessageBarTitle>
            {env.message ??
              "This pane runs inside Excel. Open your action plan workbook in Excel, then on the Action Plan tab choose Show task pane."}
          </MessageBarBody>
        </MessageBar>
      )}
      {env && env.inExcel && !env.supported && (
        <MessageBar intent="warning" layout="multiline" data-testid="unsupported">
          <MessageBarBody>
            <MessageBarTitle>This version of Excel is too old for the add-in.</MessageBarTitle>
            {env.message ?? "Update Excel (Microsoft 365, Excel 2021 or later, or Excel on the web), then open the pane again."}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={s.top}>
        <AsOfBar
          chosen={chosen}
          fallback={ready ? fallback : null}
          sheets={view?.sheets ?? null}
          disabled={!ready || running !== null}
          available={env === null || ready}
          onChoose={setChosen}
        />
        <CommandBar disabled={!ready} running={running} onRun={(task) => void runTask(task)} />
      </div>

      {state.error && (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>That did not work.</MessageBarTitle>
            {state.error}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={pane.dismissError}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.notice && <NoticeBar notice={state.notice} disabled={running !== null} onOpen={(sheet) => void select(sheet, "A1")} />}

      {ready && !view && running === null && (
        <Text className={s.intro}>
          Choose Check layout to read your plan sheets and list any problems, or Refresh RAG to set every action&apos;s
          status. Nothing is changed by Check layout.
        </Text>
      )}

      <ResultsSummary view={view} chosen={chosen} brag={brag} />

      <div>
        {view && (
          <Section title={`Layout issues (${issueCount})`} defaultOpen testId="section-issues">
            <IssuesList view={view} disabled={running !== null} onSelect={onSelect} onFix={onFix} />
          </Section>
        )}
        {view && (
          <Section title={`Actions (${actionCount})`} defaultOpen testId="section-actions">
            <ActionsList view={view} brag={brag} onSelect={onSelect} />
          </Section>
        )}
        {view && (
          <Section title="Column map" testId="section-column-map">
            <Suspense fallback={<Text>Loading the column map...</Text>}>
              <ColumnMap view={view} disabled={running !== null} onSave={onSaveColumns} />
            </Suspense>
          </Section>
        )}
        {returns && (
          <Section title="Partner returns" testId="section-returns">
            <Suspense fallback={<Text>Loading partner returns...</Text>}>
              <ReturnsPanel service={returns} asOf={chosen} disabled={!ready || running !== null} onMerged={() => void runTask("check")} />
            </Suspense>
          </Section>
        )}
        <Section title="Settings" testId="section-settings">
          <SettingsPanel
            settings={ready ? settings : null}
            sheets={sheets}
            disabled={!ready || running !== null}
            hasResults={view !== null}
            onSave={saveSettings}
          />
        </Section>
        <Section title="How statuses are worked out" testId="section-rules">
          <RulesHelp amberWindowDays={settings?.amberWindowDays ?? DEFAULT_SETTINGS.amberWindowDays} brag={brag} />
        </Section>
      </div>

      <div className={s.srOnly} aria-live="polite" aria-atomic="true" role="status" data-testid="live">
        {state.announcement}
      </div>
    </main>
  );
}
