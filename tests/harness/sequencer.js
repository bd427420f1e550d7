// Orders test files so the longest start first. Jest does so from the durations it keeps in its
// cache; on a clean clone (CI) it has none and starts the largest files first, which puts the
// engine suites and the scenario parts, a few lines each but most of the run's time, last, where
// one of them runs alone on one core for half an hour. Files that match an earlier entry of
// LONGEST_FIRST start earlier; among equals, jest's own order holds.
const Sequencer = require("@jest/test-sequencer").default;
const path = require("path");

/** Path fragments of the suites known to take longest, longest first. */
const LONGEST_FIRST = [
    `${path.sep}tests${path.sep}engine${path.sep}`,
    `${path.sep}tests${path.sep}stacks${path.sep}scenarios${path.sep}`,
];

class LongestFirst extends Sequencer {
    /** What failed in the last run still comes first, as in jest's own order. */
    rank(test) {
        if (this.hasFailed(test)) {
            return -1;
        }
        const at = LONGEST_FIRST.findIndex((fragment) => test.path.includes(fragment));
        return at === -1 ? LONGEST_FIRST.length : at;
    }

    sort(tests) {
        const byJest = super.sort(tests);
        const order = new Map(byJest.map((test, i) => [test, i]));
        return [...byJest].sort((a, b) => this.rank(a) - this.rank(b) || order.get(a) - order.get(b));
    }
}

module.exports = LongestFirst;
