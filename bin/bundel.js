#!/usr/bin/env node
// A dumb wrapper: run the CLI and set the exit code.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
