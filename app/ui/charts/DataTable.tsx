import type { ReactNode } from "react";

/**
 * The frame of a chart's data table: a title always in view, and a keyboard-reachable region that
 * scrolls sideways when the table is wider than the screen (WCAG 1.4.10 allows it for data tables).
 * The visible title repeats the table's caption, which screen readers get from the table itself.
 */
export function DataTable({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <div className="table-block">
      <p className="table-title" aria-hidden="true">
        {title}
      </p>
      <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
        <table className={`data-table${className ? ` ${className}` : ""}`}>
          <caption id={id} className="visually-hidden">
            {title}
          </caption>
          {children}
        </table>
      </div>
    </div>
  );
}
