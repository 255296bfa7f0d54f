import { sql, type CreateTableBuilder, type Kysely } from "kysely";

const localized = (name: string) => [`${name}_en`, `${name}_zh`];

const tables: Record<string, { localized: string[]; plain: string[]; lists: string[] }> = {
  bank_branches: {
    localized: ["bank", "branch", "district", "address", "hours", "note"],
    plain: ["phone", "website"],
    lists: ["cities", "services", "languages"],
  },
  rental_services: {
    localized: ["name", "note"],
    plain: ["phone", "email", "website"],
    lists: ["cities", "services", "languages"],
  },
  education_programmes: {
    localized: ["name", "eligibility", "how_to_apply", "note"],
    plain: ["phone", "website"],
    lists: ["cities", "kinds", "levels", "languages"],
  },
};

/** Lower-cased text of every bilingual column, kept by the database itself (immutable expression). */
function searchExpression(cols: string[]) {
  return sql.raw(`lower(${cols.map((c) => `coalesce("${c}", '')`).join(" || ' ' || ")})`);
}

function columns(builder: CreateTableBuilder<string, never>, spec: (typeof tables)[string]) {
  let b = builder
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status in ('active', 'retired')`)
    );
  for (const col of spec.localized.flatMap(localized)) b = b.addColumn(col, "text");
  for (const col of spec.plain) b = b.addColumn(col, "text");
  for (const col of spec.lists) b = b.addColumn(col, "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`));
  return b
    .addColumn("source_title", "text", (c) => c.notNull())
    .addColumn("source_url", "text")
    .addColumn("last_verified", "text", (c) => c.notNull().check(sql`last_verified ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn("search_text", "text", (c) =>
      c.generatedAlwaysAs(searchExpression(spec.localized.flatMap(localized))).stored()
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("retired_at", "timestamptz");
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, spec] of Object.entries(tables)) {
    await columns(db.schema.createTable(table), spec).execute();
    await db.schema.createIndex(`${table}_status_idx`).on(table).column("status").execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(tables).reverse()) await db.schema.dropTable(table).execute();
}
