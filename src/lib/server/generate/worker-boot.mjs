// Starts a generator worker thread (worker.ts) with TypeScript support from tsx, which a worker
// does not inherit from the main thread. Used by index.ts at national scale.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
