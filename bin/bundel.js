#!/usr/bin/env node
// A dumb wrapper: start the CLI (src/cli/start.ts: with V8's code cache) and set the exit code.
import { start } from '../dist/cli/start.js';

process.exitCode = await start(process.argv.slice(2));
