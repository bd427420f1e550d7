import * as pulumi from "@pulumi/pulumi";

/** One violation a scenario must produce: the policy and the Pulumi name of the resource it names. */
export type ExpectedViolation = readonly [policy: string, resource: string];

/** Changes one resource's inputs before it is registered; typed with the provider's own Args type. */
export interface Patch {
    type: string;
    name: string;
    apply: (props: Record<string, any>) => void;
}

export interface Scenario {
    description: string;
    /** Exactly the (policy, resource) violations the scenario produces, advisory ones included. */
    violations: readonly ExpectedViolation[];
    patches?: readonly Patch[];
    /** Names of reference resources the scenario leaves out. */
    omit?: readonly string[];
    /** Resources the scenario adds to the reference stack. */
    extra?: () => void;
    /** Packages whose provider plugin builds what the scenario adds (remote components, rendering functions). */
    components?: readonly string[];
}

export function scenario(definition: Scenario): Scenario {
    return definition;
}

/** A typed patch: `patch<aws.rds.ClusterArgs>("aws:rds/cluster:Cluster", "app-db", (a) => { a.backupRetentionPeriod = 7; })`. */
export function patch<TArgs>(type: string, name: string, apply: (args: TArgs) => void): Patch {
    return { type, name, apply: apply as (props: Record<string, any>) => void };
}

const NO_SCENARIO: Scenario = { description: "the reference stack", violations: [] };
let active: Scenario = NO_SCENARIO;

/** Loads the scenario named by the `prodready:scenario` config and applies its patches to every resource. */
export function activateScenario(): Scenario {
    const name = new pulumi.Config("prodready").get("scenario");
    active = name ? loadScenario(name) : NO_SCENARIO;
    const patches = active.patches ?? [];
    if (patches.length > 0) {
        pulumi.runtime.registerStackTransformation((args) => {
            const matching = patches.filter((p) => p.type === args.type && p.name === args.name);
            if (matching.length === 0) {
                return undefined;
            }
            for (const p of matching) {
                p.apply(args.props);
            }
            return { props: args.props, opts: args.opts };
        });
    }
    return active;
}

export function loadScenario(name: string): Scenario {
    if (!/^[a-z0-9-]+$/.test(name)) {
        throw new Error(`prodready:scenario must be a scenario file name such as "rds-short-backup-retention", not "${name}"`);
    }
    let loaded: { default?: Scenario };
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = require(`./scenarios/${name}`);
    } catch (error) {
        throw new Error(`unknown scenario "${name}": no stacks/scenarios/${name}.ts (${(error as Error).message.split("\n")[0]})`);
    }
    if (!loaded.default) {
        throw new Error(`stacks/scenarios/${name}.ts has no default export`);
    }
    return loaded.default;
}

/** False when the active scenario leaves the named reference resource out. */
export function included(name: string): boolean {
    return !(active.omit ?? []).includes(name);
}
