import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import type { IndexInput, IndexSizeBand } from "../../diagnostics/index/index.ts";
import type { MixityJobInput } from "../../diagnostics/mixity.ts";
import {
  STAFF_FILE_MAX_BYTES,
  STAFF_FILE_MAX_ROWS,
  STAFF_FILE_MAX_UNCOMPRESSED_BYTES,
  STAFF_FILE_MESSAGES,
  StaffRowSchema,
  indexInputFromStaffRows,
  parseStaffFile,
  staffFileErrorSummary,
  indexPopulationFromStaffRows,
  jobsFromStaffRows,
  type StaffRow,
} from "../../diagnostics/staff-file/index.ts";
import type { StructureType } from "../../diagnostics/types.ts";

/** Room for the multipart envelope and the other fields around a staff file of STAFF_FILE_MAX_BYTES. */
export const FORM_OVERHEAD_BYTES = 256 * 1024;

/** Largest request body a diagnostic step accepts: one staff file plus its envelope. */
export const MAX_STEP_BODY_BYTES = STAFF_FILE_MAX_BYTES + FORM_OVERHEAD_BYTES;

export type LimitedForm = { ok: true; formData: FormData } | { ok: false; bytes: number };

/**
 * Reads a request's form (URL-encoded or multipart) refusing bodies over `maxBytes`: first on the
 * announced Content-Length, then while reading, for bodies sent without one. Never buffers more
 * than `maxBytes` + one chunk.
 */
export async function readFormWithLimit(request: Request, maxBytes = MAX_STEP_BODY_BYTES): Promise<LimitedForm> {
  const announced = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(announced) && announced > maxBytes) return { ok: false, bytes: announced };
  if (!request.body) return { ok: true, formData: new FormData() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, bytes: total };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  const contentType = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  return { ok: true, formData: await new Response(body, { headers: { "Content-Type": contentType } }).formData() };
}

/**
 * The validated rows travel from the preview to the confirmation in a hidden field, compressed
 * (job labels repeat a lot) and base64url-encoded. They are validated again on the way back:
 * the field is never trusted, and someone who edits it can only send rows they could have imported.
 */
export function encodeStaffRows(rows: readonly StaffRow[]): string {
  return deflateRawSync(Buffer.from(JSON.stringify(rows), "utf8"), { level: 9 }).toString("base64url");
}

const StaffRowsSchema = z.array(StaffRowSchema).min(1).max(STAFF_FILE_MAX_ROWS);

/** The rows of an encoded payload, validated with the engine's row schema; null when anything is wrong. */
export function decodeStaffRows(payload: unknown): StaffRow[] | null {
  if (typeof payload !== "string" || payload === "" || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  try {
    // maxOutputLength makes inflation stop (RangeError) instead of exhausting memory on a crafted payload.
    const json = inflateRawSync(Buffer.from(payload, "base64url"), { maxOutputLength: STAFF_FILE_MAX_UNCOMPRESSED_BYTES }).toString("utf8");
    const parsed = StaffRowsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface StaffPreview {
  rowCount: number;
  women: number;
  men: number;
  jobs: MixityJobInput[];
  index: {
    input: IndexInput;
    counted: number;
    excludedShortPresence: number;
    excludedNotEmployees: number;
  };
}

/** What an import would store (jobs table) and the index data it would give. */
export function staffPreview(rows: readonly StaffRow[], options: { sizeBand: IndexSizeBand; structureType: StructureType }): StaffPreview {
  const population = indexPopulationFromStaffRows(rows, { structureType: options.structureType });
  return {
    rowCount: rows.length,
    women: rows.filter((r) => r.sex === "F").length,
    men: rows.filter((r) => r.sex === "H").length,
    jobs: jobsFromStaffRows(rows),
    index: {
      input: indexInputFromStaffRows(rows, options),
      counted: population.counted.length,
      excludedShortPresence: population.excludedShortPresence,
      excludedNotEmployees: population.excludedNotEmployees,
    },
  };
}

export interface StaffFileErrors {
  summary: string;
  errors: Array<{ line: number | null; column: string | null; message: string }>;
}

export type StaffFileCheck =
  | { ok: true; fileName: string; payload: string; warnings: string[]; preview: StaffPreview }
  | { ok: false; fileName: string; errors: StaffFileErrors };

/**
 * Parses an uploaded staff file with the engine (all or nothing) and builds what the import would
 * store; nothing is saved here. The reference date is the last day of the diagnostic's year.
 */
export async function checkStaffFile(
  file: File,
  options: { year: number; sizeBand: IndexSizeBand; structureType: StructureType },
): Promise<StaffFileCheck> {
  const fileName = cleanFileName(file.name);
  if (file.size > STAFF_FILE_MAX_BYTES) {
    return { ok: false, fileName, errors: { summary: STAFF_FILE_MESSAGES.tooLarge(file.size, STAFF_FILE_MAX_BYTES), errors: [] } };
  }
  const result = await parseStaffFile(new Uint8Array(await file.arrayBuffer()), fileName, {
    maxBytes: STAFF_FILE_MAX_BYTES,
    referenceDate: `${options.year}-12-31`,
  });
  if (!result.ok) return { ok: false, fileName, errors: { summary: staffFileErrorSummary(result), errors: result.errors } };
  return {
    ok: true,
    fileName,
    payload: encodeStaffRows(result.rows),
    warnings: result.warnings.map((w) => w.message),
    preview: staffPreview(result.rows, options),
  };
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean === "" ? "fichier-du-personnel" : clean;
}
