// Entry of the IATI prepare worker: workers do not inherit the TypeScript loader the `tacit`
// command registers, so the worker registers it before loading its TypeScript source.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
