-- 0011_agency_proceeding_reminders (SQLite): the day the response-due reminder of a proceeding without a case went out,
-- so the sweep reminds once (domain.md §2.9: the agency's duties have their own reminders).

ALTER TABLE "AgencyProceedings" ADD "RemindedOn" TEXT NULL;
