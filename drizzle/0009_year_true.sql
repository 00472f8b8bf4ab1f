-- Partial dates (src/lib/core/partial-date.ts): "2021", "2021-H1", "2021-H2", "2021-03", "2021-03-12".
-- The first and the last day each can mean; null for text that is not one. Same rules as the TypeScript.
CREATE FUNCTION partial_date_first_day(p text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE
		WHEN p ~ '^[1-9][0-9]{3}$' THEN make_date(p::int, 1, 1)
		WHEN p ~ '^[1-9][0-9]{3}-H1$' THEN make_date(left(p, 4)::int, 1, 1)
		WHEN p ~ '^[1-9][0-9]{3}-H2$' THEN make_date(left(p, 4)::int, 7, 1)
		WHEN p ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$' THEN make_date(left(p, 4)::int, substr(p, 6, 2)::int, 1)
		WHEN p ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-[0-9]{2}$' THEN
			CASE WHEN substr(p, 9, 2)::int BETWEEN 1 AND extract(day FROM make_date(left(p, 4)::int, substr(p, 6, 2)::int, 1) + interval '1 month - 1 day')::int
				THEN make_date(left(p, 4)::int, substr(p, 6, 2)::int, substr(p, 9, 2)::int) END
	END
$$;--> statement-breakpoint
CREATE FUNCTION partial_date_last_day(p text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE
		WHEN p ~ '^[1-9][0-9]{3}$' THEN make_date(p::int, 12, 31)
		WHEN p ~ '^[1-9][0-9]{3}-H1$' THEN make_date(left(p, 4)::int, 6, 30)
		WHEN p ~ '^[1-9][0-9]{3}-H2$' THEN make_date(left(p, 4)::int, 12, 31)
		WHEN p ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$' THEN (make_date(left(p, 4)::int, substr(p, 6, 2)::int, 1) + interval '1 month - 1 day')::date
		ELSE partial_date_first_day(p)
	END
$$;--> statement-breakpoint
CREATE TABLE "meeting_count" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_count_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"body_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"format" text,
	"count" integer NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_count_body_year_kind_format" UNIQUE NULLS NOT DISTINCT("body_id","year","kind","format"),
	CONSTRAINT "meeting_count_count" CHECK ("meeting_count"."count" >= 0),
	CONSTRAINT "meeting_count_year" CHECK ("meeting_count"."year" between 1900 and 2999),
	CONSTRAINT "meeting_count_kind" CHECK ("meeting_count"."kind" in ('ordinary', 'extra', 'planning_conference', 'joint_network')),
	CONSTRAINT "meeting_count_format" CHECK ("meeting_count"."format" is null or "meeting_count"."format" in ('physical', 'digital', 'hybrid'))
);
--> statement-breakpoint
CREATE TABLE "turnover_count" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "turnover_count_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"body_id" integer NOT NULL,
	"year" integer NOT NULL,
	"municipalities" integer NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "turnover_count_body_year" UNIQUE("body_id","year"),
	CONSTRAINT "turnover_count_municipalities" CHECK ("turnover_count"."municipalities" >= 0),
	CONSTRAINT "turnover_count_year" CHECK ("turnover_count"."year" between 1900 and 2999)
);
--> statement-breakpoint
CREATE TABLE "project_report_text" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_report_text_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_report_text_project_year" UNIQUE("project_id","year"),
	CONSTRAINT "project_report_text_year" CHECK ("project_report_text"."year" between 1900 and 2999),
	CONSTRAINT "project_report_text_position" CHECK ("project_report_text"."position" > 0)
);
--> statement-breakpoint
ALTER TABLE "membership" DROP CONSTRAINT "membership_period";--> statement-breakpoint
ALTER TABLE "external_meeting" DROP CONSTRAINT "external_meeting_when";--> statement-breakpoint
ALTER TABLE "membership" ALTER COLUMN "valid_from" SET DATA TYPE text USING to_char("valid_from", 'YYYY-MM-DD');--> statement-breakpoint
ALTER TABLE "membership" ALTER COLUMN "valid_to" SET DATA TYPE text USING to_char("valid_to", 'YYYY-MM-DD');--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "starts_on" date GENERATED ALWAYS AS (partial_date_first_day(valid_from)) STORED;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "ends_on" date GENERATED ALWAYS AS (partial_date_last_day(valid_to)) STORED;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "held_in" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "held_from" date GENERATED ALWAYS AS (coalesce(held_on, partial_date_first_day(held_in))) STORED;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "held_to" date GENERATED ALWAYS AS (coalesce(held_on, partial_date_last_day(held_in))) STORED;--> statement-breakpoint
ALTER TABLE "external_meeting" ADD COLUMN "held_in" text;--> statement-breakpoint
ALTER TABLE "external_meeting" ADD COLUMN "held_from" date GENERATED ALWAYS AS (coalesce(held_on, partial_date_first_day(held_in))) STORED;--> statement-breakpoint
ALTER TABLE "external_meeting" ADD COLUMN "held_to" date GENERATED ALWAYS AS (coalesce(held_on, partial_date_last_day(held_in))) STORED;--> statement-breakpoint
ALTER TABLE "meeting_count" ADD CONSTRAINT "meeting_count_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turnover_count" ADD CONSTRAINT "turnover_count_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report_text" ADD CONSTRAINT "project_report_text_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_valid_from" CHECK ("membership"."valid_from" is null or partial_date_first_day("membership"."valid_from") is not null);--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_valid_to" CHECK ("membership"."valid_to" is null or partial_date_last_day("membership"."valid_to") is not null);--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_period" CHECK ("membership"."ends_on" is null or "membership"."starts_on" is null or "membership"."starts_on" <= "membership"."ends_on");--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_held_in" CHECK ("event"."held_in" is null or ("event"."held_on" is null and partial_date_first_day("event"."held_in") is not null));--> statement-breakpoint
ALTER TABLE "external_meeting" ADD CONSTRAINT "external_meeting_held_in" CHECK ("external_meeting"."held_in" is null or ("external_meeting"."held_on" is null and partial_date_first_day("external_meeting"."held_in") is not null));--> statement-breakpoint
ALTER TABLE "external_meeting" ADD CONSTRAINT "external_meeting_when" CHECK ("external_meeting"."held_on" is not null or "external_meeting"."held_in" is not null or "external_meeting"."held_text" is not null);