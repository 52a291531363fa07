import { CHART_COLOURS } from "../ui/charts/palette.ts";

/**
 * Colours and sizes of the PDFs: the chart colours of the screens (palette.ts) and the interface
 * colours of app/styles.css, so that a printed page looks like the results page (UX.md: same words,
 * figures and colours). Sizes in PostScript points (1/72 inch); A4 is 595 × 842.
 */
export const PDF_COLOURS = {
  ink: CHART_COLOURS.ink,
  muted: CHART_COLOURS.muted,
  navy: "#1d3557",
  teal: "#0f766e",
  amber: "#b45309",
  danger: "#b3261e",
  softBackground: "#f4f6f8",
  border: CHART_COLOURS.grid,
  women: CHART_COLOURS.women,
  men: CHART_COLOURS.men,
  menHatch: CHART_COLOURS.menHatch,
  band: CHART_COLOURS.band,
  white: "#ffffff",
} as const;

/** Colour of the left bar of a card, by tone (results.css: .tone-*). */
export const TONE_COLOURS = {
  positive: PDF_COLOURS.teal,
  neutral: PDF_COLOURS.navy,
  attention: PDF_COLOURS.amber,
} as const;

export const PAGE = {
  size: "A4" as const,
  margins: { top: 54, bottom: 62, left: 54, right: 54 },
  /** Baseline area of the footer, below the bottom margin. */
  footerOffset: 30,
};

export const TYPE = {
  h1: 22,
  h2: 15,
  h3: 11.5,
  lead: 11.5,
  body: 9.5,
  small: 8.2,
  table: 8.3,
  footer: 7.5,
  /** Line height as a multiple of the font size. */
  leading: 1.32,
};
