import { findLabelValues } from '../src/ingest/layout/labels.ts';
for (const t of ["Budget PBF total approuvé* (par agence récipiendaire): PNUD : $ 1", "Budget PBF total: 5", "Budget PBF: 5", "Budget: 5", "x Budget (par agence): 5"]) console.log(t, findLabelValues(t).map(p=>[p.label,p.qualifier,p.value]));
