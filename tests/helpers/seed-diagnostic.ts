import type { Db } from "../../db/client.ts";
import { insertDiagnostic, saveProfile } from "../../db/queries/diagnostics.ts";
import { isApplicable, QUESTIONS } from "../../diagnostics/questionnaire.ts";
import type { Profile } from "../../diagnostics/types.ts";
import { makeOrg, makeUser } from "./factories.ts";

/** A small ACI's profile (CSE, no délégué syndical, no accord yet). */
export const ACI_PROFILE: Profile = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: 4,
  permanentMen: 3,
  parcoursWomen: 6,
  parcoursMen: 11,
  permanentFte: 6.5,
  parcoursFte: null,
  hasCse: true,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
  activities: ["espaces verts", "maraîchage"],
  departement: "59",
};

/**
 * An owner (with a session cookie) of a structure that has one diagnostic of `year` with its
 * profile filled, and the yes/partly/no questions that apply to it (answer values "oui", "non"…).
 */
export async function seedStructureDiagnostic(db: Db, year = 2025) {
  const owner = await makeUser(db, { name: "Nadia Benali" });
  const org = await makeOrg(db, owner, "structure", { name: "ACI des Jardins", departement: "59" });
  const { id: diagId } = await insertDiagnostic(db, org.id, year, owner.id);
  const saved = await saveProfile(db, org.id, diagId, 0, { ...ACI_PROFILE }, owner.id);
  if (!saved?.ok) throw new Error("profile not saved");
  const questionIds = QUESTIONS.filter((q) => q.kind === "ynp" && isApplicable(q, ACI_PROFILE)).map((q) => q.id);
  return { owner, org, diagId, path: `/o/${org.id}/d/${diagId}`, questionIds };
}
