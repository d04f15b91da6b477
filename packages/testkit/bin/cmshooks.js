#!/usr/bin/env node
// The `cmshooks` command. A committed file, so that npm links the bin in a fresh workspace install
// (before dist/ is built); the CLI itself is built to dist/cli.js.
import "../dist/cli.js";
