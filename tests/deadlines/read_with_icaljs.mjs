// Reads an iCalendar file with ical.js, the parser of Thunderbird's calendar,
// and prints what it understood, one event per line (tab-separated), for
// deadlines_client_test.cc: UID, SUMMARY, DTSTART's zone, DTSTART as local time
// and in UTC, the alarms' triggers, and whether DESCRIPTION decoded to whole
// characters. A file ical.js cannot read ends with a non-zero exit.
//   node read_with_icaljs.mjs ICAL_JS_MODULE FILE.ics
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, icsPath] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(modulePath).href)).default;
const calendar = new ICAL.Component(ICAL.parse(readFileSync(icsPath, "utf8")));
// As Thunderbird does on import: the file's own time zones are what its times mean.
for (const vtimezone of calendar.getAllSubcomponents("vtimezone"))
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const alarms = vevent.getAllSubcomponents("valarm").map((a) => a.getFirstPropertyValue("trigger").toString());
  const description = event.description || "";
  console.log([
    event.uid,
    event.summary,
    start.zone ? start.zone.tzid : "",
    start.toString(),
    start.toUnixTime() ? new Date(start.toUnixTime() * 1000).toISOString() : "",
    alarms.join(","),
    description.includes("\uFFFD") ? "broken" : "whole",
  ].join("\t"));
}
