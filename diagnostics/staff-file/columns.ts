/**
 * Columns of a staff file: French headers matched without case, accents or punctuation, with common
 * synonyms; columns that would identify people (names, NIR, contact details) are refused.
 */
import { normalizeText } from "./values.ts";

/** The columns the import understands. `age` and `birthDate` both give the age band. */
export const STAFF_COLUMNS = [
  "sex",
  "job",
  "population",
  "csp",
  "age",
  "birthDate",
  "timeShare",
  "monthsPresent",
  "annualGrossPay",
  "raised",
  "promoted",
  "maternityReturn",
  "raisedOnReturn",
  "raisesDuringLeave",
  "coefficient",
  "basePay",
  "variablePay",
  "weeklyHours",
  "payCategory",
  "seniorityYears",
] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];

/** Header of each column in the templates and in messages about a missing column. */
export const STAFF_COLUMN_HEADERS: Record<StaffColumn, string> = {
  sex: "Sexe",
  job: "Emploi",
  population: "Population",
  csp: "CSP",
  age: "Tranche d'âge",
  birthDate: "Date de naissance",
  timeShare: "Temps de travail",
  monthsPresent: "Mois de présence",
  annualGrossPay: "Rémunération annuelle brute",
  raised: "Augmentation",
  promoted: "Promotion",
  maternityReturn: "Retour de congé maternité",
  raisedOnReturn: "Augmentée au retour",
  raisesDuringLeave: "Augmentations pendant le congé",
  coefficient: "Coefficient",
  basePay: "Salaire de base",
  variablePay: "Rémunération variable",
  weeklyHours: "Heures hebdomadaires contractuelles",
  payCategory: "Catégorie d'emploi de valeur égale",
  seniorityYears: "Ancienneté",
};

/** Optional columns of the pay-transparency indicators (directive 2023/970); a row holds their fields only when the file has the column. */
export const TRANSPARENCY_COLUMNS = ["basePay", "variablePay", "weeklyHours", "payCategory", "seniorityYears"] as const satisfies readonly StaffColumn[];

/** Columns that must be present (the age band may come from `age` or `birthDate`). */
export const REQUIRED_STAFF_COLUMNS: readonly StaffColumn[] = ["sex", "job", "population", "csp", "timeShare", "annualGrossPay"];

/**
 * Accepted headers, already normalised (see normalizeText). A header also matches « synonym + more
 * words » (« Rémunération annuelle brute 2025 »), except synonyms written with a leading « = », too
 * vague to be extended (« Salaire horaire » is not an annual pay).
 */
const SYNONYMS: Record<StaffColumn, readonly string[]> = {
  sex: ["sexe", "genre", "sexe f h", "sexe h f", "f h", "h f", "femme homme", "homme femme", "femme ou homme"],
  job: [
    "emploi",
    "emplois",
    "metier",
    "=poste",
    "poste occupe",
    "emploi occupe",
    "intitule",
    "intitule du poste",
    "intitule de poste",
    "intitule de l emploi",
    "intitule d emploi",
    "intitule du metier",
    "libelle emploi",
    "libelle de l emploi",
    "libelle du poste",
    "=fonction",
    "nom du poste",
    "nom de l emploi",
    "nom du metier",
    "emploi repere",
  ],
  population: [
    "population",
    "=public",
    "type de public",
    "type de salarie",
    "categorie de salarie",
    "permanent ou parcours",
    "permanent parcours",
    "parcours ou permanent",
    "salarie permanent ou en parcours",
    "statut permanent parcours",
  ],
  csp: [
    "csp",
    "categorie socioprofessionnelle",
    "categorie socio professionnelle",
    "categorie professionnelle",
    "=categorie",
    "pcs",
    "csp index",
  ],
  age: ["age", "tranche d age", "tranche age", "tranches d age", "classe d age", "age au 31 12", "age au 31 decembre"],
  birthDate: ["date de naissance", "date naissance", "naissance", "ne le", "nee le", "ne e le"],
  timeShare: [
    "temps de travail",
    "quotite",
    "quotite de travail",
    "quotite de temps de travail",
    "taux d activite",
    "taux d emploi",
    "temps de travail contractuel",
    "duree du travail",
    "duree hebdomadaire",
    "horaire hebdomadaire",
    "heures hebdomadaires",
    "pourcentage temps de travail",
    "temps partiel",
  ],
  monthsPresent: [
    "mois de presence",
    "nombre de mois de presence",
    "nb mois de presence",
    "duree de presence",
    "=presence",
    "mois presents",
    "presence en mois",
    "=mois",
  ],
  annualGrossPay: [
    "remuneration annuelle brute",
    "remuneration brute annuelle",
    "remuneration annuelle",
    "remuneration brute",
    "=remuneration",
    "salaire annuel brut",
    "salaire brut annuel",
    "salaire annuel",
    "salaire brut",
    "=salaire",
    "brut annuel",
  ],
  raised: ["augmentation", "augmentation individuelle", "augmente", "a ete augmente", "augmentation hors promotion"],
  promoted: ["promotion", "promu", "a ete promu"],
  maternityReturn: [
    "retour de conge maternite",
    "retour de conge de maternite",
    "retour conge maternite",
    "retour de conge maternite ou d adoption",
    "retour de conge maternite ou adoption",
    "retour maternite",
    "conge maternite",
  ],
  raisedOnReturn: [
    "augmentee au retour",
    "augmente au retour",
    "augmentation au retour",
    "augmentation au retour de conge",
    "augmentee au retour de conge",
    "augmentation de rattrapage",
    "rattrapage au retour",
  ],
  raisesDuringLeave: [
    "augmentations pendant le conge",
    "augmentation pendant le conge",
    "augmentations pendant le conge maternite",
    "augmentations durant le conge",
  ],
  coefficient: ["coefficient", "coef", "=niveau", "coefficient niveau", "niveau coefficient", "classification", "echelon", "=position"],
  basePay: [
    "salaire de base",
    "salaire de base annuel",
    "salaire de base annuel brut",
    "salaire de base brut annuel",
    "remuneration de base",
    "remuneration de base annuelle",
    "salaire minimum de base",
    "=base",
  ],
  variablePay: [
    "remuneration variable",
    "remuneration variable ou complementaire",
    "remunerations variables",
    "composantes variables",
    "composantes variables ou complementaires",
    "part variable",
    "=variable",
    "primes",
    "=prime",
    "primes et complements",
    "primes et bonus",
    "complements de salaire",
    "complements de remuneration",
  ],
  weeklyHours: [
    "heures hebdomadaires contractuelles",
    "=heures contractuelles",
    "heures contractuelles par semaine",
    "duree hebdomadaire contractuelle",
    "horaire contractuel",
    "horaire hebdomadaire contractuel",
    "nombre d heures hebdomadaires contractuelles",
    "heures par semaine au contrat",
  ],
  payCategory: [
    "categorie d emploi de valeur egale",
    "categorie d emplois de valeur egale",
    "categorie de valeur egale",
    "categorie de travail de valeur egale",
    "groupe de valeur egale",
    "categorie de travailleurs",
    "categorie d emploi",
    "categorie d emplois",
    "categorie egalite salariale",
  ],
  seniorityYears: ["anciennete", "anciennete en annees", "annees d anciennete", "nombre d annees d anciennete", "anciennete ans"],
};

/** The column a header designates, or null. Exact synonyms win over « synonym + more words », longer over shorter. */
export function matchStaffColumn(header: string): StaffColumn | null {
  const h = normalizeText(header);
  if (h === "") return null;
  let best: StaffColumn | null = null;
  let bestScore = 0;
  for (const column of STAFF_COLUMNS) {
    for (const written of SYNONYMS[column]) {
      const exactOnly = written.startsWith("=");
      const synonym = exactOnly ? written.slice(1) : written;
      let score = 0;
      if (h === synonym) score = 1000 + synonym.length;
      else if (!exactOnly && h.startsWith(`${synonym} `)) score = synonym.length;
      if (score > bestScore) {
        best = column;
        bestScore = score;
      }
    }
  }
  if (best === "annualGrossPay" && NOT_ANNUAL.test(h)) return null;
  return best;
}

/** Pay headers that are not annual amounts. */
const NOT_ANNUAL = /(^| )(mensuel|mensuelle|horaire|hebdomadaire|par mois|par heure|net|nette)( |$)/;

/** Why a header is refused: it would hold directly identifying personal data. */
export type ForbiddenKind = "name" | "nir" | "contact";

const NAME_HEADER =
  /^(noms?|noms? (de famille|d usage|usuels?|de naissance|patronymiques?|complets?|et prenoms?|prenoms?)|(nom )?(du|de la|de l) (salarie|salariee|personne|employe|agent|beneficiaire))$|^noms? (du|de la|de l) (salarie|salariee|personne|employe|agent|beneficiaire)( .*)?$|(^| )prenoms?( |$)|^identite|^patronyme/;
const NIR_HEADER = /(^| )nir( |$)|securite sociale|(^| )secu( |$)|(^| )(n|no|num|numero) (ss|insee)( |$)|(^| )ss( |$)|numero insee|(^| )nss( |$)/;
const CONTACT_HEADER = /(^| )(e ?mail|courriel|mail|telephone|tel|portable|adresse|address|iban|rib)( |$)/;

/** Whether a header is refused because its column would identify people; null when it is allowed. */
export function forbiddenColumnKind(header: string): ForbiddenKind | null {
  const h = normalizeText(header);
  if (h === "") return null;
  if (NIR_HEADER.test(h)) return "nir";
  if (NAME_HEADER.test(h)) return "name";
  if (CONTACT_HEADER.test(h)) return "contact";
  return null;
}
