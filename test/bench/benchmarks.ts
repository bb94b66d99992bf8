// The project's benchmarks, in the order `npm run bench` runs them. Add a module here to add a benchmark.
import type { Benchmark } from './benchmark';
import { apiReadAll } from './api-read-all/index';
import { editorCost } from './editor-cost/index';
import { entityDocuments } from './entity-documents/index';

export const BENCHMARKS: readonly Benchmark[] = [apiReadAll, entityDocuments, editorCost];
