/**
 * Merge returns: pick the returned files, see what each changes and every conflict before anything
 * is written, then merge into the plan (one undo step where Excel allows).
 */
import { Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ActionChange, MergePlan } from "../../core/returns";
import type { PickedFile, ReturnsService } from "../../excel/returns";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  file: { maxWidth: "100%", minWidth: 0, fontFamily: tokens.fontFamilyBase },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  change: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

export interface ReturnsMergeProps {
  service: ReturnsService;
  disabled: boolean;
  /** Called after a merge wrote into the plan (the pane shows the statuses again). */
  onMerged?(): void;
}

const words = (p: string) => p.replace("-", " ");

function progressLine(c: ActionChange): string | null {
  if (!c.progress) return null;
  const from = c.progress.from === "" ? "blank" : `"${c.progress.from}"`;
  const read = c.progress.inList ? "" : c.progress.readAs ? ` (not one of the list: read as ${words(c.progress.readAs)})` : " (not one of the list, and no progress word in it: read as not reported)";
  return `Progress: ${from} to "${c.progress.to}"${read}`;
}

function ChangeItem({ c }: { c: ActionChange }) {
  const s = useStyles();
  const lines = [
    progressLine(c),
    c.comment ? `New comment: "${c.comment}"` : null,
    c.timescale ? `Timescale: "${c.timescale.from}" to "${c.timescale.to}"${c.timescale.reason ? ` (${c.timescale.reason})` : ""}` : null,
  ].filter((l): l is string => l !== null);
  return (
    <li className={s.change} data-testid="merge-change">
      <Text weight="semibold">
        {c.ref} ({c.sheet}): {c.statusBefore} to {c.statusAfter}
      </Text>
      {lines.map((l) => (
        <Caption1 key={l}>{l}</Caption1>
      ))}
      <Caption1 className={s.note}>from {c.file}</Caption1>
    </li>
  );
}

/** A file's bytes: Blob.arrayBuffer where the web view has it, else a FileReader (older Office web views). */
function bytesOf(f: File): Promise<ArrayBuffer> {
  if (typeof f.arrayBuffer === "function") return f.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(`${f.name} could not be read`));
    reader.readAsArrayBuffer(f);
  });
}

async function readFiles(list: FileList | null): Promise<PickedFile[]> {
  const files = list ? Array.from(list) : [];
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await bytesOf(f) })));
}

export function ReturnsMerge({ service, disabled, onMerged }: ReturnsMergeProps) {
  const s = useStyles();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<MergePlan | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const pick = async (list: FileList | null) => {
    setMessage(null);
    setPreview(null);
    setBusy(true);
    try {
      const picked = await readFiles(list);
      setFiles(picked);
      if (picked.length === 0) return;
      const out = await service.previewMerge(picked);
      setPreview(out.merge ?? null);
      setMessage({ ok: out.ok, text: out.message });
    } catch (e) {
      setMessage({ ok: false, text: `The files could not be read: ${e instanceof Error ? e.message : String(e)}. Nothing was written.` });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    setBusy(true);
    try {
      const out = await service.applyMerge(files);
      setMessage({ ok: out.ok, text: out.message });
      setPreview(null);
      if (out.ok) onMerged?.();
    } finally {
      setBusy(false);
    }
  };

  const problems = preview?.problems ?? [];
  return (
    <div className={s.root} data-testid="returns-merge">
      <Field label="Returned files (.xlsx; pick several at once)">
        <input className={s.file} type="file" accept=".xlsx,.xlsm" multiple disabled={disabled || busy} onChange={(e) => void pick(e.currentTarget.files)} data-testid="returns-files" />
      </Field>
      {busy && <Text>Reading...</Text>}
      {message && (
        <MessageBar intent={message.ok ? (preview ? "info" : "success") : "error"} layout="multiline" data-testid="merge-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview && problems.length === 0 && (
        <>
          {preview.changes.length > 0 && (
            <section aria-label="What the merge changes">
              <Text weight="semibold">What the merge changes</Text>
              <ul className={s.list}>
                {preview.changes.map((c) => (
                  <ChangeItem key={`${c.sheet}|${c.ref}`} c={c} />
                ))}
              </ul>
            </section>
          )}
          {preview.conflicts.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="merge-conflicts">
              <MessageBarBody>
                <MessageBarTitle>Not merged ({preview.conflicts.length}):</MessageBarTitle>
                <ul className={s.list}>
                  {preview.conflicts.map((c) => (
                    <li key={`${c.kind}|${c.sheet}|${c.ref}`}>{c.message}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {preview.notReturned.length > 0 && (
            <div data-testid="not-returned">
              <Text weight="semibold">Not returned yet ({preview.notReturned.length})</Text>
              <ul className={s.list}>
                {preview.notReturned.map((l) => (
                  <li key={l}>
                    <Caption1>{l}</Caption1>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Button appearance="primary" disabled={disabled || busy || !preview.canApply} onClick={() => void apply()} data-testid="apply-merge">
            Merge into the plan
          </Button>
        </>
      )}
      {!preview && files.length === 0 && <Caption1 className={s.note}>Nothing is written until you choose Merge into the plan.</Caption1>}
    </div>
  );
}
