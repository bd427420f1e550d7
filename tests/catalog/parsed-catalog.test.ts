// The build keeps the catalog's YAML files parsed (dist/catalog.json, by each text's digest); a
// catalog read through it is the catalog the YAML says, and a text the build did not see is parsed.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { CATALOG_FILE, loadCatalog, PARSED_CATALOG_FILE } from "../../src/catalog/catalog";

describe("the parsed catalog", () => {
    it("exists after the build, holding every catalog file", () => {
        const parsed = JSON.parse(fs.readFileSync(PARSED_CATALOG_FILE, "utf8"));
        const dir = path.dirname(CATALOG_FILE);
        const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml"));
        expect(Object.values(parsed)).toEqual(expect.arrayContaining(files.map((f) => parse(fs.readFileSync(path.join(dir, f), "utf8")))));
    });

    it("gives the catalog the YAML says", () => {
        const text = (file: string) => parse(fs.readFileSync(file, "utf8"));
        const catalog = loadCatalog();
        const yaml = text(CATALOG_FILE);
        expect({ categories: catalog.categories, items: catalog.items }).toEqual({ categories: yaml.categories, items: yaml.items });
        expect(catalog.unstated).toEqual(text(path.join(path.dirname(CATALOG_FILE), "unstated.yaml")).rules);
    });

    it("gives each caller its own copy", () => {
        const first = loadCatalog();
        first.items[0].text = "changed";
        expect(loadCatalog().items[0].text).not.toBe("changed");
    });

    it("parses a catalog file whose text the build did not see", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-catalog-"));
        const edited = fs.readFileSync(CATALOG_FILE, "utf8").replace(/^(\s*text: ).*$/m, "$1An item edited after the build");
        fs.writeFileSync(path.join(dir, "checklist.yaml"), edited);
        expect(loadCatalog(path.join(dir, "checklist.yaml")).items[0].text).toBe("An item edited after the build");
        expect(loadCatalog(path.join(dir, "checklist.yaml")).unstated).toEqual([]);
    });
});
