import { StructureFields } from "../ui/structure-fields.tsx";
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/advisor-new-client";
import { requireAdvisorOrg } from "../auth/permissions.server.ts";
import { NEW_CLIENT_LABELS, NewClientSchema } from "../orgs/accompaniment.ts";
import { createClientSpace } from "../orgs/accompaniment.server.ts";
import { ErrorSummary, Field } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = () => [{ title: "Créer l'espace d'une structure · Boussole Égalité" }];

const NBSP = "\u00a0";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org } = await requireAdvisorOrg(request, params.orgId, "edit");
  return { org: { id: org.id, name: org.name } };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { org, user } = await requireAdvisorOrg(request, params.orgId, "edit");
  const submission = parseWithZod(await request.formData(), { schema: NewClientSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createClientSpace(request, { orgId: org.id, orgName: org.name }, user, submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 409 });
  throw redirect(`/o/${org.id}/clients?creee=${encodeURIComponent(outcome.structureId)}`);
}

export default function NewClient({ loaderData, actionData }: Route.ComponentProps) {
  const { org } = loaderData;
  const [form, fields] = useSchemaForm(NewClientSchema, { id: "nouvelle-structure", lastResult: actionData?.result ?? null });
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> ›{" "}
        <Link to={`/o/${org.id}/clients`}>Structures accompagnées</Link> › Nouvelle structure
      </p>
      <h1>Créer l'espace d'une structure</h1>
      <p className="lead">
        Pour un atelier ou un premier rendez-vous{NBSP}: vous créez l'espace de la structure et commencez le diagnostic avec elle, sans attendre qu'elle
        crée son compte.
      </p>
      <ul>
        <li>
          La directrice ou le directeur reçoit une invitation par courriel pour devenir <strong>propriétaire</strong> de l'espace, en créant son compte ou en
          se connectant.
        </li>
        <li>
          «{NBSP}{org.name}{NBSP}» a accès à l'espace en <strong>lecture et modification</strong>, jusqu'à ce que la personne propriétaire change ce niveau
          ou le retire.
        </li>
        <li>Votre association ne gère ni les membres ni les accès de la structure.</li>
      </ul>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} fields={fields} labels={NEW_CLIENT_LABELS} />
        <fieldset>
          <legend>La structure</legend>
          <StructureFields fields={fields} labels={NEW_CLIENT_LABELS} own={false} />
        </fieldset>
        <fieldset>
          <legend>Sa direction</legend>
          <Field
            field={fields.directorEmail}
            label={NEW_CLIENT_LABELS.directorEmail}
            help="L'invitation, valable 14 jours, est envoyée à cette adresse. La personne deviendra propriétaire de l'espace."
          >
            {(p) => <input {...getInputProps(fields.directorEmail, { type: "email" })} {...p} autoComplete="off" />}
          </Field>
        </fieldset>
        <button type="submit" className="button">
          Créer l'espace et envoyer l'invitation
        </button>
      </Form>
    </div>
  );
}
