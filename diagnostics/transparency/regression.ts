/**
 * Ordinary least squares on a small dense design, by Householder QR (more accurate than the normal
 * equations on ill-conditioned data such as NIST's Longley). Columns that are combinations of the
 * previous ones are left out and reported. Pure numerics.
 */
import { COLLINEARITY_TOLERANCE } from "./constants.ts";
import { studentTQuantile } from "./student-t.ts";

export interface OlsFit {
  /** Names of the columns kept, in order. */
  names: string[];
  /** Names of the columns left out because they were combinations of earlier columns. */
  dropped: string[];
  coefficients: number[];
  standardErrors: number[];
  /** Observations. */
  n: number;
  /** Residual degrees of freedom: n − number of kept columns. */
  df: number;
  residuals: number[];
  /** Residual standard error √(RSS / df); NaN when df = 0. */
  sigma: number;
  /** 1 − RSS / TSS, with TSS around the mean (meaningful when an intercept column is given). */
  rSquared: number;
  /**
   * For each kept column, the sum of squares of its part not explained by the columns before it
   * (the residual sum of squares of regressing it on them).
   */
  partialResidualSS: number[];
}

/** Applies the Householder reflection of vector v = (v0, col[r+1..]) (vᵀv = vtv) to target[r..]. */
function reflect(col: Float64Array, v0: number, vtv: number, r: number, target: Float64Array): void {
  const n = target.length;
  let dot = v0 * target[r];
  for (let i = r + 1; i < n; i++) dot += col[i] * target[i];
  const f = (2 * dot) / vtv;
  target[r] -= f * v0;
  for (let i = r + 1; i < n; i++) target[i] -= f * col[i];
}

/** Householder QR of [X y] in place, leaving out collinear columns (fitOls's rule), and the quantities every fit needs. */
interface Triangulation {
  kept: number[];
  dropped: string[];
  partialResidualSS: number[];
  /** R (kept × kept, upper triangular): R(a, b) = work[kept[b]][a]. */
  work: Float64Array[];
  /** Qᵀy. */
  qty: Float64Array;
}

/**
 * Householder QR of `work` (m rows, a copy of `original`) and `qty` (y), in place: a column whose
 * part not explained by the previous kept columns is below COLLINEARITY_TOLERANCE of its norm is left out.
 */
function triangulate(original: readonly Float64Array[], work: Float64Array[], qty: Float64Array, names: readonly string[]): Triangulation {
  const n = qty.length;
  const kept: number[] = [];
  const partialResidualSS: number[] = [];
  const dropped: string[] = [];
  let r = 0;
  for (let j = 0; j < work.length; j++) {
    const col = work[j];
    let norm0 = 0;
    const source = original[j];
    for (let i = 0; i < n; i++) norm0 += source[i] * source[i];
    norm0 = Math.sqrt(norm0);
    let s = 0;
    for (let i = r; i < n; i++) s += col[i] * col[i];
    s = Math.sqrt(s);
    if (r >= n || norm0 === 0 || s <= COLLINEARITY_TOLERANCE * norm0) {
      dropped.push(names[j]);
      continue;
    }
    const alpha = col[r] > 0 ? -s : s;
    // v = col[r..] − alpha e1, kept in place in col[r..] while reflecting the other columns.
    const v0 = col[r] - alpha;
    const vtv = s * s - 2 * alpha * col[r] + alpha * alpha;
    for (let k = j + 1; k < work.length; k++) reflect(col, v0, vtv, r, work[k]);
    reflect(col, v0, vtv, r, qty);
    col[r] = alpha;
    for (let i = r + 1; i < n; i++) col[i] = 0;
    kept.push(j);
    partialResidualSS.push(s * s);
    r++;
  }
  return { kept, dropped, partialResidualSS, work, qty };
}

/** Coefficients (R b = Qᵀy) and, for each, the diagonal entry of (XᵀX)⁻¹ = R⁻¹ R⁻ᵀ (squared row norm of R⁻¹). */
function solveTriangular({ kept, work, qty }: Triangulation): { beta: number[]; inverseDiagonal: number[] } {
  const p = kept.length;
  const R = (a: number, b: number) => work[kept[b]][a];
  const beta = new Array<number>(p).fill(0);
  for (let a = p - 1; a >= 0; a--) {
    let sum = qty[a];
    for (let b = a + 1; b < p; b++) sum -= R(a, b) * beta[b];
    beta[a] = sum / R(a, a);
  }
  const inv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let c = 0; c < p; c++) {
    inv[c][c] = 1 / R(c, c);
    for (let a = c - 1; a >= 0; a--) {
      let sum = 0;
      for (let b = a + 1; b <= c; b++) sum += R(a, b) * inv[b][c];
      inv[a][c] = -sum / R(a, a);
    }
  }
  return { beta, inverseDiagonal: inv.map((row) => row.reduce((acc, x) => acc + x * x, 0)) };
}

/**
 * Fits y = X b by least squares. `columns` are the columns of X (each of length n, include a column
 * of ones for an intercept); a column whose part not explained by the previous kept columns is
 * below COLLINEARITY_TOLERANCE of its norm is dropped. Throws on mismatched lengths.
 */
export function fitOls(columns: readonly (readonly number[] | Float64Array)[], names: readonly string[], y: readonly number[] | Float64Array): OlsFit {
  const n = y.length;
  if (columns.length !== names.length) throw new RangeError("fitOls: one name per column expected");
  for (const c of columns) if (c.length !== n) throw new RangeError("fitOls: every column must have y's length");
  // Typed copies: the loops below then read one array type only (monomorphic, fast).
  const original = columns.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c)));
  const qr = triangulate(
    original,
    original.map((c) => Float64Array.from(c)),
    Float64Array.from(y),
    names,
  );
  const { kept } = qr;
  const p = kept.length;
  const { beta, inverseDiagonal } = solveTriangular(qr);
  const residuals = new Array<number>(n);
  let rss = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n || 1;
  let tss = 0;
  const fitted = new Float64Array(n);
  for (let b = 0; b < p; b++) {
    const x = original[kept[b]];
    const coefficient = beta[b];
    for (let i = 0; i < n; i++) fitted[i] += x[i] * coefficient;
  }
  for (let i = 0; i < n; i++) {
    const e = y[i] - fitted[i];
    residuals[i] = e;
    rss += e * e;
    tss += (y[i] - mean) * (y[i] - mean);
  }
  const df = n - p;
  const sigma2 = df > 0 ? rss / df : Number.NaN;
  return {
    names: kept.map((j) => names[j]),
    dropped: qr.dropped,
    coefficients: beta,
    standardErrors: inverseDiagonal.map((d) => Math.sqrt(sigma2 * d)),
    n,
    df,
    residuals,
    sigma: Math.sqrt(sigma2),
    rSquared: tss > 0 ? 1 - rss / tss : Number.NaN,
    partialResidualSS: qr.partialResidualSS,
  };
}

/** What fitOlsReduced can tell without the n observations: no residuals, no R². */
export type ReducedOlsFit = Omit<OlsFit, "residuals" | "rSquared">;

/**
 * fitOls of n observations given by a reduced design: m rows [X y] that an orthogonal transformation
 * of the n rows leaves as the only non-zero ones (e.g. group means scaled by √(group size) stacked on
 * the triangular factor of the within-group deviations). Left multiplication by an orthogonal matrix
 * keeps column norms, least-squares coefficients and residual norms, so coefficients, standard
 * errors, dropped columns and partial residual sums of squares are the full design's; the residual
 * sum of squares is the part of Qᵀy below the kept columns, and df = n − kept columns.
 */
export function fitOlsReduced(columns: readonly Float64Array[], names: readonly string[], y: Float64Array, n: number): ReducedOlsFit {
  const m = y.length;
  if (columns.length !== names.length) throw new RangeError("fitOlsReduced: one name per column expected");
  for (const c of columns) if (c.length !== m) throw new RangeError("fitOlsReduced: every column must have y's length");
  const qr = triangulate(
    columns,
    columns.map((c) => Float64Array.from(c)),
    Float64Array.from(y),
    names,
  );
  const p = qr.kept.length;
  const { beta, inverseDiagonal } = solveTriangular(qr);
  let rss = 0;
  for (let i = p; i < m; i++) rss += qr.qty[i] * qr.qty[i];
  const df = n - p;
  const sigma2 = df > 0 ? rss / df : Number.NaN;
  return {
    names: qr.kept.map((j) => names[j]),
    dropped: qr.dropped,
    coefficients: beta,
    standardErrors: inverseDiagonal.map((d) => Math.sqrt(sigma2 * d)),
    n,
    df,
    sigma: Math.sqrt(sigma2),
    partialResidualSS: qr.partialResidualSS,
  };
}

/** Rows per chunk of triangularFactor: a chunk of a few columns stays in the processor's cache. */
const QR_CHUNK_ROWS = 256;

/**
 * The triangular factor R (k × k, RᵀR = XᵀX, nothing left out) of an m × k matrix X read once, chunk
 * by chunk: `fill(start, length, chunk)` writes rows start … start + length − 1 of column j into
 * chunk[j][0 … length − 1]. Each chunk is absorbed by Householder reflections of [R; chunk] (a
 * streaming QR: the same reflections as on the whole matrix, applied block by block). R is returned
 * as k columns of length k, column j holding rows 0 … j.
 */
export function triangularFactor(k: number, m: number, fill: (start: number, length: number, chunk: Float64Array[]) => void): Float64Array[] {
  const R = Array.from({ length: k }, () => new Float64Array(k));
  const chunk = Array.from({ length: k }, () => new Float64Array(QR_CHUNK_ROWS));
  for (let start = 0; start < m; start += QR_CHUNK_ROWS) {
    const length = Math.min(QR_CHUNK_ROWS, m - start);
    fill(start, length, chunk);
    for (let j = 0; j < k; j++) {
      // The column to reflect: R's diagonal entry (R is zero below it) and the chunk's column j.
      const col = chunk[j];
      const top = R[j][j];
      let s = top * top;
      for (let i = 0; i < length; i++) s += col[i] * col[i];
      s = Math.sqrt(s);
      if (s === 0) continue;
      const alpha = top > 0 ? -s : s;
      const v0 = top - alpha;
      const vtv = s * s - 2 * alpha * top + alpha * alpha;
      for (let c = j + 1; c < k; c++) {
        const target = chunk[c];
        let dot = v0 * R[c][j];
        for (let i = 0; i < length; i++) dot += col[i] * target[i];
        const f = (2 * dot) / vtv;
        R[c][j] -= f * v0;
        for (let i = 0; i < length; i++) target[i] -= f * col[i];
      }
      R[j][j] = alpha;
    }
  }
  return R;
}

/** triangularFactor of the m × k matrix whose columns are given (left unchanged). */
export function triangularize(columns: readonly Float64Array[]): Float64Array[] {
  const m = columns.length === 0 ? 0 : columns[0].length;
  return triangularFactor(columns.length, m, (start, length, chunk) => {
    columns.forEach((column, j) => chunk[j].set(column.subarray(start, start + length)));
  });
}

/** Two-sided confidence interval of a coefficient: estimate ± t(1 − (1 − level)/2; df) × standard error. */
export function confidenceInterval(estimate: number, standardError: number, df: number, level: number): { low: number; high: number; t: number } {
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return { low: estimate - t * standardError, high: estimate + t * standardError, t };
}
