import { useEffect, useRef, useState } from "react";
import {
  INDEX_AGE_BANDS,
  INDEX_AGE_BAND_LABELS,
  INDEX_CSPS,
  INDEX_CSP_LABELS,
  indexObligation,
  type IndexInput,
  type IndexResult,
} from "../../diagnostics/index/index.ts";
import type { MixityJobInput, PopulationWording } from "../../diagnostics/mixity.ts";
import type { HeadcountMismatch } from "../../diagnostics/profile.ts";
import type { Population } from "../../diagnostics/types.ts";

/** Shared pieces of the jobs (step 2) and index (step 4) pages. */

const NBSP = "\u00a0";
const INTEGER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

export const formatCount = (n: number) => INTEGER.format(n);
export const formatFte = (n: number | null | undefined) => (n === null || n === undefined ? "—" : DECIMAL.format(n));
export const formatEuros = (n: number | null | undefined) => (n === null || n === undefined ? "—" : EUROS.format(n));
export const formatPercent = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${ONE_DECIMAL.format(n)}${NBSP}%`);

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n > 1 ? many : one}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type PopulationWordings = Record<Population, PopulationWording>;

/** « Le tableau compte 7 femmes parmi les salariés en parcours d'insertion, le profil en indique 8. » */
export function mismatchSentence(m: HeadcountMismatch, wording: PopulationWordings, subject = "Le tableau"): string {
  const who = m.sex === "women" ? plural(m.jobs, "femme", "femmes") : plural(m.jobs, "homme", "hommes");
  return `${subject} compte ${who} parmi les ${wording[m.population].label}, le profil en indique ${formatCount(m.profile)}.`;
}

/** The differences between a jobs table and the profile, or nothing when they agree. */
export function MismatchNotice({
  mismatches,
  wording,
  profilePath,
  intro,
  subject,
}: {
  mismatches: HeadcountMismatch[];
  wording: PopulationWordings;
  profilePath: string;
  intro: string;
  subject?: string;
}) {
  if (mismatches.length === 0) return null;
  return (
    <div className="notice notice-warning">
      <p>
        <strong>{intro}</strong>
      </p>
      <ul>
        {mismatches.map((m) => (
          <li key={`${m.population}-${m.sex}`}>{mismatchSentence(m, wording, subject)}</li>
        ))}
      </ul>
      <p>
        Vérifiez les chiffres, ou <a href={profilePath}>corrigez les effectifs du profil</a>. Un écart peut être normal si le tableau compte
        toutes les personnes de l'année et le profil celles présentes au 31 décembre.
      </p>
    </div>
  );
}

/** A read-only jobs table (for people who may only read, another person's version, an import preview). */
export function JobsReadTable({ jobs, wording, caption }: { jobs: readonly MixityJobInput[]; wording: PopulationWordings; caption: string }) {
  const total = jobs.reduce(
    (t, j) => ({
      women: t.women + j.women,
      men: t.men + j.men,
      womenFte: t.womenFte === null || j.womenFte === undefined || j.womenFte === null ? null : t.womenFte + j.womenFte,
      menFte: t.menFte === null || j.menFte === undefined || j.menFte === null ? null : t.menFte + j.menFte,
    }),
    { women: 0, men: 0, womenFte: 0 as number | null, menFte: 0 as number | null },
  );
  return (
    <div className="table-wrap">
      <table className="jobs-read">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Métier</th>
            <th scope="col">Population</th>
            <th scope="col" className="num">
              Femmes
            </th>
            <th scope="col" className="num">
              Hommes
            </th>
            <th scope="col" className="num">
              ETP des femmes
            </th>
            <th scope="col" className="num">
              ETP des hommes
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j, i) => (
            <tr key={`${j.population}-${j.label}-${i}`}>
              <th scope="row">{j.label}</th>
              <td>{capitalize(wording[j.population].label)}</td>
              <td className="num">{formatCount(j.women)}</td>
              <td className="num">{formatCount(j.men)}</td>
              <td className="num">{formatFte(j.womenFte)}</td>
              <td className="num">{formatFte(j.menFte)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="num">{formatCount(total.women)}</td>
            <td className="num">{formatCount(total.men)}</td>
            <td className="num">{formatFte(total.womenFte)}</td>
            <td className="num">{formatFte(total.menFte)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

type ErrorItem = { href?: string; message: string };

/**
 * The errors to list in a form's summary: those of the last submission, frozen until the next one.
 * Errors found while typing (on blur) show beside their fields only, so the summary never moves the
 * page under the pointer nor takes the focus away from the field being filled.
 */
export function useSubmittedErrors(status: string | undefined, items: ErrorItem[]): ErrorItem[] {
  const [shown, setShown] = useState<ErrorItem[]>(status === "error" ? items : []);
  const signature = items.map((i) => `${i.href}|${i.message}`).join("\n");
  useEffect(() => {
    if (status === "error") setShown(items);
  }, [status, signature]);
  return shown;
}

/**
 * A summary of errors at the top of a form, each message linking to its field; it takes the focus
 * when it appears so that keyboard and screen-reader users hear it first.
 */
export function ErrorList({ id, title, items }: { id: string; title?: string; items: Array<{ href?: string; message: string }> }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => i.message).join("|");
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [signature, items.length]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} id={id}>
      <h2 className="error-summary-title">{title ?? (items.length === 1 ? "Un point est à corriger" : `${items.length} points sont à corriger`)}</h2>
      <ul>
        {items.map((item, i) => (
          <li key={`${i}-${item.message}`}>{item.href ? <a href={item.href}>{item.message}</a> : item.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The aggregated index data (what the official simulator asks for), read-only. */
export function IndexInputView({ input, headingLevel = 3 }: { input: IndexInput; headingLevel?: 3 | 4 }) {
  const H = `h${headingLevel}` as "h3" | "h4";
  const rows = INDEX_CSPS.flatMap((csp) =>
    INDEX_AGE_BANDS.map((ageBand) => {
      const w = input.workforce.find((r) => r.csp === csp && r.ageBand === ageBand);
      const p = input.pay.groups.find((g) => g.category === csp && g.ageBand === ageBand);
      return { csp, ageBand, women: w?.women ?? 0, men: w?.men ?? 0, payWomen: p?.avgPayWomen ?? null, payMen: p?.avgPayMen ?? null };
    }),
  ).filter((r) => r.women + r.men > 0);
  const women = input.workforce.reduce((s, r) => s + r.women, 0);
  const men = input.workforce.reduce((s, r) => s + r.men, 0);
  const rp = input.raisesAndPromotions;
  return (
    <div className="index-input-view">
      <div className="table-wrap">
        <table>
          <caption>
            Effectifs et rémunération annuelle brute moyenne en équivalent temps plein, par groupe ({plural(women, "femme", "femmes")} et{" "}
            {plural(men, "homme", "hommes")} en tout)
          </caption>
          <thead>
            <tr>
              <th scope="col">Catégorie et âge</th>
              <th scope="col" className="num">
                Femmes
              </th>
              <th scope="col" className="num">
                Hommes
              </th>
              <th scope="col" className="num">
                Rémunération moyenne des femmes
              </th>
              <th scope="col" className="num">
                Rémunération moyenne des hommes
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.csp}-${r.ageBand}`}>
                <th scope="row">
                  {INDEX_CSP_LABELS[r.csp]}, {INDEX_AGE_BAND_LABELS[r.ageBand]}
                </th>
                <td className="num">{formatCount(r.women)}</td>
                <td className="num">{formatCount(r.men)}</td>
                <td className="num">{formatEuros(r.payWomen)}</td>
                <td className="num">{formatEuros(r.payMen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length < 16 ? <p className="small">Les groupes sans personne ne sont pas affichés.</p> : null}
      <H>Autres données</H>
      <ul>
        {rp !== undefined && rp !== null ? (
          <li>
            Augmentations individuelles (promotions comprises){NBSP}:{" "}
            {rp.happened
              ? `${plural(rp.raisedWomen ?? 0, "femme augmentée", "femmes augmentées")} et ${plural(rp.raisedMen ?? 0, "homme augmenté", "hommes augmentés")}.`
              : "aucune sur la période."}
          </li>
        ) : null}
        {input.raises ? <RatesLine label="Augmentations individuelles (hors promotions)" rates={input.raises} /> : null}
        {input.promotions ? <RatesLine label="Promotions" rates={input.promotions} /> : null}
        <li>
          Retours de congé maternité ou d'adoption{NBSP}:{" "}
          {input.maternity
            ? `${plural(input.maternity.returned, "salariée revenue", "salariées revenues")} pendant que des augmentations avaient lieu, dont ${formatCount(input.maternity.raisedOnReturn)} augmentée${input.maternity.raisedOnReturn > 1 ? "s" : ""} à son retour.`
            : "aucun pendant la période."}
        </li>
        <li>
          Les 10 plus hautes rémunérations{NBSP}: {plural(input.top10.women, "femme", "femmes")} et {plural(input.top10.men, "homme", "hommes")}.
        </li>
      </ul>
    </div>
  );
}

function RatesLine({ label, rates }: { label: string; rates: NonNullable<IndexInput["raises"]> }) {
  if (!rates.happened) return (
      <li>
        {label}
        {NBSP}: aucune sur la période.
      </li>
    );
  return (
    <li>
      {label}
      {NBSP}:{" "}
      {rates.groups
        .filter((g) => g.women + g.men > 0)
        .map((g) => `${INDEX_CSP_LABELS[g.csp]} ${formatPercent(g.ratePctWomen)} des femmes et ${formatPercent(g.ratePctMen)} des hommes`)
        .join(`${NBSP}; `)}
      .
    </li>
  );
}

function indicatorRows(result: IndexResult) {
  const rows: Array<{ key: string; label: string; indicator: { calculable: boolean; points: number | null; maxPoints: number; explanation: string } }> = [
    { key: "pay", label: "Écart de rémunération", indicator: result.pay },
  ];
  if (result.raisesAndPromotions) rows.push({ key: "rp", label: "Écart de taux d'augmentations (promotions comprises)", indicator: result.raisesAndPromotions });
  if (result.raises) rows.push({ key: "raises", label: "Écart de taux d'augmentations (hors promotions)", indicator: result.raises });
  if (result.promotions) rows.push({ key: "promotions", label: "Écart de taux de promotions", indicator: result.promotions });
  rows.push({ key: "maternity", label: "Augmentations au retour de congé maternité", indicator: result.maternity });
  rows.push({ key: "top10", label: "Femmes et hommes parmi les 10 plus hautes rémunérations", indicator: result.top10 });
  return rows;
}

/** The computed estimate: the index (or why it cannot be calculated), then each indicator's points. */
export function IndexEstimate({ result, fiftyPlus, headingId }: { result: IndexResult; fiftyPlus: boolean; headingId: string }) {
  const obligation = indexObligation(result.index.value, fiftyPlus);
  return (
    <section className="index-estimate" aria-labelledby={headingId}>
      <h2 id={headingId}>{result.indicative ? "Estimation indicative de l'index" : "Estimation de l'index"}</h2>
      <p className="index-score">
        {result.index.calculable && result.index.value !== null ? (
          <>
            <strong>{formatCount(result.index.value)}</strong> points sur 100
          </>
        ) : (
          <strong>Index non calculable</strong>
        )}
      </p>
      <p>{result.index.explanation}</p>
      <p className="small">
        {obligation.level !== "not-applicable" ? <strong>{obligation.label}. </strong> : null}
        {obligation.text}
      </p>
      <div className="table-wrap">
        <table>
          <caption>Points de chaque indicateur</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">Ce que cela veut dire</th>
            </tr>
          </thead>
          <tbody>
            {indicatorRows(result).map(({ key, label, indicator }) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td className="num">
                  {indicator.calculable && indicator.points !== null ? `${formatCount(indicator.points)} sur ${formatCount(indicator.maxPoints)}` : "non calculable"}
                </td>
                <td>{indicator.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
