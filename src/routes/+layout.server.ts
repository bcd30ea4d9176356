// The shell's data: which scope the caller sees (named in the header). Access itself is decided in
// each page's load, not here.
import { getDb } from '$lib/server/db';
import { resolveScope } from '$lib/server/queries/scope';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const scope = await resolveScope(await getDb(), locals.scope);
	return { scope: { code: scope.code, name: scope.name } };
};
