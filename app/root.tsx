// First: zod's global settings must precede every schema the route modules build (see ui/zod-config.ts).
import "./ui/zod-config.ts";
import {
  data,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
  Form,
} from "react-router";
import type { Route } from "./+types/root";
import { getSession, sessionCookie } from "./auth/session.server.ts";
import { useNonce } from "./nonce.tsx";
import stylesHref from "./styles.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Sends the session cookie again when its sliding expiry moved forward. */
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request }, next) => {
    const response = (await next()) as Response;
    const session = await getSession(request);
    if (session?.renewed && !response.headers.has("Set-Cookie")) {
      response.headers.append("Set-Cookie", sessionCookie(session.token, session.expiresAt));
    }
    return response;
  },
];

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getSession(request);
  return data({ user: session ? { name: session.user.name, email: session.user.email } : null });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const user = rootData?.user ?? null;
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header" role="banner">
          <div className="container header-inner">
            <Link to={user ? "/espace" : "/"} className="brand">
              <span aria-hidden="true" className="brand-mark">
                ◈
              </span>{" "}
              Boussole Égalité
            </Link>
            <nav aria-label="Navigation principale">
              <ul className="nav-list">
                <li>
                  <Link to="/ressources">Ressources</Link>
                </li>
                {user ? (
                  <>
                    <li>
                      <Link to="/espace">Mon espace</Link>
                    </li>
                    <li>
                      <Link to="/compte">Mon compte</Link>
                    </li>
                    <li>
                      <Form method="post" action="/deconnexion">
                        <button type="submit" className="link-button">
                          Se déconnecter
                        </button>
                      </Form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <Link to="/connexion">Se connecter</Link>
                    </li>
                    <li>
                      <Link to="/inscription" className="button button-small">
                        Créer un compte
                      </Link>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="contenu" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer" role="contentinfo">
          <div className="container">
            <p>
              Boussole Égalité : l'autodiagnostic de l'égalité professionnelle pour les structures
              inclusives. Vos données restent celles de votre structure.
            </p>
            <ul className="footer-links">
              <li>
                <Link to="/ressources">Ressources et accompagnement</Link>
              </li>
              <li>
                <Link to="/confidentialite">Données personnelles</Link>
              </li>
            </ul>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Une erreur inattendue s'est produite";
  let message =
    "Le service n'a pas pu afficher cette page. Votre travail déjà enregistré n'est pas perdu. Réessayez dans un instant ; si le problème continue, écrivez-nous.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page introuvable";
      message =
        "Cette page n'existe pas ou vous n'y avez pas accès. Vérifiez l'adresse, ou revenez à votre espace.";
    } else if (error.status === 403) {
      title = "Accès refusé";
      message =
        "Votre rôle dans cette organisation ne permet pas cette action. Demandez à une personne propriétaire de l'espace de changer votre rôle.";
    } else if (error.status === 503) {
      title = "Service momentanément indisponible";
      message =
        "Le service ne peut pas joindre sa base de données pour le moment. Rien de ce que vous avez déjà enregistré n'est perdu. Réessayez dans quelques minutes.";
    } else if (error.status === 400) {
      title = "Demande incorrecte";
      message = typeof error.data === "string" && error.data ? error.data : "La demande envoyée n'est pas valide.";
    } else if (error.status === 413) {
      title = "Fichier trop volumineux";
      message = typeof error.data === "string" && error.data ? error.data : "Le fichier envoyé dépasse la taille autorisée.";
    }
  } else if (import.meta.env.DEV && error instanceof Error) {
    console.error(error);
  }
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Revenir à l'accueil</Link>
      </p>
    </div>
  );
}
