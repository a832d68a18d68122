// Runs before every test file: removes the temp folders that tests make (test/helpers/temp.ts).

import { afterAll, afterEach, beforeEach } from 'vitest';
import { tempHooks } from './helpers/temp.js';

beforeEach(tempHooks.testStarts);
afterEach(tempHooks.testEnds);
afterAll(tempHooks.fileEnds);
