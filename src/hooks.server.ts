// Server hooks: `init` opens (and migrates) the database once before the first request; `handle`
// resolves who is calling into event.locals.scope. Today the scope is GIAMSAT_SCOPE (a unit code) or
// the whole country; the accounts work will set it from the session here, and nowhere else.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db';
import { ensureMarts } from '$lib/server/queries/dashboard';

export const init: ServerInit = async () => {
	const db = await getDb();
	// a database filled by the CLI may never have had its dashboard tables built
	await ensureMarts(db).catch((e) => console.error('Không dựng được bảng tổng hợp (marts):', e));
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.scope = { unitCode: env.GIAMSAT_SCOPE?.trim() || null };
	return resolve(event);
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Không tìm thấy trang.' : 'Lỗi máy chủ khi xử lý yêu cầu. Chi tiết đã được ghi vào nhật ký máy chủ.' };
};
