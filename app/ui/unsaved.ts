import { useEffect, useRef, useState } from "react";
import { useBlocker } from "react-router";

const MESSAGE = "Des modifications ne sont pas enregistrées. Quitter la page quand même ?";

/**
 * Warns before leaving a page whose form has unsaved changes: the browser's own prompt on reload or
 * close, a confirmation on in-app links. Returns a ref for the form and a function to call once saved.
 */
export function useUnsavedChangesWarning(enabled = true) {
  const formRef = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    const form = formRef.current;
    if (!form || !enabled) return;
    const markDirty = () => setDirty(true);
    const markClean = () => setDirty(false);
    form.addEventListener("input", markDirty);
    form.addEventListener("submit", markClean);
    return () => {
      form.removeEventListener("input", markDirty);
      form.removeEventListener("submit", markClean);
    };
  }, [enabled]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(MESSAGE)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  return { formRef, dirty, markSaved: () => setDirty(false) };
}
