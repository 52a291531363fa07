import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

/**
 * The Inter TTF files embedded in every PDF (Helvetica garbles « ≥ » and « − »: STACK.md §5).
 * They are read from node_modules under the process's working directory, which is the project root
 * for `npm start`, the tests and the built server alike (a path relative to this module would point
 * inside build/ once bundled). REPORT_FONTS_DIR overrides the folder that holds
 * 400Regular/Inter_400Regular.ttf and 700Bold/Inter_700Bold.ttf.
 */

export interface ReportFonts {
  /** What PDFDocument's `font` option and registerFont take: the parsed font (see parsedFont), or the file's bytes. */
  regular: Buffer;
  bold: Buffer;
}

const FILES = { regular: ["400Regular", "Inter_400Regular.ttf"], bold: ["700Bold", "Inter_700Bold.ttf"] } as const;

/** The folder of the Inter package: REPORT_FONTS_DIR, else <cwd>/node_modules/@expo-google-fonts/inter. */
export function fontsDir(): string {
  return process.env.REPORT_FONTS_DIR || path.join(process.cwd(), "node_modules", "@expo-google-fonts", "inter");
}

let cached: ReportFonts | null = null;

/** The two font files, read once per process. Throws a French message naming the missing file. */
export function loadReportFonts(): ReportFonts {
  if (cached) return cached;
  const dir = fontsDir();
  const read = (parts: readonly string[]) => {
    const file = path.join(dir, ...parts);
    try {
      return fs.readFileSync(file);
    } catch {
      throw new Error(`Police introuvable pour les PDF : ${file}. Lancez « npm install » à la racine du projet, ou indiquez le dossier avec REPORT_FONTS_DIR.`);
    }
  };
  cached = { regular: parsedFont(read(FILES.regular)), bold: parsedFont(read(FILES.bold)) };
  return cached;
}

/**
 * The font parsed once for the whole process. pdfkit opens a font from a fontkit object as well as
 * from bytes; from bytes it parses the file again for every document, and its glyph and table
 * caches start cold each time (most of a report's drawing time). fontkit is pdfkit's own
 * dependency, not ours, so the parsed font is taken from a first document that opened the bytes;
 * the bytes are kept if that ever fails.
 */
function parsedFont(bytes: Buffer): Buffer {
  const probe = new PDFDocument({ font: bytes as unknown as string, autoFirstPage: false });
  const font = (probe as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  return (typeof font?.layout === "function" ? font : bytes) as Buffer;
}
