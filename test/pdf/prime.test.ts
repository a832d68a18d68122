// The made-up job the text reader reads once per thread before its first real one (prime.ts): it must
// be read by the fast reader itself, to its end, or it would not take the branches it is there for.

import { describe, expect, it } from 'vitest';
import { readTextJob } from '../../src/pdf/fast-text/job.js';
import { primingJob } from '../../src/pdf/fast-text/prime.js';

describe('the text reader’s priming job', () => {
  it('is read by the fast reader, every page to its end, forms included', () => {
    const job = primingJob();
    const read = readTextJob(job, { budgetMs: 60_000, maxChars: 1_000_000 });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.text.stopped).toBeUndefined();
    expect(read.text.pages).toHaveLength(job.pages.length);
    // Page 3 is the form's own content: what the form adds to page 1 (drawn there by `Do`).
    const form = read.text.pages[2].trim();
    expect(form).not.toBe('');
    expect(read.text.pages[0]).toContain(form);
    // The largest text of page 1 was found (the heading rule ran).
    expect(read.text.heading).toBeTruthy();
    expect(read.text.pages[0]).toBe(read.text.pages[1]);
  });
});
