#!/usr/bin/env node
require("../dist/src/cli").main(process.argv);
