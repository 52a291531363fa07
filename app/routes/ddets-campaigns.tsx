import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/ddets-campaigns";
import { getDb } from "../../db/client.ts";
import { campaignCounts, listCampaignInvitations } from "../../db/queries/ddets.ts";
import { cellText, suppress, SUPPRESSION_RULE_TEXT } from "../../diagnostics/ddets.ts";
import { requireDdets } from "../auth/permissions.server.ts";
import { CAMPAIGN_MAX_EMAILS, CampaignInviteSchema } from "../ddets/campaign.ts";
import { inviteStructures } from "../ddets/campaign.server.ts";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { formatDate } from "../ui/format.ts";
import { CellValue } from "../ui/ddets.tsx";
import { useSchemaForm } from "../ui/use-form.ts";
import resultsCss from "../ui/results.css?url";
import ddetsCss from "../ui/ddets.css?url";

const NBSP = "\u00a0";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: resultsCss },
  { rel: "stylesheet", href: ddetsCss },
];

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Campagnes d'invitation · ${data?.org.name ?? "DDETS"} · Boussole Égalité` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, role } = await requireDdets(request, params.orgId);
  const db = await getDb();
  const [invitations, counts] = await Promise.all([listCampaignInvitations(db, org.id), campaignCounts(db, org.id)]);
  return {
    org: { id: org.id, name: org.name },
    canInvite: role !== "viewer",
    invitations: invitations.map((i) => ({ email: i.email, invitedAt: i.invitedAt.toISOString(), invitedByName: i.invitedByName })),
    counts: { invited: counts.invited, registered: suppress(counts.registered), started: suppress(counts.started), finished: suppress(counts.finished) },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { org, user } = await requireDdets(request, params.orgId, "edit");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CampaignInviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  const outcome = await inviteStructures(await getDb(), request, { ddets: { id: org.id, name: org.name }, emails: submission.value.emails, invitedBy: user });
  return { result: submission.reply({ resetForm: true }), done: outcome };
}

const LABELS = { emails: "Adresses électroniques des structures" };

function plural(n: number, one: string, many: string) {
  return `${new Intl.NumberFormat("fr-FR").format(n)} ${n > 1 ? many : one}`;
}

export default function DdetsCampaigns({ loaderData, actionData }: Route.ComponentProps) {
  const { org, counts, invitations } = loaderData;
  const [form, fields] = useSchemaForm(CampaignInviteSchema, { id: "campagne", lastResult: actionData?.result });
  const done = actionData?.done;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> › Campagnes d'invitation
      </p>
      <h1>Inviter des structures</h1>
      <p className="lead">
        Invitez les structures inclusives de vos départements à faire leur autodiagnostic. Chaque adresse reçoit un courriel avec un lien pour créer l'espace de sa
        structure{NBSP}; quand elle s'inscrit, elle est comptée dans votre campagne.
      </p>
      {done ? (
        <Notice>
          {done.invited.length > 0 ? `${plural(done.invited.length, "invitation envoyée", "invitations envoyées")}.` : "Aucune nouvelle invitation."}
          {done.alreadyInvited.length > 0 ? ` ${plural(done.alreadyInvited.length, "adresse était déjà invitée", "adresses étaient déjà invitées")}${NBSP}: ${done.alreadyInvited.join(", ")}.` : ""}
        </Notice>
      ) : null}

      <section aria-labelledby="bilan-titre">
        <h2 id="bilan-titre">Où en est votre campagne</h2>
        <ul className="figure-cards">
          <li className="figure-card tone-neutral">
            <h3 className="figure-label">Invitations envoyées</h3>
            <p>
              <span className="figure-value">{cellText({ status: "shown", count: counts.invited })}</span>
            </p>
          </li>
          {(
            [
              ["Structures inscrites", counts.registered],
              ["Ont commencé un diagnostic", counts.started],
              ["Ont terminé un diagnostic", counts.finished],
            ] as const
          ).map(([label, cell]) => (
            <li key={label} className="figure-card tone-neutral">
              <h3 className="figure-label">{label}</h3>
              <p>
                <span className={`figure-value${cell.status === "shown" ? "" : " figure-value-suppressed"}`}>
                  <CellValue cell={cell} />
                </span>
              </p>
            </li>
          ))}
        </ul>
        <p className="small">{SUPPRESSION_RULE_TEXT} Les inscriptions ne sont comptées que pour les structures de vos départements.</p>
        <p>
          <Link to={`/o/${org.id}/suivi`}>Voir le suivi des structures</Link>
        </p>
      </section>

      {loaderData.canInvite ? (
        <section aria-labelledby="inviter-titre">
          <h2 id="inviter-titre">Envoyer des invitations</h2>
          <Form method="post" {...getFormProps(form)} className="stack narrow">
            <ErrorSummary form={form} fields={fields} labels={LABELS} />
            <Field
              field={fields.emails}
              label={LABELS.emails}
              help={`Une adresse par ligne, ou séparées par «${NBSP};${NBSP}» ou «${NBSP},${NBSP}» (${CAMPAIGN_MAX_EMAILS} au plus). Une adresse déjà invitée n'est pas relancée.`}
            >
              {(p) => <textarea {...getTextareaProps(fields.emails)} {...p} className="emails" rows={8} autoComplete="off" spellCheck={false} />}
            </Field>
            <button type="submit" className="button">
              Envoyer les invitations
            </button>
          </Form>
        </section>
      ) : (
        <p className="notice notice-info">Votre rôle dans cet espace permet de consulter la campagne, pas d'envoyer des invitations.</p>
      )}

      <section aria-labelledby="envois-titre">
        <h2 id="envois-titre">Adresses invitées</h2>
        {invitations.length === 0 ? (
          <p>Aucune invitation envoyée pour l'instant.</p>
        ) : (
          <>
            <p className="small">Pour protéger les structures, cette liste ne dit pas lesquelles se sont inscrites{NBSP}: seuls les totaux ci-dessus le disent.</p>
            <ul className="campaign-list">
              {invitations.map((i) => (
                <li key={i.email}>
                  {i.email} <span className="small">({formatDate(i.invitedAt)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
