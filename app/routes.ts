import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("inscription", "routes/signup.tsx"),
  route("connexion", "routes/login.tsx"),
  route("deconnexion", "routes/logout.tsx"),
  route("mot-de-passe-oublie", "routes/forgot-password.tsx"),
  route("reinitialiser", "routes/reset-password.tsx"),
  route("ressources", "routes/resources.tsx"),
  route("confidentialite", "routes/privacy.tsx"),
  route("espace", "routes/dashboard.tsx"),
  route("compte", "routes/account.tsx"),
  route("invitation/:token", "routes/invitation.tsx"),
  route("o/:orgId", "routes/org.tsx"),
  route("o/:orgId/membres", "routes/org-members.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
