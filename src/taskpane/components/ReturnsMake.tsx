/** Make returns: one workbook per lead, each opened in Excel or downloaded, for the officer to save and send. */
import { Button, Caption1, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { IsoDate } from "../../core/dates";
import type { MadeReturn, ReturnsService } from "../../excel/returns";
import { parseDateInput, plural } from "../helpers";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  input: { maxWidth: "100%", minWidth: 0 },
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ReturnsMakeProps {
  service: ReturnsService;
  asOf: IsoDate | null;
  disabled: boolean;
}

export function ReturnsMake({ service, asOf, disabled }: ReturnsMakeProps) {
  const s = useStyles();
  const [returnBy, setReturnBy] = useState<IsoDate | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<MadeReturn[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const urls = useMemo(() => made.map((m) => URL.createObjectURL(new Blob([m.data as BlobPart], { type: XLSX_TYPE }))), [made]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  const canOpen = service.canOpenWorkbooks();

  const make = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const out = await service.makeReturns(asOf, returnBy);
      setMade(out.ok ? out.returns : []);
      setMessage({ ok: out.ok, text: out.message });
    } finally {
      setBusy(false);
    }
  };

  const open = async (m: MadeReturn) => {
    try {
      await service.openReturn(m);
      setMessage({ ok: true, text: `${m.fileName} is open in Excel as a new workbook: save it where you choose (File > Save As) and send it to ${m.lead || "the lead"}.` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className={s.root} data-testid="returns-make">
      <Text className={s.note}>
        One workbook per lead, holding only their actions, with Progress, a Progress comment and a Revised timescale to fill in. Send each to its lead;
        merge what comes back below.
      </Text>
      <Field label="Please return by (default: two weeks from today)">
        <Input
          className={s.input}
          type="date"
          value={returnBy ?? ""}
          disabled={disabled || busy}
          onChange={(_, data) => setReturnBy(parseDateInput(data.value))}
          data-testid="return-by"
        />
      </Field>
      <Button appearance="primary" disabled={disabled || busy} onClick={() => void make()} data-testid="make-returns">
        {busy ? "Making returns..." : "Make returns"}
      </Button>
      {message && (
        <MessageBar intent={message.ok ? "success" : "error"} layout="multiline" data-testid="returns-made-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {made.length > 0 && (
        <ul className={s.list} data-testid="returns-list" aria-label="Returns made">
          {made.map((m, i) => (
            <li key={m.fileName} className={s.item}>
              <Text weight="semibold">{m.lead || "Actions with no lead named"}</Text>
              <Caption1 className={s.note}>{plural(m.actions, "action")}</Caption1>
              <div className={s.links}>
                {canOpen && (
                  <Link as="button" onClick={() => void open(m)} data-testid="open-return">
                    Open in Excel
                  </Link>
                )}
                <Link href={urls[i]} download={m.fileName} data-testid="download-return">
                  Download {m.fileName}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
