// Entry of the extraction worker: workers do not inherit the TypeScript loader the `tacit` command
// registers, so each one registers it before loading the worker's TypeScript source.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
