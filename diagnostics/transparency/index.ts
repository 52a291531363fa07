/**
 * Pay transparency (directive (EU) 2023/970): the article 9 indicators, the per-category gaps and
 * joint-assessment trigger of article 10, the explained / unexplained gap, and their French view model.
 */
export * from "./constants.ts";
export * from "./indicators.ts";
export * from "./categories.ts";
export * from "./category-editor.ts";
export * from "./regression.ts";
export * from "./student-t.ts";
export * from "./adjusted.ts";
export * from "./compute.ts";
export * from "./view.ts";
