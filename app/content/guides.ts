/**
 * The guides listed in the "Lancez-vous !" section of the DREETS Hauts-de-France panorama (July 2025).
 * The panorama gives no addresses for them: we name them without inventing links.
 */
export const GUIDES: ReadonlyArray<{ title: string; description: string; source?: string }> = [
  {
    title: "Jeu DITO",
    description: "un quiz ludique sur le droit du travail lié à la parentalité et aux congés de maternité et de paternité",
    source: "CORIF",
  },
  {
    title: "12 fiches pratiques pour passer de la conviction à l'action",
    description: "le guide pratique de l'UDES sur l'égalité entre les femmes et les hommes dans l'économie sociale et solidaire",
    source: "UDES, novembre 2022",
  },
  {
    title: "Guide pour l'égalité professionnelle dans les SIAE",
    description: "comment mener un autodiagnostic et un plan d'action sur l'égalité entre les femmes et les hommes dans une structure d'insertion",
  },
  {
    title: "Guide pratique de la féminisation des emplois dans l'industrie",
    description: "à destination des acteurs de l'industrie",
    source: "préfecture de la Somme, mai 2023",
  },
  {
    title: "Plan d'actions égalité 2024-2026 de Valenciennes Métropole",
    description: "un exemple de plan d'action public, avec 15 thèmes et un réseau égalité",
  },
  {
    title: "Guide anti-préjugés sur les femmes dans l'industrie, le BTP et les espaces verts",
    description: "pour repérer et déconstruire les stéréotypes sur ces métiers",
    source: "CORIF, PLIE et la Fabrique Défi",
  },
  {
    title: "Panorama « Égalité et mixité dans l'emploi inclusif »",
    description: "état des lieux et bonnes pratiques en Hauts-de-France, avec les autres panoramas de la collection et les replays des webinaires",
    source: "DREETS Hauts-de-France, juillet 2025",
  },
];
