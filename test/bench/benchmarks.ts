// The project's benchmarks, in the order `npm run bench` runs them. Add a module here to add a benchmark.
import type { Benchmark } from './benchmark';
import { apiReadAll } from './apiReadAll/index';
import { bimGraph } from './bimGraph/index';
import { editorCost } from './editorCost/index';
import { entityDocuments } from './entityDocuments/index';
import { phaseViews } from './phaseViews/index';

export const BENCHMARKS: readonly Benchmark[] = [apiReadAll, entityDocuments, editorCost, bimGraph, phaseViews];
