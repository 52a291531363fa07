import { createContext, useContext, type ReactNode } from "react";

const NonceContext = createContext("");

/** Carries the per-request CSP nonce from entry.server to the <Scripts> of the root layout. */
export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}
