// Nạp dữ liệu: the upload form's action. Files go through the same ingest as the CLI, within the
// caller's scope; the per-file report (and every refused row) comes back to the form.
import { fail } from '@sveltejs/kit';
import { FILE_KINDS } from '$lib/domain/levels';
import { getDb } from '$lib/server/db';
import { resolveScope } from '$lib/server/queries/scope';
import { ACCEPTED, parseUploadForm, runUpload } from '$lib/server/queries/upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const scope = await resolveScope(await getDb(), locals.scope);
	return { kinds: FILE_KINDS, accepted: ACCEPTED, scopeName: scope.name };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const db = await getDb();
		await resolveScope(db, locals.scope);
		const { input, error, values } = parseUploadForm(await request.formData());
		if (!input) return fail(400, { message: error!, values, report: null });
		const report = await runUpload(db, input, locals.scope.unitCode);
		if (report.files.length && report.files.every((f) => f.status === 'refused'))
			return fail(400, { message: 'Không tệp nào được nạp: xem lỗi của từng tệp bên dưới.', values, report });
		return { message: null, values, report };
	}
};
