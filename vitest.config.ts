import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Child processes, not threads: a thread's smaller stack changes how the deepest hostile PDFs
    // fail. One process per core (vitest's default leaves one core idle), each running many files
    // without reloading pdf-lib, pdf.js and Typst for every file: measured, the run takes half the
    // CPU time. Files share a process, so a test must undo what it changes (spies, console, cwd).
    pool: 'forks',
    maxWorkers: availableParallelism(),
    minWorkers: 1,
    isolate: false,
    // No attachment-text cache in the fixtures (or anywhere) unless a test asks for one.
    env: { BUNDEL_CACHE: 'uit' },
  },
});
