import { parseWithZod } from "@conform-to/zod/v3";
import { describe, expect, it } from "vitest";
import { documentFormSchema } from "~/modules/reminders/reminder.schema";

const TODAY = "2027-03-01";
function parse(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    kind: "passport",
    holder: "self",
    expiresOn: "2027-06-01",
    ownUnit: "days",
    ...fields,
  }))
    form.set(k, v);
  return parseWithZod(form, { schema: documentFormSchema(TODAY) });
}
const errorsOf = (fields: Record<string, string>) => {
  const s = parse(fields);
  return s.status === "success" ? {} : s.error;
};

describe("document form", () => {
  it("accepts a document expiring today, with own points in weeks and on a date", () => {
    const s = parse({ expiresOn: TODAY, remindOn: TODAY, ownAmount: "2", ownUnit: "weeks" });
    expect(s.status === "success" && s.value).toMatchObject({ expiresOn: TODAY, ownAmount: 2, ownUnit: "weeks" });
  });

  it.each([
    [{ expiresOn: "2027-02-28" }, "expiresOn", "reminders:errors.expiresOnPast"],
    [{ expiresOn: "2027-02-30" }, "expiresOn", "reminders:errors.expiresOnInvalid"],
    [{ kind: "driving-licence" }, "kind", "reminders:errors.kind"],
    [{ holder: "family" }, "holderName", "reminders:errors.holderName"],
    [{ remindOn: "2027-06-02" }, "remindOn", "reminders:errors.remindOnRange"],
    [{ remindOn: "2027-02-01" }, "remindOn", "reminders:errors.remindOnRange"],
    [{ ownAmount: "0" }, "ownAmount", "reminders:errors.ownAmount"],
    [{ ownAmount: "1.5" }, "ownAmount", "reminders:errors.ownAmount"],
  ])("refuses %o with a message key on %s", (fields, field, key) => {
    expect(errorsOf(fields)?.[field]).toEqual([key]);
  });

  it("takes no owner from the form: an owner field is not part of the result", () => {
    const s = parse({ userId: "00000000-0000-0000-0000-000000000000" });
    expect(s.status === "success" && s.value).not.toHaveProperty("userId");
  });
});
