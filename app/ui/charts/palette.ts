/**
 * Chart colours, shared by the screens and (later) the PDF (UX.md: same colours everywhere).
 * Never pink/blue: purple and dark orange from ColorBrewer's colour-blind-safe PuOr scheme, each
 * at least 4.5:1 on white, so that white labels inside the bars stay readable. Men's bars also carry
 * a hatch pattern, and women's bars start at 0 % while men's end at 100 %: nothing relies on colour.
 */
export const CHART_COLOURS = {
  women: "#7b3294",
  men: "#b35806",
  /** Darker stripes of the men's hatch. */
  menHatch: "#7f3b08",
  score: "#1d3557",
  ink: "#1b1f24",
  muted: "#4a5360",
  grid: "#c9d0d8",
  band: "#0f766e",
} as const;
