// Types SvelteKit threads through requests: the caller's unit scope lives in locals.
import type { Scope } from '$lib/domain/scope';

declare global {
	namespace App {
		interface Locals {
			scope: Scope;
		}
	}
}

export {};
