// The caller's unit scope: a subtree of the unit registry. Every query takes one, so that access
// control is decided in one place (hooks.server.ts today, accounts later).

export interface Scope {
	/** unit code at the root of the subtree the caller may see; null = the whole country */
	unitCode: string | null;
}

export const WHOLE_COUNTRY: Scope = { unitCode: null };
