import type { SupportOrganization } from "../../diagnostics/support/index.ts";

/** A support organisation: what it offers, for whom, where, and its public contacts (flagged when unverified). */
export function SupportOrganizationCard({ organization: o, reasons }: { organization: SupportOrganization; reasons?: readonly string[] }) {
  return (
    <article className="card support-card">
      <h3>{o.name}</h3>
      {reasons?.length ? (
        <ul className="reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      <p>{o.offer}</p>
      <p className="small">
        <strong>Pour qui :</strong> {o.audience}
        <br />
        <strong>Où :</strong> {o.territory.label}
      </p>
      {o.website || o.email ? (
        <ul className="contacts small">
          {o.website ? (
            <li>
              Site : {o.website.value.replace(/^https?:\/\//, "")}
              {o.website.verified ? null : " (à vérifier)"}
            </li>
          ) : null}
          {o.email ? (
            <li>
              Courriel : {o.email.value}
              {o.email.verified ? null : " (à vérifier)"}
            </li>
          ) : null}
        </ul>
      ) : null}
      {o.note ? <p className="small">{o.note}</p> : null}
    </article>
  );
}
