/**
 * The officer's settings, kept in the workbook (`context.workbook.settings`, ExcelApi 1.4) as one
 * JSON text under one key, so they travel with the plan and every officer who opens it gets them.
 */
import { DEFAULT_SETTINGS, type Settings } from "../core/model";

export const SETTINGS_KEY = "actionPlanRag.settings";

/** Settings from the stored JSON (anything missing or malformed falls back to the default). */
export function parseSettings(stored: unknown): Settings {
  let raw: unknown = stored;
  if (typeof stored === "string") {
    try {
      raw = JSON.parse(stored);
    } catch {
      raw = null;
    }
  }
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const days = o.amberWindowDays;
  const excluded = o.excludedSheets;
  return {
    amberWindowDays: typeof days === "number" && Number.isFinite(days) && days >= 0 ? Math.round(days) : DEFAULT_SETTINGS.amberWindowDays,
    brag: typeof o.brag === "boolean" ? o.brag : DEFAULT_SETTINGS.brag,
    excludedSheets: Array.isArray(excluded) ? excluded.filter((s): s is string => typeof s === "string") : [...DEFAULT_SETTINGS.excludedSheets],
  };
}

/** The JSON text stored for settings. */
export function serializeSettings(settings: Settings): string {
  return JSON.stringify({
    amberWindowDays: settings.amberWindowDays,
    brag: settings.brag,
    excludedSheets: [...settings.excludedSheets],
  });
}
