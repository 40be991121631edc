// Cues that say what kind of document this is, in English, Spanish and French, with a weight. A cue
// in the document's opening lines (where documents name themselves) counts double. Kept as data so
// that adding a cue is one line.
import type { DocumentKind } from '../extraction-record.ts';

export type KindCue = [pattern: RegExp, weight: number];

export const KIND_CUES: Record<DocumentKind, KindCue[]> = {
  annual_review: [
    [/\bannual review\b/i, 4],
    [/\bsummary sheet\b/i, 2],
    [/\b(?:outcome|programme) score\b/i, 2],
    [/\brisk rating\b/i, 1],
    [/\bscore \(per output/i, 2],
    [/\bcompletion review\b/i, 3],
    [/\b(?:annual|half[- ]yearly|semi-annual|standard|final) (?:project |progress )*report\b/i, 3],
    [/\bprogress (?:report|update)\b/i, 3],
    [/\brapport (?:de progr[eè]s|annuel|d'avancement|semestriel)\b/i, 3],
    [/\binforme (?:est[aá]ndar de progreso|de progreso|anual|de avance|final del proyecto)(?!\p{L})/iu, 3],
    [/\binforme final\b(?![^.\n]{0,40}evaluaci)/i, 1],
    [
      /\b(?:reporting period|period covered|p[eé]riode couverte|per[ií]odo cubierto|per[ií]odo del informe)\b/iu,
      1,
    ],
    [
      /\b(?:informe|rapport|report) (?:final |anual |annuel |annual )?(?:del|du|of the) (?:proyecto|projet|project|programa|programme)\b/iu,
      3,
    ],
    [/\b(?:project|proyecto|projet) (?:id|n[o°º]\.?|number|n[uú]mero|num[eé]ro)\b|\baward id\b/iu, 1],
    [/\b(?:outputs?|productos?|produits?|resultados del proyecto|r[eé]sultats du projet)\b/iu, 1],
  ],
  evaluation: [
    [/\bevaluation brief\b/i, 4],
    [
      /\b(?:final|mid-?term|independent|terminal|impact|joint|external|thematic)\b[^.\n]{0,30}\bevaluation\b/i,
      3,
    ],
    [/\bevaluation (?:report|team|methodology|plan|type)\b/i, 2],
    [/\bmanagement response\b/i, 2],
    [/\b[eé]valuation (?:finale|à mi-parcours|ind[eé]pendante|conjointe|externe)\b/iu, 3],
    [/\brapport\s+(?:final\s+)?d[’']?[eé]valuation\b/iu, 3],
    [/\b[eé]valuation d[’']impact\b/iu, 3],
    [/\bévaluat(?:ion|rice|eur)\b/i, 1],
    [/\bevaluaci[oó]n (?:final|intermedia|de medio t[eé]rmino|externa|independiente|de impacto)\b/i, 3],
    [/\binforme de evaluaci[oó]n\b/i, 3],
    // "Evaluation of the project …", "Évaluation du programme …", "Evaluación del proyecto …".
    [
      /\b(?:evaluation|[eé]valuation|evaluaci[oó]n) (?:of the|of|du|de la|de l['’]|del|de) (?:project|programme|program|projet|programa|proyecto)\b/iu,
      3,
    ],
    [/\blessons learn(?:ed|t)\b|\blecciones aprendidas\b|\ble[cç]ons apprises\b/i, 1],
    [/\bUNEG\b/, 1],
  ],
  meeting_report: [
    [/\b(?:meeting|conference|workshop|seminar) report\b/i, 4],
    [/\breport of the (?:[\w-]+ ){0,4}(?:meeting|conference|workshop|seminar|session)\b/i, 4],
    [
      /\b(?:informe|acta|relator[ií]a) (?:final )?de la (?:[\p{L}-]+ ){0,4}(?:reuni[oó]n|conferencia|sesi[oó]n|seminario|taller)\b|\b(?:rapport|compte[- ]rendu|proc[eè]s[- ]verbal) (?:final )?de la (?:[\p{L}-]+ ){0,4}(?:r[ée]union|conf[ée]rence|session|s[ée]ance|s[ée]minaire)\b/iu,
      4,
    ],
    [/\blist of decisions\b|\bliste des d[eé]cisions\b|\blista de decisiones\b/i, 4],
    [/\bconclusiones y recomendaciones\b|\bconclusions (?:et|and) recommendations\b/i, 2],
    [/\b(?:rapport|compte[- ]rendu) de la r[eé]union\b|\binforme (?:final )?de la reuni[oó]n\b/i, 4],
    [/\b(?:opened|chaired) the (?:event|meeting|session)\b|\bopened the meeting\b/i, 3],
    // The final report of a meeting the cover names just before it ("… MEETING … FINAL REPORT").
    [
      /\b(?:meeting|reuni[oó]n|r[ée]union|session|sesi[oó]n)\b[^.]{0,160}\b(?:final report|informe final|rapport final)\b/iu,
      3,
    ],
    // A meeting named by its number: "XXV Reunión", "Twenty-fifth Meeting", "44th plenary meeting".
    // Weak: a note names the meeting it was written for in the same way.
    [
      /\b(?:[IVXLC]+|\d+(?:st|nd|rd|th|e|ème|ª|º)|first|second|third|\p{L}+(?:th|i[eè]me|[eé]sim[ao]))\s+(?:plenary\s+)?(?:meeting|session|reuni[oó]n|r[ée]union|sesi[oó]n|plenary|plenaria|pl[ée]ni[eè]re)\b/iu,
      1,
    ],
    [
      /\bsous la pr[eé]sidence (?:de|du|des)\b|\bpresidid[ao] por\b|\bbajo la presidencia (?:de|del)\b|\bchaired by\b|\bunder the chairmanship of\b/i,
      2,
    ],
    // A body that met: "a réuni les partenaires", "se reunieron", "convened the partners".
    [
      /\b(?:a r[ée]uni|ont r[ée]uni|se sont r[ée]unis|se r[ée]unit|se reuni[oó]|se reunieron|reuni[oó] a|convened|brought together)\b/iu,
      1,
    ],
    [
      /\b(?:r[ée]union|reuni[oó]n|meeting|conference|conf[ée]rence|seminar|s[ée]minaire|workshop|atelier|table ronde|round ?table)\b[^.\n]{0,80}\b(?:tenue?s?|held|celebrad[ao]s?)\b/iu,
      2,
    ],
    [/\b(?:se llev[oó] a cabo|fue celebrada|tuvo lugar|s'est tenue?|a eu lieu|took place|was held)\b/i, 1],
    // A provisional agenda item heads UN documents of every kind: only an agenda adopted is a meeting's.
    [/\bordre du jour\b(?! provisoire)|\bagenda was adopted\b|\borden del d[ií]a\b(?! provisional)/i, 2],
    [/\b(?:the chair|le pr[eé]sident|la presidencia)\b/i, 1],
    [
      /\b(?:expert group|grupo de expertos|groupe d['’]experts|steering committee|comit[eé] de pilotage|comit[eé] directivo|working group|grupo de trabajo|groupe de travail)\b/iu,
      1,
    ],
    [
      /\b(?:meeting|reuni[oó]n|r[eé]union|session|sesi[oó]n) (?:of the|del|de la|du|de l['’]) (?:group|grupo|groupe|committee|comit[eé]|commission|comisi[oó]n)\b/iu,
      2,
    ],
    [/\b(?:delegations|delegaciones|d[eé]l[eé]gations)\b/iu, 1],
    [/\b(?:informe final|rapport final|final report) de la (?:reuni[oó]n|r[eé]union)\b/iu, 4],
    [/\bparticipants\b|\bparticipantes\b/i, 1],
    [/\btable ronde\b|\bround ?table\b|\bmesa redonda\b/i, 1],
  ],
  background_note: [
    [/\bbackground (?:note|paper|documentation|document)\b/i, 4],
    [/\bdocumento de antecedentes\b|\bdocument d[’']information\b|\bdocumento de informaci[oó]n\b/i, 4],
    [/\b(?:discussion|policy|concept|issues) (?:paper|note)\b|\bnon-paper\b|\bwhite paper\b/i, 3],
    [/\bnote (?:conceptuelle|d[’']orientation|de synth[eè]se)\b|\bnota conceptual\b|\blivre blanc\b/i, 3],
    [
      /\b(?:working paper|position paper|discussion guide|guide de discussion|gu[ií]a para (?:el|los) debates?|document de travail|document de r[ée]flexion|note d[’']information|note de cadrage|documento de trabajo|documento de posici[oó]n|nota informativa|nota de antecedentes)\b/i,
      3,
    ],
    [/\bcontexte et objectifs\b|\bcontexto y objetivos\b|\bcontext and objectives\b/i, 3],
    [/\b(?:estudio|study|[eé]tude) (?:sobre|on|sur)\b/i, 2],
    [/\b(?:document|documento) (?:prepared|elaborado|pr[eé]par[eé])\b/i, 2],
    [/\bconference room paper\b|\/CRP\.\d/i, 2],
    [/\bprovisional agenda\b|\bprograma provisional\b|\bordre du jour provisoire\b/i, 1],
  ],
  other: [[/\bterms of reference\b|\bt[eé]rminos de referencia\b|\btermes de r[eé]f[eé]rence\b/i, 6]],
};
