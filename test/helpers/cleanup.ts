// Setup file of every test file (vite.config.ts): the temp directories its tests made are removed
// after it (the worker processes are stopped, not exited, so an exit hook does not run there).
import { afterAll } from 'vitest';
import { removeTempDirs } from './files';

afterAll(removeTempDirs);
