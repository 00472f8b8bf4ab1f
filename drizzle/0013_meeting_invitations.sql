-- Calendar invitations (iMIP, RFC 6047) sent with a meeting's notice: who got
-- one, and the UID and SEQUENCE last sent, so that a moved meeting sends an
-- update and a cancelled one a CANCEL to the same people under the same UID
-- with a higher SEQUENCE. The mail itself carries its text/calendar part and
-- its extra headers (Auto-Submitted, List-Unsubscribe) in the outbox row.
-- A person may turn the weekly digest off (digest_opt_out).
CREATE TABLE "meeting_invitation" (
	"meeting_id" integer PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer NOT NULL,
	"method" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_invitation_method" CHECK ("method" in ('REQUEST', 'CANCEL'))
);
--> statement-breakpoint
CREATE TABLE "meeting_invitee" (
	"meeting_id" integer NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"person_id" integer,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_invitee_meeting_id_email_pk" PRIMARY KEY("meeting_id","email")
);
--> statement-breakpoint
ALTER TABLE "meeting_invitation" ADD CONSTRAINT "meeting_invitation_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "calendar" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "calendar_method" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_calendar_method" CHECK ("calendar_method" is null or ("calendar_method" in ('REQUEST', 'CANCEL') and "calendar" is not null));
--> statement-breakpoint
CREATE TABLE "digest_opt_out" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "digest_opt_out" ADD CONSTRAINT "digest_opt_out_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;
