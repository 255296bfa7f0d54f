import type { Migration } from "kysely";
import * as eligibilityChecks from "./20261125T1400_eligibility-checks";
import * as directories from "./20261125T1730_directories";
import * as accountsAndCases from "./20261125T1730_accounts-and-cases";
import * as staffWorkspace from "./20261125T1800_staff-workspace";
import * as inboxScale from "./20261201T0300_inbox-scale";
import * as caseJourney from "./20261202T0700_case-journey";
import * as directorySources from "./20261202T0700_directory-sources";
import * as nationalityCodes from "./20261202T0700_nationality-codes";
import * as checksContentVersion from "./20261202T0800_checks-content-version";
import * as contentVersion from "./20261202T0700_content-version";
import * as expiryReminders from "./20261202T1100_expiry-reminders";
import * as ruleAlerts from "./20261202T1400_rule-alerts";

/** Every migration, registered statically so that it bundles with the server and runs in Vitest. Append only. */
export const migrations: Record<string, Migration> = {
  "20261125T1400_eligibility-checks": eligibilityChecks,
  "20261125T1730_directories": directories,
  "20261125T1730_accounts-and-cases": accountsAndCases,
  "20261125T1800_staff-workspace": staffWorkspace,
  "20261201T0300_inbox-scale": inboxScale,
  "20261202T0700_case-journey": caseJourney,
  "20261202T0700_directory-sources": directorySources,
  "20261202T0700_nationality-codes": nationalityCodes,
  "20261202T0700_content-version": contentVersion,
  "20261202T0800_checks-content-version": checksContentVersion,
  "20261202T1100_expiry-reminders": expiryReminders,
  "20261202T1400_rule-alerts": ruleAlerts,
};
