/**
 * Directory of organisations that can accompany a structure on professional equality
 * (DOMAIN.md §7; DREETS Hauts-de-France panorama 2025, « Coup de projecteur n° 5 » and « Lancez-vous »).
 * Only public contact details given in DOMAIN.md §7 are listed, each with `verified: false` unless
 * DOMAIN.md marks it as checked against a public source. Galilée has no public email (DOMAIN.md §7:
 * the seed's address for Galilée was FETE's): its website only.
 */
import { HAUTS_DE_FRANCE } from "../departements.ts";

export const SUPPORT_ORGANIZATION_IDS = [
  "corif",
  "galilee",
  "fete_scic",
  "fete_association",
  "cidff",
  "iriae_hdf",
  "drdfe_hdf",
  "apes_hdf",
  "aract",
  "udes",
  "hubertine_auclert",
] as const;
export type SupportOrganizationId = (typeof SUPPORT_ORGANIZATION_IDS)[number];

export const ORGANIZATION_KINDS = [
  "association",
  "cooperative",
  "reseau",
  "service_etat",
  "organisation_employeurs",
  "centre_ressources",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, string>> = {
  association: "Association",
  cooperative: "Société coopérative d'intérêt collectif (SCIC)",
  reseau: "Réseau",
  service_etat: "Service de l'État",
  organisation_employeurs: "Organisation d'employeurs",
  centre_ressources: "Centre de ressources",
};

/** Bourgogne-Franche-Comté: Côte-d'Or, Doubs, Jura, Nièvre, Haute-Saône, Saône-et-Loire, Yonne, Territoire de Belfort. */
export const BOURGOGNE_FRANCHE_COMTE = ["21", "25", "39", "58", "70", "71", "89", "90"] as const;
/** Grand Est: Ardennes, Aube, Marne, Haute-Marne, Meurthe-et-Moselle, Meuse, Moselle, Bas-Rhin, Haut-Rhin, Vosges. */
export const GRAND_EST = ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"] as const;
/** Île-de-France: Paris, Seine-et-Marne, Yvelines, Essonne, Hauts-de-Seine, Seine-Saint-Denis, Val-de-Marne, Val-d'Oise. */
export const ILE_DE_FRANCE = ["75", "77", "78", "91", "92", "93", "94", "95"] as const;
/** Galilée's territory: Pas-de-Calais (Saint-Omer, Calais). */
export const GALILEE_DEPARTEMENTS = ["62"] as const;

export type Territory =
  | { readonly scope: "national"; readonly label: string }
  | { readonly scope: "departements"; readonly departements: readonly string[]; readonly label: string };

/** A public contact detail; `verified` is false when DOMAIN.md §7 marks it unconfirmed (« à vérifier »). */
export interface PublicContact {
  readonly value: string;
  readonly verified: boolean;
}

export interface SupportOrganization {
  readonly id: SupportOrganizationId;
  readonly name: string;
  /** Short name for lists and buttons. */
  readonly shortName: string;
  readonly kind: OrganizationKind;
  /** What it offers, in plain French. */
  readonly offer: string;
  /** For whom, in plain French. */
  readonly audience: string;
  readonly territory: Territory;
  readonly website: PublicContact | null;
  readonly email: PublicContact | null;
  /** What is known and what is not, in French, shown beside unverified details. */
  readonly note: string;
}

const NATIONAL: Territory = { scope: "national", label: "Toute la France" };
const HDF: Territory = { scope: "departements", departements: HAUTS_DE_FRANCE, label: "Hauts-de-France" };

/** The directory, in the order shown when relevance is equal. */
export const SUPPORT_ORGANIZATIONS: readonly SupportOrganization[] = [
  {
    id: "corif",
    name: "CORIF – Conseil, Recherche, Ingénierie et Formation pour l'égalité femmes-hommes",
    shortName: "CORIF",
    kind: "association",
    offer:
      "Association lilloise qui agit depuis plus de 40 ans pour l'égalité entre les femmes et les hommes et la mixité des métiers\u00a0: diagnostics égalité, formations sur mesure pour la direction, les encadrants et les CIP, sensibilisation aux stéréotypes et au sexisme, accompagnement des femmes vers des métiers peu féminisés. Elle a accompagné le Pôle Interm'aide (Nord) pour son accord égalité, puis formé ses encadrants techniques au harcèlement et aux pratiques sexistes.",
    audience: "Structures d'insertion, entreprises adaptées, entreprises, organismes de formation, partenaires de l'insertion, femmes en recherche d'emploi.",
    territory: HDF,
    website: { value: "https://corif.fr", verified: false },
    email: { value: "contact@corif.fr", verified: false },
    note: "Adresse électronique citée par le panorama de la DREETS Hauts-de-France (2025) et site internet à vérifier avant de les utiliser.",
  },
  {
    id: "galilee",
    name: "Association Galilée",
    shortName: "Galilée",
    kind: "association",
    offer:
      "Association de l'économie sociale et solidaire (ESS) créée en 2001 à Saint-Omer, avec un accueil à Calais. Depuis 2015, elle propose aux structures de l'ESS un accompagnement sur mesure pour l'égalité entre les femmes et les hommes\u00a0: diagnostic des pratiques, ateliers avec des profils variés de l'équipe, puis objectifs et plan d'action, comme pour l'ACI Espoir Avenir.",
    audience: "Employeurs et associations de l'ESS du Pays de Saint-Omer et du Calaisis.",
    territory: { scope: "departements", departements: GALILEE_DEPARTEMENTS, label: "Pas-de-Calais (Saint-Omer, Calaisis)" },
    website: { value: "https://galilee-asso.fr", verified: true },
    email: null,
    note: "Pas d'adresse électronique publique connue\u00a0: passez par son site internet.",
  },
  {
    id: "fete_scic",
    name: "Femmes Égalité Emploi (SCIC FETE)",
    shortName: "FETE (coopérative)",
    kind: "cooperative",
    offer:
      "Coopérative qui accompagne les entreprises de plus de 50 salariés et les représentants syndicaux avant, pendant et après la négociation d'un accord sur l'égalité professionnelle\u00a0: informations sur la loi pour tous les partenaires sociaux, diagnostic à partir des données par sexe, recherche d'actions, rédaction de l'accord et de ses indicateurs chiffrés, calcul de l'Index. Elle a accompagné l'ACI Adermas (Aisne) jusqu'à un accord de méthode.",
    audience: "Structures de 50 salariés ou plus, délégués syndicaux et élus du CSE.",
    territory: {
      scope: "departements",
      departements: [...BOURGOGNE_FRANCHE_COMTE, ...GRAND_EST, ...HAUTS_DE_FRANCE],
      label: "Bourgogne-Franche-Comté, Grand Est et Hauts-de-France",
    },
    website: { value: "https://fete-egalite.org", verified: true },
    email: { value: "contact@fete-egalite.org", verified: false },
    note: "Adresse électronique à vérifier avant de l'utiliser. L'accompagnement a été gratuit grâce au Fonds social européen\u00a0: conditions actuelles à demander.",
  },
  {
    id: "fete_association",
    name: "Association FETE – Femmes Égalité Emploi",
    shortName: "FETE (association)",
    kind: "association",
    offer:
      "Branche associative de FETE, structure née en 1991 en Bourgogne-Franche-Comté et basée à Dijon, distincte de la coopérative du même nom\u00a0: sensibilisation à l'égalité, formation des professionnels de l'emploi, accompagnement des femmes vers des métiers à prédominance masculine, interventions dans les écoles, prévention des violences sexistes et sexuelles.",
    audience: "Actrices et acteurs de l'emploi et de l'insertion, employeurs, femmes en reconversion.",
    territory: { scope: "departements", departements: BOURGOGNE_FRANCHE_COMTE, label: "Bourgogne-Franche-Comté" },
    website: { value: "https://fete-egalite.org", verified: true },
    email: { value: "contact@fete-egalite.org", verified: false },
    note: "Adresse électronique à vérifier avant de l'utiliser\u00a0; elle est commune à l'association et à la coopérative.",
  },
  {
    id: "cidff",
    name: "Centres d'information sur les droits des femmes et des familles (CIDFF)",
    shortName: "CIDFF",
    kind: "reseau",
    offer:
      "Environ 100 centres en France, fédérés par la FNCIDFF\u00a0: information juridique, accompagnement des victimes de violences, services emploi pour les femmes, parfois des programmes pour les employeurs. Un appui pour lever les freins des femmes en parcours\u00a0: garde d'enfants, mobilité, violences, confiance en soi, et pour orienter des candidates vers vos métiers.",
    audience: "Femmes et familles, employeurs, CIP et partenaires de l'insertion.",
    territory: NATIONAL,
    website: null,
    email: null,
    note: "Contactez le CIDFF de votre département\u00a0; nous n'avons pas encore vérifié la liste des centres des Hauts-de-France.",
  },
  {
    id: "iriae_hdf",
    name: "IRIAE – Inter-réseaux de l'insertion par l'activité économique des Hauts-de-France",
    shortName: "IRIAE Hauts-de-France",
    kind: "reseau",
    offer:
      "Inter-réseau des fédérations de l'insertion par l'activité économique de la région (Chantier école, Coorace, Fédération des entreprises d'insertion…). Il a lancé une démarche de sensibilisation à l'égalité professionnelle dans l'IAE, porté en 2020 un programme financé par le Fonds social européen pour outiller et accompagner des SIAE, et travaillé avec le CORIF à un guide pour les SIAE.",
    audience: "Structures d'insertion par l'activité économique (ACI, EI, ETTI, AI).",
    territory: HDF,
    website: null,
    email: null,
    note: "Coordonnées non vérifiées\u00a0: passez par votre fédération de l'IAE.",
  },
  {
    id: "drdfe_hdf",
    name: "Délégation régionale aux droits des femmes et à l'égalité (DRDFE) des Hauts-de-France",
    shortName: "DRDFE Hauts-de-France",
    kind: "service_etat",
    offer:
      "Service de l'État auprès du préfet de région, avec des déléguées et délégués dans chaque département\u00a0: porte la politique d'égalité de l'État, finance des associations qui agissent pour l'égalité et peut vous orienter vers les actrices et acteurs de votre territoire.",
    audience: "Acteurs publics et associations.",
    territory: HDF,
    website: null,
    email: null,
    note: "Coordonnées non vérifiées\u00a0: passez par la préfecture de votre département.",
  },
  {
    id: "apes_hdf",
    name: "APES – Acteurs pour une économie solidaire Hauts-de-France",
    shortName: "APES Hauts-de-France",
    kind: "reseau",
    offer:
      "Réseau régional de plus de 160 structures de l'économie solidaire\u00a0: démarche de progrès, achats publics, utilité sociale. Il a été partenaire des ateliers égalité menés avec Galilée à Valenciennes\u00a0; son offre propre sur l'égalité reste à confirmer.",
    audience: "Structures de l'ESS et collectivités.",
    territory: HDF,
    website: { value: "https://apes-hdf.org", verified: true },
    email: null,
    note: "Offre sur l'égalité professionnelle à confirmer auprès du réseau.",
  },
  {
    id: "aract",
    name: "Réseau Anact-Aract (amélioration des conditions de travail)",
    shortName: "Aract",
    kind: "reseau",
    offer:
      "Une agence nationale (Anact) et une association dans chaque région (Aract)\u00a0: outils gratuits pour tenir compte des différences entre les femmes et les hommes dans l'évaluation des risques et les conditions de travail, dont l'outil «\u00a0Diag ÉgaPro-Index\u00a0» pour réaliser son diagnostic égalité sur les neuf domaines.",
    audience: "Employeurs, représentants du personnel, préventeurs.",
    territory: NATIONAL,
    website: null,
    email: null,
    note: "Contactez l'Aract de votre région.",
  },
  {
    id: "udes",
    name: "UDES – Union des employeurs de l'économie sociale et solidaire",
    shortName: "UDES",
    kind: "organisation_employeurs",
    offer:
      "Organisation d'employeurs de l'ESS, signataire en 2015 d'un accord sur l'égalité professionnelle dans l'ESS. Elle a publié un guide pratique pour les employeurs, «\u00a0Passer de la conviction à l'action\u00a0» (novembre 2022), cité par la DREETS Hauts-de-France.",
    audience: "Employeurs de l'ESS.",
    territory: NATIONAL,
    website: null,
    email: null,
    note: "Ressource documentaire\u00a0: pas d'accompagnement individuel connu.",
  },
  {
    id: "hubertine_auclert",
    name: "Centre Hubertine Auclert",
    shortName: "Centre Hubertine Auclert",
    kind: "centre_ressources",
    offer:
      "Centre francilien pour l'égalité entre les femmes et les hommes\u00a0: ressources et outils, notamment sur l'égalité dans la commande publique (atelier mené avec le GIP Maximilien).",
    audience: "Acteurs publics et associatifs d'Île-de-France.",
    territory: { scope: "departements", departements: ILE_DE_FRANCE, label: "Île-de-France" },
    website: null,
    email: null,
    note: "Coordonnées non vérifiées.",
  },
];

const BY_ID: ReadonlyMap<string, SupportOrganization> = new Map(SUPPORT_ORGANIZATIONS.map((o) => [o.id, o]));

/** The organisation with this id, or undefined when the id is unknown. */
export function getSupportOrganization(id: string): SupportOrganization | undefined {
  return BY_ID.get(id);
}

/** True when `id` names an organisation of the directory. */
export function isSupportOrganizationId(id: string): id is SupportOrganizationId {
  return BY_ID.has(id);
}

/** True when the organisation works in this département (national ones everywhere); false when the département is unknown and the territory is local. */
export function coversDepartement(organization: SupportOrganization, departement: string | null | undefined): boolean {
  if (organization.territory.scope === "national") return true;
  if (!departement) return false;
  return organization.territory.departements.includes(departement);
}
