import * as fs from "fs";
import * as path from "path";

/** The prodready package root, found from this module whether it runs compiled (dist/src) or from source. */
export function packageRoot(from: string = __dirname): string {
    let dir = from;
    while (!fs.existsSync(path.join(dir, "policies", "PulumiPolicy.yaml"))) {
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new Error(`cannot find the prodready package above ${from}`);
        }
        dir = parent;
    }
    return dir;
}
