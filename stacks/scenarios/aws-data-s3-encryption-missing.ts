import { scenario } from "../scenario";

export default scenario({
    description: "The uploads bucket has no server-side encryption configuration",
    violations: [["aws-s3-require-encryption", "app-uploads"]],
    omit: ["app-uploads-encryption"],
});
