/**
 * Installs the `sequence` and `sample` executors into `compile`/`search`. Imported once for its
 * effect by the package entry point.
 */

import { registerExecutorFactory } from '../compile.js';
import { createSampleExecutor } from '../sample/executor.js';
import { createSequenceExecutor } from './executor.js';

registerExecutorFactory('Sequence', createSequenceExecutor);
registerExecutorFactory('Sample', createSampleExecutor);
