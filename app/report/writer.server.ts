import PDFDocument from "pdfkit";
import type { ReportFonts } from "./fonts.server.ts";
import { PAGE, PDF_COLOURS, TYPE } from "./theme.ts";

/**
 * A small drawing layer over pdfkit for our documents: A4 pages, the embedded Inter fonts, a tagged
 * PDF (PDF/UA subset, lang fr-FR, title shown by readers) whose structure tree follows the drawing
 * (Document > Sect > H1/H2/H3/P/L/Table/Figure), real text, our own line breaking and pagination
 * (so that tables repeat their header and nothing is cut by the bottom margin), then the page
 * furniture (footer, « Page n sur N », watermark) drawn at the end on the buffered pages, as
 * artifacts.
 *
 * Lines that hold a no-break space are wrapped in a Span carrying the line as ActualText: text
 * extractors (pdftotext, screen readers) otherwise turn U+00A0 and U+202F into plain spaces.
 */

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

export type FontName = "regular" | "bold";

export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
  /** Line height as a multiple of the size (TYPE.leading when omitted). */
  leading?: number;
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  lang: string;
}

const NO_BREAK_SPACES = /[\u00a0\u202f]/;

/** Sets the Scope attribute of a header cell (TH) of a tagged table. */
export function headerScope(scope: "Row" | "Column"): (el: StructElement) => void {
  return (el) => {
    (el as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: "Table", Scope: scope };
  };
}

export class PdfWriter {
  readonly doc: Doc;
  /** Top of the next thing to draw, in points from the top of the page. */
  y: number;
  /** Text column: left and right edges and width (narrowed by `inset`). */
  left: number;
  right: number;
  width: number;
  readonly top: number;
  readonly bottom: number;
  private readonly stack: StructElement[];
  private readonly widths = new Map<string, number>();
  private font: FontName | null = null;
  private size = 0;

  constructor(meta: DocumentMeta, fonts: ReportFonts) {
    this.doc = new PDFDocument({
      size: PAGE.size,
      margins: PAGE.margins,
      pdfVersion: "1.7",
      tagged: true,
      lang: meta.lang,
      displayTitle: true,
      subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
      bufferPages: true,
      // The default font, instead of Helvetica (never embedded, so never allowed in PDF/UA).
      font: fonts.regular as unknown as string,
      info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Keywords: meta.keywords.join(", "), Creator: "Boussole Égalité" },
    });
    this.doc.registerFont("regular", fonts.regular);
    this.doc.registerFont("bold", fonts.bold);
    const root = this.doc.struct("Document");
    this.doc.addStructure(root);
    this.stack = [root];
    this.left = PAGE.margins.left;
    this.right = this.doc.page.width - PAGE.margins.right;
    this.top = PAGE.margins.top;
    this.bottom = this.doc.page.height - PAGE.margins.bottom;
    this.width = this.right - this.left;
    this.y = this.top;
  }

  // -------------------------------------------------------------------------------------------
  // Text measuring and line breaking

  useFont(font: FontName, size: number): void {
    if (this.font !== font) {
      this.doc.font(font);
      this.font = font;
    }
    if (this.size !== size) {
      this.doc.fontSize(size);
      this.size = size;
    }
  }

  /** Width of a string in points (cached per font, size and string). */
  measure(text: string, font: FontName, size: number): number {
    const key = `${font}|${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.useFont(font, size);
      w = this.doc.widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  lineHeight(style: TextStyle): number {
    return style.size * (style.leading ?? TYPE.leading);
  }

  /**
   * The lines of `text` within `maxWidth`: « \n » starts a new line, lines break at ordinary spaces
   * only (never at a no-break space), a word wider than the line is cut between characters.
   */
  wrap(text: string, font: FontName, size: number, maxWidth: number): string[] {
    const out: string[] = [];
    const space = this.measure(" ", font, size);
    for (const paragraph of text.split("\n")) {
      const words = paragraph.split(" ").filter((w) => w.length > 0);
      let line = "";
      let lineWidth = 0;
      for (const word of words) {
        const w = this.measure(word, font, size);
        if (line && lineWidth + space + w <= maxWidth) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line) out.push(line);
        if (w <= maxWidth) {
          line = word;
          lineWidth = w;
          continue;
        }
        // A word longer than the line (a URL, a long job title): cut between characters.
        let chunk = "";
        for (const ch of word) {
          if (chunk && this.measure(chunk + ch, font, size) > maxWidth) {
            out.push(chunk);
            chunk = ch;
          } else chunk += ch;
        }
        line = chunk;
        lineWidth = this.measure(chunk, font, size);
      }
      out.push(line);
    }
    return out;
  }

  /** Draws one line at (x, y) (y is the top of the line box); right-aligned within `width` when asked. */
  drawLine(line: string, x: number, y: number, style: TextStyle, align: "left" | "right" | "center" = "left", width = 0): void {
    if (!line) return;
    this.useFont(style.font, style.size);
    let at = x;
    if (align !== "left") {
      const w = this.measure(line, style.font, style.size);
      at = align === "right" ? x + width - w : x + (width - w) / 2;
    }
    this.doc.fillColor(style.color);
    const actual = NO_BREAK_SPACES.test(line);
    if (actual) this.doc.markContent("Span", { actual: line });
    this.doc.text(line, at, y, { lineBreak: false });
    if (actual) this.doc.endMarkedContent();
  }

  // -------------------------------------------------------------------------------------------
  // Pages and structure

  /** Starts a new page if `height` points do not fit below the current position. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.addPage();
  }

  /** A new page; marked content open at the break (a paragraph, a list item) continues on it, tagged. */
  addPage(): void {
    this.doc.continueOnNewPage();
    this.font = null;
    this.size = 0;
    this.y = this.top;
  }

  /** Draws with the text column narrowed by `amount` points on both sides. */
  inset(amount: number, draw: () => void): void {
    this.left += amount;
    this.right -= amount;
    this.width -= 2 * amount;
    try {
      draw();
    } finally {
      this.left -= amount;
      this.right += amount;
      this.width += 2 * amount;
    }
  }

  get current(): StructElement {
    return this.stack[this.stack.length - 1];
  }

  /** A grouping element (Sect, L, LI, Table, TR…) around what `draw` tags. */
  group(type: string, draw: () => void, configure?: (el: StructElement) => void): void {
    const el = this.doc.struct(type);
    configure?.(el);
    this.current.add(el);
    this.stack.push(el);
    try {
      draw();
    } finally {
      this.stack.pop();
      el.end();
    }
  }

  /** A leaf element (P, H1, TD, Figure…) whose content is what `draw` draws. */
  tagged(type: string, draw: () => void, options: { alt?: string; configure?: (el: StructElement) => void } = {}): void {
    const el = this.doc.struct(type, options.alt ? { alt: options.alt } : {});
    options.configure?.(el);
    this.current.add(el);
    const content = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
    el.end();
  }

  /** Decoration that carries no meaning (backgrounds, rules, repeated headers): an artifact. Never call it inside `tagged`. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  // -------------------------------------------------------------------------------------------
  // Text blocks

  /**
   * A tagged block of wrapped text, flowing onto the next page when needed (never leaving a single
   * line at the bottom of a page). Returns the height used on the last page.
   */
  textBlock(text: string, style: TextStyle, options: { tag?: string; indent?: number; width?: number; gapAfter?: number; align?: "left" | "right" } = {}): void {
    const indent = options.indent ?? 0;
    const width = options.width ?? this.width - indent;
    const lines = this.wrap(text, style.font, style.size, width);
    const lh = this.lineHeight(style);
    this.ensureSpace(Math.min(lines.length, 2) * lh);
    this.tagged(options.tag ?? "P", () => {
      for (const line of lines) {
        if (this.y + lh > this.bottom) this.addPage();
        this.drawLine(line, this.left + indent, this.y, style, options.align ?? "left", width);
        this.y += lh;
      }
    });
    this.y += options.gapAfter ?? style.size * 0.6;
  }

  heading(level: 1 | 2 | 3, text: string, options: { keepWithNext?: number; color?: string } = {}): void {
    const size = level === 1 ? TYPE.h1 : level === 2 ? TYPE.h2 : TYPE.h3;
    const style: TextStyle = { font: "bold", size, color: options.color ?? PDF_COLOURS.navy, leading: 1.2 };
    const lines = this.wrap(text, "bold", size, this.width);
    const before = level === 1 ? 0 : level === 2 ? 10 : 6;
    const height = lines.length * this.lineHeight(style);
    if (this.y > this.top) this.y += before;
    this.ensureSpace(height + (options.keepWithNext ?? 48));
    this.tagged(`H${level}`, () => {
      for (const line of lines) {
        this.drawLine(line, this.left, this.y, style);
        this.y += this.lineHeight(style);
      }
    });
    this.y += level === 1 ? 8 : level === 2 ? 6 : 3;
  }

  /** A bulleted list (L > LI > Lbl + LBody). */
  list(items: readonly string[], style: TextStyle = { font: "regular", size: TYPE.body, color: PDF_COLOURS.ink }): void {
    const indent = 12;
    const lh = this.lineHeight(style);
    this.group("L", () => {
      for (const item of items) {
        const lines = this.wrap(item, style.font, style.size, this.width - indent);
        this.ensureSpace(Math.min(lines.length, 2) * lh);
        this.group("LI", () => {
          this.tagged("Lbl", () => this.drawLine("•", this.left + 2, this.y, { ...style, color: PDF_COLOURS.teal }));
          this.tagged("LBody", () => {
            for (const line of lines) {
              if (this.y + lh > this.bottom) this.addPage();
              this.drawLine(line, this.left + indent, this.y, style);
              this.y += lh;
            }
          });
        });
        this.y += style.size * 0.3;
      }
    });
    this.y += style.size * 0.4;
  }

  // -------------------------------------------------------------------------------------------
  // End

  /** Footer and « Page n sur N » on every page, the watermark when given; ends the document. */
  finish(footer: string, watermark: string | null): Doc {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = range.start; i < range.start + total; i++) {
      doc.switchToPage(i);
      this.font = null;
      this.size = 0;
      const y = doc.page.height - PAGE.margins.bottom + PAGE.footerOffset - 10;
      const style: TextStyle = { font: "regular", size: TYPE.footer, color: PDF_COLOURS.muted };
      this.artifact(() => {
        doc.save();
        doc.moveTo(this.left, y - 6).lineTo(this.right, y - 6).lineWidth(0.5).strokeColor(PDF_COLOURS.border).stroke();
        doc.restore();
        const pageText = `Page ${i + 1} sur ${total}`;
        const pageWidth = this.measure(pageText, "regular", TYPE.footer);
        const footerLines = this.wrap(footer, "regular", TYPE.footer, this.width - pageWidth - 16);
        this.drawLine(footerLines[0] ?? "", this.left, y, style);
        this.drawLine(pageText, this.left, y, style, "right", this.width);
      }, "Pagination");
      if (watermark) {
        this.artifact(() => {
          const size = 96;
          this.useFont("bold", size);
          const w = this.measure(watermark, "bold", size);
          const cx = doc.page.width / 2;
          const cy = doc.page.height / 2;
          doc.save();
          doc.rotate(-40, { origin: [cx, cy] });
          doc.fillColor(PDF_COLOURS.danger).fillOpacity(0.13);
          doc.text(watermark, cx - w / 2, cy - size * 0.6, { lineBreak: false });
          doc.restore();
        }, "Pagination");
      }
    }
    doc.end();
    return doc;
  }
}
