CREATE TABLE "budget_line" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "budget_line_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"amount" bigint NOT NULL,
	"approximate" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_line_kind" CHECK ("budget_line"."kind" in ('income', 'cost')),
	CONSTRAINT "budget_line_amount" CHECK ("budget_line"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_line_category" (
	"budget_line_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	CONSTRAINT "budget_line_category_budget_line_id_category_id_pk" PRIMARY KEY("budget_line_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "cost_sharing" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cost_sharing_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"total" bigint NOT NULL,
	"key_kind" text NOT NULL,
	"equal_percent" integer,
	"population_date" date,
	"unit" text DEFAULT 'krona' NOT NULL,
	"participant_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"event_id" integer,
	"project_id" integer,
	"note" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_sharing_total" CHECK ("cost_sharing"."total" > 0),
	CONSTRAINT "cost_sharing_key" CHECK ("cost_sharing"."key_kind" in ('population', 'equal', 'mix')),
	CONSTRAINT "cost_sharing_unit" CHECK ("cost_sharing"."unit" in ('krona', 'ore')),
	CONSTRAINT "cost_sharing_percent" CHECK ("cost_sharing"."equal_percent" is null or ("cost_sharing"."equal_percent" >= 0 and "cost_sharing"."equal_percent" <= 100))
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"held_on" date,
	"participants" integer,
	"cost_cap_per_participant" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_name_unique" UNIQUE("name"),
	CONSTRAINT "event_participants" CHECK ("event"."participants" is null or "event"."participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "expected_income" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expected_income_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"description" text NOT NULL,
	"counterparty" text NOT NULL,
	"fund_id" integer,
	"project_id" integer,
	"share_percent" integer,
	"expected_year" integer,
	"amount" bigint,
	"received_on" date,
	"note" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_invoice" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_invoice_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"population_date" date NOT NULL,
	"population" integer NOT NULL,
	"population_source" text NOT NULL,
	"amount" bigint NOT NULL,
	"due_on" date NOT NULL,
	"paid_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_invoice_year_municipality" UNIQUE("year","municipality_id"),
	CONSTRAINT "fee_invoice_amount" CHECK ("fee_invoice"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fee_rule" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_rule_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"valid_from_year" integer NOT NULL,
	"decision_id" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_rule_validFromYear_unique" UNIQUE("valid_from_year"),
	CONSTRAINT "fee_rule_amount" CHECK ("fee_rule"."amount" > 0),
	CONSTRAINT "fee_rule_kind" CHECK ("fee_rule"."kind" in ('per_inhabitant', 'fixed_total'))
);
--> statement-breakpoint
CREATE TABLE "fiscal_year" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_year_status" CHECK ("fiscal_year"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "fund" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"active_from_year" integer,
	"active_to_year" integer,
	"origin_year" integer,
	"carried_from_fund_id" integer,
	"held_by_municipality_id" integer,
	"held_until" date,
	"merged_into_id" integer,
	"merged_from_year" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_name_unique" UNIQUE("name"),
	CONSTRAINT "fund_carried" UNIQUE("carried_from_fund_id","origin_year"),
	CONSTRAINT "fund_kind" CHECK ("fund"."kind" in ('operations', 'project', 'grant', 'carried', 'event', 'other')),
	CONSTRAINT "fund_years" CHECK ("fund"."active_to_year" is null or "fund"."active_from_year" is null or "fund"."active_from_year" <= "fund"."active_to_year"),
	CONSTRAINT "fund_merge" CHECK (("fund"."merged_into_id" is null) = ("fund"."merged_from_year" is null) and "fund"."merged_into_id" is distinct from "fund"."id")
);
--> statement-breakpoint
CREATE TABLE "fund_transfer" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_transfer_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"date" date NOT NULL,
	"year" integer NOT NULL,
	"from_fund_id" integer NOT NULL,
	"to_fund_id" integer NOT NULL,
	"amount" bigint NOT NULL,
	"note" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_transfer_funds" CHECK ("fund_transfer"."from_fund_id" <> "fund_transfer"."to_fund_id"),
	CONSTRAINT "fund_transfer_amount" CHECK ("fund_transfer"."amount" > 0),
	CONSTRAINT "fund_transfer_year_of_date" CHECK ("fund_transfer"."year" = extract(year from "fund_transfer"."date"))
);
--> statement-breakpoint
CREATE TABLE "ledger_category" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_category_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_category_name_unique" UNIQUE("name"),
	CONSTRAINT "ledger_category_kind" CHECK ("ledger_category"."kind" in ('income', 'cost'))
);
--> statement-breakpoint
CREATE TABLE "ledger_category_label" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_category_label_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category_id" integer NOT NULL,
	"from_year" integer NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "ledger_category_label_year" UNIQUE("category_id","from_year")
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"date" date NOT NULL,
	"year" integer NOT NULL,
	"fund_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"amount" bigint NOT NULL,
	"counterparty" text,
	"voucher" text,
	"description" text,
	"project_id" integer,
	"event_id" integer,
	"meeting_id" integer,
	"municipality_id" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entry_year_of_date" CHECK ("ledger_entry"."year" = extract(year from "ledger_entry"."date")),
	CONSTRAINT "ledger_entry_amount" CHECK ("ledger_entry"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "opening_balance" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opening_balance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"fund_id" integer NOT NULL,
	"amount" bigint NOT NULL,
	"source" text NOT NULL,
	"computed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opening_balance_year_fund" UNIQUE("year","fund_id")
);
--> statement-breakpoint
CREATE TABLE "printed_figure" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "printed_figure_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"what" text NOT NULL,
	"fund_id" integer,
	"category_id" integer,
	"measure" text NOT NULL,
	"amount" bigint NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "printed_figure_measure" CHECK ("printed_figure"."measure" in ('opening', 'income', 'costs', 'closing'))
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"start_year" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "budget_line_category" ADD CONSTRAINT "budget_line_category_budget_line_id_budget_line_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_line"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_line_category" ADD CONSTRAINT "budget_line_category_category_id_ledger_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ledger_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_sharing" ADD CONSTRAINT "cost_sharing_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_sharing" ADD CONSTRAINT "cost_sharing_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_income" ADD CONSTRAINT "expected_income_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_income" ADD CONSTRAINT "expected_income_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_invoice" ADD CONSTRAINT "fee_invoice_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_rule" ADD CONSTRAINT "fee_rule_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund" ADD CONSTRAINT "fund_carried_from_fund_id_fund_id_fk" FOREIGN KEY ("carried_from_fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund" ADD CONSTRAINT "fund_held_by_municipality_id_municipality_id_fk" FOREIGN KEY ("held_by_municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund" ADD CONSTRAINT "fund_merged_into_id_fund_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_transfer" ADD CONSTRAINT "fund_transfer_from_fund_id_fund_id_fk" FOREIGN KEY ("from_fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_transfer" ADD CONSTRAINT "fund_transfer_to_fund_id_fund_id_fk" FOREIGN KEY ("to_fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_category_label" ADD CONSTRAINT "ledger_category_label_category_id_ledger_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ledger_category"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_category_id_ledger_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ledger_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_balance" ADD CONSTRAINT "opening_balance_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "printed_figure" ADD CONSTRAINT "printed_figure_fund_id_fund_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."fund"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "printed_figure" ADD CONSTRAINT "printed_figure_category_id_ledger_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ledger_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_line_year" ON "budget_line" USING btree ("year");--> statement-breakpoint
CREATE INDEX "ledger_entry_year" ON "ledger_entry" USING btree ("year","fund_id","category_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_project" ON "ledger_entry" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_event" ON "ledger_entry" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "printed_figure_year" ON "printed_figure" USING btree ("year");