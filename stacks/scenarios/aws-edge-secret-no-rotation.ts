import { scenario } from "../scenario";

export default scenario({
    description: "The API key secret is never rotated",
    violations: [["aws-secretsmanager-require-rotation", "app-api-key"]],
    omit: ["app-api-key-rotation"],
});
