// Preloaded into a measured process: writes its peak resident set size (KiB) to PRODREADY_BENCH_RSS at exit.
const fs = require("fs");
process.on("exit", () => {
    if (process.env.PRODREADY_BENCH_RSS) {
        fs.writeFileSync(process.env.PRODREADY_BENCH_RSS, String(process.resourceUsage().maxRSS));
    }
});
