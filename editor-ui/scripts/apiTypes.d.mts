/** scripts/apiTypes.mjs: the editor's contract types as openapi-typescript makes them from docs/openapi.json. */
export declare const DESCRIPTION: URL;
export declare const SCHEMA: URL;
export declare function generatedTypes(): Promise<string>;
export declare function checkedInTypes(): Promise<string>;
