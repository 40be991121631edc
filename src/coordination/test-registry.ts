// One IATI activity on Colombian judicial reform, added to the demo registry for the known-answer
// ranking tests (which start from a demo database: `startTestApp(…, { demo: true })`). No such activity is among the fixture files (the USAID set has no Colombia
// file), so it is written here in the shape a publisher would send it. It runs until 2030, so it
// is active by its dates as well as its status (an ended one would not be, whatever its status).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../db/client.ts';
import { iatiImportService } from '../iati/import.service.ts';

export const COLOMBIA_JUDICIAL_REFORM = 'Judicial Reform and Access to Justice in Colombia';

const ACTIVITY = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-01-15T00:00:00Z">
  <iati-activity default-currency="USD" last-updated-datetime="2024-01-15T00:00:00Z" xml:lang="en">
    <iati-identifier>XX-TEST-1-CO-JUSTICE-001</iati-identifier>
    <reporting-org ref="XX-TEST-1" type="10"><narrative>Test Donor Agency</narrative></reporting-org>
    <title><narrative>${COLOMBIA_JUDICIAL_REFORM}</narrative></title>
    <description type="1"><narrative>Supports the Colombian judicial branch and the Fiscalía General de la Nación in reforming criminal procedure, so that prosecutors and judges handle organised crime and corruption cases faster and with integrity.</narrative></description>
    <participating-org ref="XX-TEST-1" role="1" type="10"><narrative>Test Donor Agency</narrative></participating-org>
    <participating-org role="4" type="22"><narrative>Justice Reform Consortium</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date iso-date="2019-01-01" type="2"/>
    <activity-date iso-date="2030-12-31" type="3"/>
    <recipient-country code="CO" percentage="100"/>
    <sector code="15130" vocabulary="1" percentage="100"/>
    <budget type="1" status="2">
      <period-start iso-date="2019-01-01"/>
      <period-end iso-date="2019-12-31"/>
      <value currency="USD" value-date="2019-01-01">1500000</value>
    </budget>
  </iati-activity>
</iati-activities>
`;

export async function addColombianActivity(db: Database) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-iati-'));
  const file = path.join(dir, 'colombia-judicial-reform.xml');
  fs.writeFileSync(file, ACTIVITY);
  const report = await iatiImportService.importFiles(db, [file]);
  fs.rmSync(dir, { recursive: true, force: true });
  if (report.created !== 1)
    throw new Error(`The Colombian activity was not imported: ${JSON.stringify(report.issues)}`);
}
