CREATE TABLE "report_edition" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_edition_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"decided_on" date,
	"decision_id" integer,
	"model" jsonb NOT NULL,
	"docx_file_id" integer NOT NULL,
	"pdf_file_id" integer NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_by" integer,
	CONSTRAINT "report_edition_kind_year" UNIQUE("kind","year"),
	CONSTRAINT "report_edition_kind" CHECK ("report_edition"."kind" in ('annual', 'plan'))
);
--> statement-breakpoint
CREATE TABLE "report_reference" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_reference_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reference_kind_year" UNIQUE("kind","year"),
	CONSTRAINT "report_reference_kind" CHECK ("report_reference"."kind" in ('annual', 'plan'))
);
--> statement-breakpoint
CREATE TABLE "report_template" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_template_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"issuer" text,
	"responsible" text,
	"table_of_contents" boolean DEFAULT true NOT NULL,
	"intro_text" text,
	"chapters" jsonb NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_template_kind_year" UNIQUE("kind","year"),
	CONSTRAINT "report_template_kind" CHECK ("report_template"."kind" in ('annual', 'plan')),
	CONSTRAINT "report_template_chapters" CHECK (jsonb_typeof("report_template"."chapters") = 'array' and jsonb_array_length("report_template"."chapters") > 0)
);
--> statement-breakpoint
ALTER TABLE "report_edition" ADD CONSTRAINT "report_edition_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_edition" ADD CONSTRAINT "report_edition_docx_file_id_stored_file_id_fk" FOREIGN KEY ("docx_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_edition" ADD CONSTRAINT "report_edition_pdf_file_id_stored_file_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_edition" ADD CONSTRAINT "report_edition_frozen_by_account_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."account"("id") ON DELETE set null ON UPDATE no action;