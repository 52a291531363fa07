import { useEffect, useRef, useState } from "react";
import { formatDate, formatTime } from "./format.ts";

/** What the domain page needs of a question (built on the server by `questionView`). */
export interface QuestionFieldData {
  id: string;
  kind: "ynp" | "number" | "percentage" | "single" | "multiple";
  text: string;
  help: string;
  legalReference: string | null;
  unit: string | null;
  options: { value: string; label: string }[];
  exclusive: string[];
  value: string | string[];
  version: number;
  savedAt: string | null;
}

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; unavailable?: boolean }
  | { kind: "invalid"; message: string }
  | { kind: "conflict"; version: number; theirs: string; theirValue: string | string[]; updatedByName: string | null; updatedAt: string | null };

const DONT_KNOW = "ne_sait_pas";
/** Wait after the last keystroke before saving a typed number; choices save at once. */
const TYPING_DEBOUNCE_MS = 800;
const CHOICE_DEBOUNCE_MS = 150;

function asArray(v: string | string[]): string[] {
  return Array.isArray(v) ? v : v === "" ? [] : [v];
}

/**
 * One question of a domain page. Without JavaScript it is plain form controls posted with the page.
 * With JavaScript (`autosave`), every change is saved on its own, with a visible state, a retry on
 * failure, and a choice when someone else saved another answer in between.
 */
export function QuestionField({
  q,
  error,
  autosaveUrl,
  disabled,
  onStateChange,
}: {
  q: QuestionFieldData;
  error?: string;
  autosaveUrl: string | null;
  disabled: boolean;
  onStateChange?: (id: string, state: "saving" | "saved" | "failed", saved?: { at: string; value: string[] }) => void;
}) {
  const [value, setValue] = useState<string[]>(asArray(q.value));
  const [saved, setSaved] = useState<{ value: string[]; version: number }>({ value: asArray(q.value), version: q.version });
  const [state, setState] = useState<SaveState>(q.savedAt ? { kind: "saved", at: q.savedAt } : { kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ value: string[]; version: number } | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function save(next: string[], version: number) {
    if (!autosaveUrl) return;
    pending.current = { value: next, version };
    setState({ kind: "saving" });
    onStateChange?.(q.id, "saving");
    const body = new FormData();
    body.set("questionId", q.id);
    body.set(`v.${q.id}`, String(version));
    for (const v of next) body.append(`q.${q.id}`, v);
    try {
      const response = await fetch(autosaveUrl, { method: "POST", body, headers: { Accept: "application/json" } });
      if (response.status !== 200 && response.status !== 400 && response.status !== 409) {
        setState({ kind: "failed", unavailable: response.status === 503 });
        onStateChange?.(q.id, "failed");
        return;
      }
      const outcome = (await response.json()) as
        | { status: "saved"; version: number; savedAt: string }
        | { status: "invalid"; message: string }
        | ({ status: "conflict" } & Omit<Extract<SaveState, { kind: "conflict" }>, "kind">);
      if (outcome.status === "saved") {
        setSaved({ value: next, version: outcome.version });
        setState({ kind: "saved", at: outcome.savedAt });
        onStateChange?.(q.id, "saved", { at: outcome.savedAt, value: next });
      } else if (outcome.status === "invalid") {
        setState({ kind: "invalid", message: outcome.message });
        onStateChange?.(q.id, "failed");
      } else {
        setState({ kind: "conflict", version: outcome.version, theirs: outcome.theirs, theirValue: outcome.theirValue, updatedByName: outcome.updatedByName, updatedAt: outcome.updatedAt });
        onStateChange?.(q.id, "failed");
      }
    } catch {
      setState({ kind: "failed" });
      onStateChange?.(q.id, "failed");
    }
  }

  function change(next: string[], delay: number) {
    setValue(next);
    if (!autosaveUrl) return;
    if (timer.current) clearTimeout(timer.current);
    if (next.length === 0) return;
    timer.current = setTimeout(() => save(next, saved.version), delay);
  }

  const name = `q.${q.id}`;
  const errorMessage = error ?? (state.kind === "invalid" ? state.message : undefined);
  const errorId = `${q.id}-error`;
  const helpId = `${q.id}-help`;
  const describedBy = [helpId, errorMessage ? errorId : null].filter(Boolean).join(" ");

  const toggle = (option: string, checked: boolean) => {
    let next = value.filter((v) => v !== option);
    if (checked) {
      // « Je ne sais pas » and exclusive options (« Aucune ») stand alone.
      if (option === DONT_KNOW || q.exclusive.includes(option)) next = [option];
      else next = [...next.filter((v) => v !== DONT_KNOW && !q.exclusive.includes(v)), option];
    }
    change(next, CHOICE_DEBOUNCE_MS);
  };

  let controls;
  if (q.kind === "number" || q.kind === "percentage") {
    const dontKnow = value[0] === DONT_KNOW;
    controls = (
      <div className="number-answer">
        <label htmlFor={`${q.id}-input`} className="visually-hidden">
          Votre réponse{q.unit ? ` (${q.unit})` : ""}
        </label>
        <input
          id={`${q.id}-input`}
          type="text"
          inputMode="decimal"
          name={name}
          className="input-short"
          value={dontKnow ? "" : (value[0] ?? "")}
          onChange={(e) => change(e.target.value.trim() === "" ? [] : [e.target.value], TYPING_DEBOUNCE_MS)}
          aria-describedby={describedBy}
          aria-invalid={errorMessage ? true : undefined}
          disabled={disabled}
        />{" "}
        {q.unit ? <span aria-hidden="true">{q.unit}</span> : null}
        <label className="choice">
          <input type="checkbox" name={name} value={DONT_KNOW} checked={dontKnow} onChange={(e) => change(e.target.checked ? [DONT_KNOW] : [], CHOICE_DEBOUNCE_MS)} disabled={disabled} /> Je ne sais pas
        </label>
      </div>
    );
  } else {
    const multiple = q.kind === "multiple";
    controls = (
      <div className="choices">
        {q.options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => (multiple ? toggle(o.value, e.target.checked) : change([o.value], CHOICE_DEBOUNCE_MS))}
              disabled={disabled}
            />{" "}
            {o.label}
          </label>
        ))}
      </div>
    );
  }

  return (
    <fieldset className={`question${errorMessage ? " field-error" : ""}`} id={q.id} aria-describedby={describedBy}>
      <legend>{q.text}</legend>
      <p className="field-help" id={helpId}>
        {q.help}
        {q.legalReference ? <span className="legal-ref"> ({q.legalReference})</span> : null}
      </p>
      {errorMessage ? (
        <p className="field-error-message" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {errorMessage}
        </p>
      ) : null}
      <input type="hidden" name={`v.${q.id}`} value={saved.version} />
      {saved.value.map((v) => (
        <input key={v} type="hidden" name={`o.${q.id}`} value={v} />
      ))}
      {controls}
      {autosaveUrl ? (
        <p className="save-state" aria-live="polite">
          {state.kind === "saving" ? "Enregistrement…" : null}
          {state.kind === "saved" ? `Enregistré à ${formatTime(state.at)}` : null}
          {state.kind === "failed" ? (
            <>
              <span className="save-failed">
                {state.unavailable
                  ? "Service momentanément indisponible\u00a0: l'enregistrement n'a pas pu se faire. Votre réponse est gardée sur cette page\u00a0; réessayez dans un instant."
                  : "L'enregistrement a échoué (connexion interrompue ?). Votre réponse est gardée sur cette page."}
              </span>{" "}
              <button type="button" className="button button-small button-secondary" onClick={() => pending.current && save(pending.current.value, pending.current.version)}>
                Réessayer
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {state.kind === "conflict" ? (
        <div className="notice notice-warning conflict" role="alert">
          <p>
            {state.updatedByName ?? "Une autre personne"} a répondu « {state.theirs} »
            {state.updatedAt ? ` le ${formatDate(state.updatedAt)} à ${formatTime(state.updatedAt)}` : ""}, pendant que vous répondiez. Votre
            réponse n'a pas été enregistrée.
          </p>
          <div className="actions">
            <button type="button" className="button button-small" onClick={() => save(value, state.version)}>
              Garder ma réponse
            </button>
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => {
                const theirs = asArray(state.theirValue);
                setValue(theirs);
                setSaved({ value: theirs, version: state.version });
                setState(state.updatedAt ? { kind: "saved", at: state.updatedAt } : { kind: "idle" });
              }}
            >
              Prendre sa réponse
            </button>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
