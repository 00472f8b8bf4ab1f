CREATE TABLE "consultation" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issuer_id" integer,
	"title" text NOT NULL,
	"reference" text,
	"received_on" date,
	"deadline" date,
	"target_on" date,
	"answer_jointly" text DEFAULT 'undecided' NOT NULL,
	"not_joint_reason" text,
	"working_group_id" integer,
	"status" text DEFAULT 'watched' NOT NULL,
	"written_year" integer,
	"written_on" date,
	"submitted_on" date,
	"submitted_year" integer,
	"submitted_note" text,
	"submitted_to" text,
	"response_text" text,
	"response_file_id" integer,
	"notes" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_answer_jointly" CHECK ("consultation"."answer_jointly" in ('yes', 'no', 'undecided')),
	CONSTRAINT "consultation_status_kind" CHECK ("consultation"."status" in ('watched', 'drafting', 'answered', 'declined')),
	CONSTRAINT "consultation_deadline_after_received" CHECK ("consultation"."deadline" is null or "consultation"."received_on" is null or "consultation"."deadline" >= "consultation"."received_on"),
	CONSTRAINT "consultation_submitted_has_response" CHECK (("consultation"."submitted_on" is null and "consultation"."submitted_year" is null) or "consultation"."response_text" is not null or "consultation"."response_file_id" is not null),
	CONSTRAINT "consultation_submitted_year" CHECK ("consultation"."submitted_on" is null or "consultation"."submitted_year" = extract(year from "consultation"."submitted_on")::integer),
	CONSTRAINT "consultation_not_joint_reason" CHECK ("consultation"."answer_jointly" <> 'no' or "consultation"."not_joint_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "consultation_decision" (
	"consultation_id" integer NOT NULL,
	"decision_id" integer NOT NULL,
	CONSTRAINT "consultation_decision_consultation_id_decision_id_pk" PRIMARY KEY("consultation_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_drafter" (
	"consultation_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "consultation_drafter_consultation_id_person_id_pk" PRIMARY KEY("consultation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_meeting" (
	"consultation_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"role" text DEFAULT 'discussed' NOT NULL,
	"note" text,
	CONSTRAINT "consultation_meeting_consultation_id_meeting_id_pk" PRIMARY KEY("consultation_id","meeting_id"),
	CONSTRAINT "consultation_meeting_role" CHECK ("consultation_meeting"."role" in ('discussed', 'decided'))
);
--> statement-breakpoint
CREATE TABLE "consultation_notice" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_notice_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"stage" text NOT NULL,
	"message" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_notice_stage" CHECK ("consultation_notice"."stage" in ('coming', 'timeline', 'final'))
);
--> statement-breakpoint
CREATE TABLE "consultation_notice_mail" (
	"notice_id" integer NOT NULL,
	"outbox_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	CONSTRAINT "consultation_notice_mail_notice_id_outbox_id_pk" PRIMARY KEY("notice_id","outbox_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_priority_object" (
	"consultation_id" integer NOT NULL,
	"priority_object_id" integer NOT NULL,
	CONSTRAINT "consultation_priority_object_consultation_id_priority_object_id_pk" PRIMARY KEY("consultation_id","priority_object_id")
);
--> statement-breakpoint
CREATE TABLE "priority_object" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "priority_object_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"decision_id" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"ended_on" date,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_object_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "event_host" (
	"event_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	CONSTRAINT "event_host_event_id_body_id_pk" PRIMARY KEY("event_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "external_meeting" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "external_meeting_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"held_on" date,
	"held_text" text,
	"body_id" integer,
	"our_participants" text,
	"their_participants" text,
	"format" text,
	"topic" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_meeting_when" CHECK ("external_meeting"."held_on" is not null or "external_meeting"."held_text" is not null),
	CONSTRAINT "external_meeting_status" CHECK ("external_meeting"."status" in ('held', 'planned', 'cancelled')),
	CONSTRAINT "external_meeting_format" CHECK ("external_meeting"."format" is null or "external_meeting"."format" in ('physical', 'digital', 'phone'))
);
--> statement-breakpoint
CREATE TABLE "external_meeting_organisation" (
	"external_meeting_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "external_meeting_organisation_external_meeting_id_organisation_id_pk" PRIMARY KEY("external_meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "external_meeting_priority_object" (
	"external_meeting_id" integer NOT NULL,
	"priority_object_id" integer NOT NULL,
	CONSTRAINT "external_meeting_priority_object_external_meeting_id_priority_object_id_pk" PRIMARY KEY("external_meeting_id","priority_object_id")
);
--> statement-breakpoint
CREATE TABLE "project_funding" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_funding_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"funder_id" integer,
	"description" text NOT NULL,
	"amount" bigint,
	"share_percent" integer,
	CONSTRAINT "project_funding_share" CHECK ("project_funding"."share_percent" is null or ("project_funding"."share_percent" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "project_municipality" (
	"project_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	CONSTRAINT "project_municipality_project_id_municipality_id_pk" PRIMARY KEY("project_id","municipality_id")
);
--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "kind" text DEFAULT 'conference' NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "theme" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "host_text" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "participants_internal" integer;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "status" text DEFAULT 'held' NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "cancelled_reason" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "evaluation" text;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "owner_body_id" integer;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "owner_text" text;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "supplier_id" integer;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "end_year" integer;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "budget" bigint;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "status" text DEFAULT 'ongoing' NOT NULL;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "results" text;--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_issuer_id_organisation_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_working_group_id_body_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_response_file_id_stored_file_id_fk" FOREIGN KEY ("response_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_decision" ADD CONSTRAINT "consultation_decision_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_decision" ADD CONSTRAINT "consultation_decision_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_drafter" ADD CONSTRAINT "consultation_drafter_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_drafter" ADD CONSTRAINT "consultation_drafter_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_meeting" ADD CONSTRAINT "consultation_meeting_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_meeting" ADD CONSTRAINT "consultation_meeting_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_notice" ADD CONSTRAINT "consultation_notice_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_notice_mail" ADD CONSTRAINT "consultation_notice_mail_notice_id_consultation_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."consultation_notice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_notice_mail" ADD CONSTRAINT "consultation_notice_mail_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_notice_mail" ADD CONSTRAINT "consultation_notice_mail_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_priority_object" ADD CONSTRAINT "consultation_priority_object_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_priority_object" ADD CONSTRAINT "consultation_priority_object_priority_object_id_priority_object_id_fk" FOREIGN KEY ("priority_object_id") REFERENCES "public"."priority_object"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_object" ADD CONSTRAINT "priority_object_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_host" ADD CONSTRAINT "event_host_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_host" ADD CONSTRAINT "event_host_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_meeting" ADD CONSTRAINT "external_meeting_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_meeting_organisation" ADD CONSTRAINT "external_meeting_organisation_external_meeting_id_external_meeting_id_fk" FOREIGN KEY ("external_meeting_id") REFERENCES "public"."external_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_meeting_organisation" ADD CONSTRAINT "external_meeting_organisation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_meeting_priority_object" ADD CONSTRAINT "external_meeting_priority_object_external_meeting_id_external_meeting_id_fk" FOREIGN KEY ("external_meeting_id") REFERENCES "public"."external_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_meeting_priority_object" ADD CONSTRAINT "external_meeting_priority_object_priority_object_id_priority_object_id_fk" FOREIGN KEY ("priority_object_id") REFERENCES "public"."priority_object"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_funding" ADD CONSTRAINT "project_funding_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_funding" ADD CONSTRAINT "project_funding_funder_id_organisation_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_municipality" ADD CONSTRAINT "project_municipality_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_municipality" ADD CONSTRAINT "project_municipality_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_deadline" ON "consultation" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "consultation_status" ON "consultation" USING btree ("status");--> statement-breakpoint
CREATE INDEX "consultation_received" ON "consultation" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "consultation_years" ON "consultation" USING btree ("written_year","submitted_year");--> statement-breakpoint
CREATE INDEX "consultation_meeting_meeting" ON "consultation_meeting" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "consultation_notice_consultation" ON "consultation_notice" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_priority_object_po" ON "consultation_priority_object" USING btree ("priority_object_id");--> statement-breakpoint
CREATE INDEX "external_meeting_held_on" ON "external_meeting" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "external_meeting_organisation_org" ON "external_meeting_organisation" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "external_meeting_priority_object_po" ON "external_meeting_priority_object" USING btree ("priority_object_id");--> statement-breakpoint
CREATE INDEX "project_funding_project" ON "project_funding" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_owner_body_id_body_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_supplier_id_organisation_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_held_on" ON "event" USING btree ("held_on");--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_participants_internal" CHECK ("event"."participants_internal" is null or ("event"."participants_internal" >= 0 and ("event"."participants" is null or "event"."participants_internal" <= "event"."participants")));--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_kind" CHECK ("event"."kind" in ('conference', 'radslag', 'theme_day', 'seminar', 'webinar', 'workshop', 'other'));--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_status" CHECK ("event"."status" in ('planned', 'held', 'cancelled'));--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_format" CHECK ("event"."format" is null or "event"."format" in ('physical', 'digital', 'hybrid'));--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_status" CHECK ("project"."status" in ('planned', 'ongoing', 'completed', 'cancelled'));--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_period" CHECK ("project"."end_year" is null or "project"."start_year" is null or "project"."end_year" >= "project"."start_year");--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_budget" CHECK ("project"."budget" is null or "project"."budget" >= 0);