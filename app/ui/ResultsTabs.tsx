import { Link } from "react-router";
import { stepPath, transparencyPath } from "../diagnostic/steps.ts";

/** The results page's two tabs, as links (each is its own page); the current one carries aria-current="page". */
export function ResultsTabs({ orgId, diagId, current }: { orgId: string; diagId: string; current: "resultats" | "transparence" }) {
  const tabs = [
    { id: "resultats", label: "Résultats du diagnostic", to: stepPath(orgId, diagId, "resultats") },
    { id: "transparence", label: "Transparence salariale 2027", to: transparencyPath(orgId, diagId) },
  ] as const;
  return (
    <nav className="results-tabs" aria-label="Vues des résultats">
      <ul>
        {tabs.map((t) => (
          <li key={t.id}>
            <Link to={t.to} aria-current={t.id === current ? "page" : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
