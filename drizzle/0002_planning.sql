CREATE TABLE "activity" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"sub_goal_id" integer,
	"plan_area_id" integer,
	"title" text NOT NULL,
	"timing" text,
	"comment" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"target_count" integer,
	"target_text" text,
	"report_text" text,
	"carried_from_id" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_goal_or_area" CHECK (("activity"."sub_goal_id" is null) <> ("activity"."plan_area_id" is null)),
	CONSTRAINT "activity_target_positive" CHECK ("activity"."target_count" is null or "activity"."target_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "activity_responsible" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_responsible_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"activity_id" integer NOT NULL,
	"body_id" integer,
	"municipality_id" integer,
	"person_id" integer,
	"text" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_responsible_one" CHECK (num_nonnulls("activity_responsible"."body_id", "activity_responsible"."municipality_id", "activity_responsible"."person_id", "activity_responsible"."text") = 1)
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decision_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"decided_on" date,
	"decided_by" text NOT NULL,
	"body_id" integer,
	"decided_by_text" text,
	"title" text NOT NULL,
	"description" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_activity" (
	"decision_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	CONSTRAINT "decision_activity_decision_id_activity_id_pk" PRIMARY KEY("decision_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "focus_area" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "focus_area_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"area_id" integer,
	"name" text NOT NULL,
	"main_goal" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "focus_area_body" (
	"focus_area_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	CONSTRAINT "focus_area_body_focus_area_id_body_id_pk" PRIMARY KEY("focus_area_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "follow_up" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_up_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"activity_id" integer NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"account_id" integer,
	"author" text NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"programme_id" integer,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_decision_id" integer,
	"previous_plan_id" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_year_unique" UNIQUE("year"),
	CONSTRAINT "plan_adopted_by_decision" CHECK ("plan"."status" <> 'adopted' or "plan"."adopted_decision_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "plan_area" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_area_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"adopted_on" date,
	"adopted_decision_id" integer,
	"valid_from_year" integer,
	"valid_to_year" integer,
	"vision" text,
	"overall_goal" text,
	"principles" text,
	"relation" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_years" CHECK ("programme"."valid_to_year" is null or "programme"."valid_from_year" is null or "programme"."valid_from_year" <= "programme"."valid_to_year")
);
--> statement-breakpoint
CREATE TABLE "programme_area" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_area_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sub_goal" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sub_goal_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"focus_area_id" integer NOT NULL,
	"code" text,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"added_decision_id" integer,
	"removed_decision_id" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sub_goal_body" (
	"sub_goal_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	CONSTRAINT "sub_goal_body_sub_goal_id_body_id_pk" PRIMARY KEY("sub_goal_id","body_id")
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_sub_goal_id_sub_goal_id_fk" FOREIGN KEY ("sub_goal_id") REFERENCES "public"."sub_goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_plan_area_id_plan_area_id_fk" FOREIGN KEY ("plan_area_id") REFERENCES "public"."plan_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_carried_from_id_activity_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."activity"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_responsible" ADD CONSTRAINT "activity_responsible_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_responsible" ADD CONSTRAINT "activity_responsible_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_responsible" ADD CONSTRAINT "activity_responsible_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_responsible" ADD CONSTRAINT "activity_responsible_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_activity" ADD CONSTRAINT "decision_activity_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_activity" ADD CONSTRAINT "decision_activity_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_area" ADD CONSTRAINT "focus_area_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_area" ADD CONSTRAINT "focus_area_area_id_programme_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."programme_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_area_body" ADD CONSTRAINT "focus_area_body_focus_area_id_focus_area_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_area_body" ADD CONSTRAINT "focus_area_body_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_adopted_decision_id_decision_id_fk" FOREIGN KEY ("adopted_decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_previous_plan_id_plan_id_fk" FOREIGN KEY ("previous_plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_area" ADD CONSTRAINT "plan_area_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_adopted_decision_id_decision_id_fk" FOREIGN KEY ("adopted_decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_area" ADD CONSTRAINT "programme_area_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_goal" ADD CONSTRAINT "sub_goal_focus_area_id_focus_area_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_goal" ADD CONSTRAINT "sub_goal_added_decision_id_decision_id_fk" FOREIGN KEY ("added_decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_goal" ADD CONSTRAINT "sub_goal_removed_decision_id_decision_id_fk" FOREIGN KEY ("removed_decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_goal_body" ADD CONSTRAINT "sub_goal_body_sub_goal_id_sub_goal_id_fk" FOREIGN KEY ("sub_goal_id") REFERENCES "public"."sub_goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_goal_body" ADD CONSTRAINT "sub_goal_body_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_plan" ON "activity" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "activity_sub_goal" ON "activity" USING btree ("sub_goal_id");--> statement-breakpoint
CREATE INDEX "activity_carried_from" ON "activity" USING btree ("carried_from_id");--> statement-breakpoint
CREATE INDEX "activity_responsible_activity" ON "activity_responsible" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_responsible_body" ON "activity_responsible" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "decision_body" ON "decision" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "decision_activity_activity" ON "decision_activity" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "focus_area_programme" ON "focus_area" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "follow_up_activity" ON "follow_up" USING btree ("activity_id","date");--> statement-breakpoint
CREATE INDEX "sub_goal_focus_area" ON "sub_goal" USING btree ("focus_area_id");