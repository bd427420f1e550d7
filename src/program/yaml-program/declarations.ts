import type { Expr } from "./expressions";

/** The declarations of a Pulumi YAML template, as read and ordered before anything runs. */

export type ConfigType = "string" | "number" | "integer" | "boolean" | "object" | { list: ConfigType };

export interface ConfigDecl {
    key: string;
    /** The config key read, when `name:` renames it. */
    configName: string;
    type?: ConfigType;
    default?: Expr;
    secret: boolean;
    line: number;
}

export interface ResourceDecl {
    key: string;
    type: string;
    /** The logical name: `name:` when given, else the key. */
    name: string;
    properties: Array<{ key: string; value: Expr }>;
    options: Record<string, Expr>;
    get?: { id: Expr; state: Array<{ key: string; value: Expr }> };
    /** A provider that serves every resource of its package without a `provider` option. */
    defaultProvider: boolean;
    line: number;
    column: number;
}

export type DeclKind = "config" | "variable" | "resource";
export interface OrderedDecl {
    kind: DeclKind;
    key: string;
}

export interface Template {
    /** Absolute path of the file the program was read from. */
    file: string;
    /** How errors name the file (relative to the working directory when below it). */
    displayFile: string;
    config: ConfigDecl[];
    variables: Array<{ key: string; value: Expr; line: number }>;
    resources: ResourceDecl[];
    outputs: Array<{ key: string; value: Expr; line: number }>;
    /** Config, variables and resources in an order where each comes after what it refers to. */
    order: OrderedDecl[];
}
