// Loaded (node -r) into every Node.js process the preview starts (the program, the policy pack):
// ends the process, and its process group when it leads one, as soon as prodready is gone,
// however it went. prodready holds the other end of a pipe on the descriptor named by
// PRODREADY_LIFELINE_FD (src/program/child-processes.ts); the kernel closes it when prodready
// exits, even by SIGKILL, and the read here sees the end of the stream.
// The watch runs on a worker thread so that a program stuck in a busy loop is ended too, and the
// worker is unreferenced so it never keeps a finished program alive.
"use strict";
const { isMainThread, Worker, workerData } = require("worker_threads");

function endEverything() {
    try {
        // A process group whose id is this pid can only be the one this process leads.
        process.kill(-process.pid, "SIGKILL");
    } catch {
        // Not a group leader: end this process alone.
    }
    process.kill(process.pid, "SIGKILL");
}

/** Ends everything once the other end of the pipe on `fd` is closed. */
function watch(fd) {
    const net = require("net");
    let lifeline;
    try {
        lifeline = new net.Socket({ fd, readable: true, writable: false });
    } catch {
        return; // no such descriptor: nothing to watch
    }
    lifeline.on("end", endEverything);
    lifeline.on("close", endEverything);
    lifeline.on("error", endEverything);
    lifeline.resume();
}

if (isMainThread) {
    const fd = Number(process.env.PRODREADY_LIFELINE_FD);
    // Not for the program's own children, which did not get the pipe.
    delete process.env.PRODREADY_LIFELINE_FD;
    if (Number.isInteger(fd) && fd > 2) {
        // No preloads in the worker: it only watches.
        new Worker(__filename, { workerData: { fd }, execArgv: [] }).unref();
    }
} else {
    watch(workerData.fd);
}
