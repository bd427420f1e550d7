import { scenario } from "../scenario";

export default scenario({
    description: "The backup plan selects nothing, so the database and the table are in no plan",
    violations: [
        ["aws-backup-require-plan", "app-db"],
        ["aws-backup-require-plan", "app-sessions"],
    ],
    omit: ["app-backup-selection"],
});
