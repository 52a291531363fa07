import { getInputProps, getSelectProps } from "@conform-to/react";
import { DEPARTEMENT_OPTIONS } from "../../diagnostics/departements.ts";
import { STRUCTURE_TYPE_LABELS, STRUCTURE_TYPES } from "../../diagnostics/types.ts";
import { Field } from "./form.tsx";

type InputField = Parameters<typeof getInputProps>[0];
type SelectField = Parameters<typeof getSelectProps>[0];

export interface StructureFieldSet {
  structureName: InputField;
  siret: InputField;
  structureType: SelectField;
  departement: SelectField;
  commune: InputField;
}

/**
 * The identity of a structure (name, SIRET, type, département, commune), as typed at sign-up by its
 * director or by an advisor creating a client's space. `own` says whether the person fills in their
 * own structure (browser autofill on) or another one.
 */
export function StructureFields({ fields, labels, own }: { fields: StructureFieldSet; labels: Record<keyof StructureFieldSet, string>; own: boolean }) {
  return (
    <>
      <Field field={fields.structureName} label={labels.structureName}>
        {(p) => <input {...getInputProps(fields.structureName, { type: "text" })} {...p} autoComplete={own ? "organization" : "off"} />}
      </Field>
      <Field
        field={fields.siret}
        label={labels.siret}
        help={`14 chiffres, sur ${own ? "vos" : "les"} fiches de paie ou l'avis de situation Insee. Les espaces sont acceptés.`}
      >
        {(p) => <input {...getInputProps(fields.siret, { type: "text" })} {...p} inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field field={fields.structureType} label={labels.structureType}>
        {(p) => (
          <select {...getSelectProps(fields.structureType)} {...p}>
            <option value="">Choisissez…</option>
            {STRUCTURE_TYPES.map((t) => (
              <option key={t} value={t}>
                {STRUCTURE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field field={fields.departement} label={labels.departement}>
        {(p) => (
          <select {...getSelectProps(fields.departement)} {...p}>
            <option value="">Choisissez…</option>
            {DEPARTEMENT_OPTIONS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} – {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field field={fields.commune} label={labels.commune}>
        {(p) => <input {...getInputProps(fields.commune, { type: "text" })} {...p} autoComplete={own ? "address-level2" : "off"} />}
      </Field>
    </>
  );
}
