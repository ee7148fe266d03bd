#!/usr/bin/env node
// The `ward-contract` bin: the only place with process I/O.
import { main } from "./cli-main.js";

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
