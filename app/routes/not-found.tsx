/** Any unknown address: the root error boundary shows the French 404 page. */
export async function loader() {
  throw new Response("Page introuvable", { status: 404 });
}

export async function action() {
  throw new Response("Page introuvable", { status: 404 });
}

export default function NotFound() {
  return null;
}
