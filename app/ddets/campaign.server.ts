import type { Db } from "../../db/client.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import { insertCampaignInvitations } from "../../db/queries/ddets.ts";
import { SMALL_CELL_MIN_STRUCTURES } from "../../diagnostics/ddets.ts";
import { publicUrl, sendMail } from "../mail/mailer.server.ts";

const NBSP = "\u00a0";

/** The sign-up link of a campaign invitation: /inscription?campagne=<invitation id>. */
export function campaignLink(request: Request, invitationId: string): string {
  return `${publicUrl(request)}/inscription?campagne=${encodeURIComponent(invitationId)}`;
}

/**
 * Records the DDETS's invitations (addresses already invited are skipped) and mails each new one a
 * sign-up link. Returns the addresses invited now and those skipped.
 */
export async function inviteStructures(
  db: Db,
  request: Request,
  input: { ddets: { id: string; name: string }; emails: readonly string[]; invitedBy: { id: string; name: string } },
): Promise<{ invited: string[]; alreadyInvited: string[] }> {
  const inserted = await db.transaction(async (tx) => {
    const rows = await insertCampaignInvitations(tx, input.ddets.id, input.emails, input.invitedBy.id);
    if (rows.length > 0) {
      await insertAudit(tx, { organizationId: input.ddets.id, actorUserId: input.invitedBy.id, action: "campaign.invited", details: { count: rows.length } });
    }
    return rows;
  });
  for (const row of inserted) {
    await sendMail({
      to: row.email,
      subject: `Boussole Égalité${NBSP}: faites le point sur l'égalité femmes-hommes dans votre structure`,
      text: `Bonjour,

${input.ddets.name} vous invite à utiliser Boussole Égalité, l'outil gratuit d'autodiagnostic de l'égalité professionnelle entre les femmes et les hommes, pensé pour les structures inclusives (ACI, EI, ETTI, AI, EA, ESAT, GEIQ).

En une à deux heures, vous faites le point sur la mixité de vos métiers et sur neuf domaines (embauche, formation, rémunération…), et vous obtenez des pistes d'action concrètes.

Pour créer l'espace de votre structure, ouvrez ce lien${NBSP}:
${campaignLink(request, row.id)}

Ce que voit la DDETS${NBSP}: le nom, le type et la commune de votre structure et l'avancement de votre diagnostic, ainsi que des chiffres d'ensemble calculés sur au moins ${SMALL_CELL_MIN_STRUCTURES} structures. Elle ne voit jamais vos réponses, vos données sur le personnel ni les salaires.

L'équipe Boussole Égalité`,
    });
  }
  const done = new Set(inserted.map((r) => r.email));
  return { invited: [...done], alreadyInvited: input.emails.filter((e) => !done.has(e)) };
}
