import "./zod-config.ts";
import { useEffect, useRef, type ReactNode } from "react";
/** The parts of a Conform field (or of any field state) these components use. */
export interface FieldState {
  id: string;
  name: string;
  errors?: string[];
  initialValue?: unknown;
}
type AnyField = FieldState;

/**
 * The error summary at the top of a form: the number of problems and a link to each field. It takes
 * the focus after a failed submission so that screen-reader and keyboard users hear it first.
 */
export function ErrorSummary({
  form,
  fields,
  labels,
}: {
  form: { id: string; errors?: string[]; status?: string };
  fields: Record<string, AnyField | undefined>;
  labels: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const items: Array<{ id: string; label: string; message: string }> = [];
  for (const [name, label] of Object.entries(labels)) {
    const field = fields[name];
    if (field?.errors?.length) items.push({ id: field.id, label, message: field.errors[0] });
  }
  const formErrors = form.errors ?? [];
  const count = items.length + formErrors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, form.status]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} id={`${form.id}-summary`}>
      <h2 className="error-summary-title">
        {count === 1 ? "Un point est à corriger" : `${count} points sont à corriger`}
      </h2>
      <ul>
        {formErrors.map((e) => (
          <li key={e}>{e}</li>
        ))}
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>
              {item.label}&nbsp;: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled field with its help text and its error message, wired with aria-describedby. */
export function Field({
  field,
  label,
  help,
  children,
}: {
  field: AnyField;
  label: string;
  help?: ReactNode;
  children: (props: { id: string; name: string; "aria-invalid": boolean | undefined; "aria-describedby": string | undefined; defaultValue: string | undefined }) => ReactNode;
}) {
  const errorId = `${field.id}-error`;
  const helpId = `${field.id}-help`;
  const hasError = Boolean(field.errors?.length);
  const describedBy = [help ? helpId : null, hasError ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${hasError ? " field-error" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
      {hasError ? (
        <p className="field-error-message" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {field.errors![0]}
        </p>
      ) : null}
      {children({
        id: field.id,
        name: field.name,
        "aria-invalid": hasError || undefined,
        "aria-describedby": describedBy,
        defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
      })}
    </div>
  );
}

/** A message shown after a successful action (rendered in a polite live region). */
export function Notice({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "info" | "warning" }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}
