// The assessment form in a real browser, in Spanish: an editor applies the HEUNI checklist to a
// planned project, scores it with the keyboard, saves, comes back to the saved sheet, sees a second
// assessor's scores side by side with the spread, records the agreed result and its radar, and
// compares it with another assessment of the same instrument version.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '../../src/auth/auth.service.ts';
import { buildOrgWithEditor, type TestMember } from '../support/factories.ts';
import { type BrowserApp, screenshot, startBrowserApp } from './browser.ts';

let b: BrowserApp;
let editor: TestMember;
let second: { token: string };
let projectId: string;
let otherAssessmentId: string;

const api = async (method: 'POST' | 'PUT', path: string, token: string, body: unknown) => {
  const res = await b.app.request(method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

beforeAll(async () => {
  b = await startBrowserApp();
  const built = await buildOrgWithEditor(b.app.db, { name: 'Asistencia Penitenciaria' });
  editor = built.editor;
  const user = await authService.createUser(b.app.db, {
    email: 'segunda@example.org',
    password: 'a long password 2',
    name: 'Segunda evaluadora',
  });
  await authService.addMembership(b.app.db, user.id, built.org.id, 'editor');
  second = { token: (await authService.createToken(b.app.db, 'segunda@example.org', 'write')).secret };
  projectId = (
    await api('POST', '/api/v1/projects', editor.token, {
      title: 'Reforma penitenciaria en Perú',
      status: 'pipeline',
      countries: ['PE'],
    })
  ).id;
  const other = await api('POST', '/api/v1/assessments', editor.token, {
    instrument: 'heuni-checklist',
    subject: { type: 'project', id: projectId },
    title: 'Evaluación de 2025',
  });
  otherAssessmentId = other.id;
  await api('PUT', `/api/v1/assessments/${other.id}/agreed`, editor.token, {
    scores: ['needs_assessment', 'know_partner', 'start_small'].map((question) => ({
      question,
      value: 'no',
    })),
  });
});
afterAll(async () => {
  await b?.close();
});

async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByLabel('Language').selectOption('es');
}

const question = (form: Locator, text: string) => form.getByLabel(text, { exact: false });

describe('the assessment form in Spanish', () => {
  let assessmentUrl: string;

  it('applies an instrument to a planned project and saves the scores chosen with the keyboard', async () => {
    const { page } = await b.newPage();
    await signInAs(page, editor.email, editor.password);
    await page.goto(`/assessments?project=${projectId}`);
    const form = page.getByRole('form', { name: 'Nueva evaluación' });
    await form.getByLabel('Instrumento').selectOption('heuni-checklist');
    await form.getByLabel('Objeto').selectOption(projectId);
    await form.getByLabel('Título (opcional)').fill('Evaluación de diseño');
    await form.getByRole('button', { name: 'Empezar la evaluación' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evaluación de diseño' }).waitFor();
    assessmentUrl = new URL(page.url()).pathname;
    const sheet = page.getByRole('form', { name: 'Sus puntuaciones' });
    await sheet.getByText('0 de 14 preguntas respondidas').waitFor();

    // The keyboard alone: focus the first question, then arrow keys choose on the scale.
    const first = question(sheet, '¿Se evaluaron las necesidades antes de diseñar el proyecto?');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await first.inputValue()).toBe('yes');
    await question(sheet, '¿Está decidido y claramente enunciado el propósito').selectOption('partly');
    await question(sheet, '¿Empezó el proyecto a pequeña escala').selectOption('no');
    // Tacit pre-fills "monitor and evaluate" from what it holds on the project, and says so…
    await sheet.getByText('Tacit sugiere').first().waitFor();
    // …in the interface language, never in the API's English.
    await sheet
      .getByText('Tacit tiene 0 revisión(es), 0 indicador(es) y 0 evaluación(es) de este proyecto.')
      .waitFor();
    expect(await sheet.getByText('Tacit holds').count()).toBe(0);
    await sheet.getByText('Evidencia').first().click();
    await sheet.getByLabel('En qué se basa la puntuación').first().fill('Informe de misión de 2024');
    await sheet.getByRole('button', { name: 'Guardar mis puntuaciones' }).click();
    await sheet.getByText('Guardado. Puede volver y seguir más tarde.').waitFor();
    await sheet.getByText('3 de 14 preguntas respondidas').waitFor();
    await screenshot(page, 'assessment-form-es');
  });

  it('refuses a link that is none, saying which, and resumes the saved sheet on return', async () => {
    const { page } = await b.newPage();
    await signInAs(page, editor.email, editor.password);
    await page.goto(assessmentUrl);
    const sheet = page.getByRole('form', { name: 'Sus puntuaciones' });
    await sheet.getByText('3 de 14 preguntas respondidas').waitFor();
    const first = question(sheet, '¿Se evaluaron las necesidades antes de diseñar el proyecto?');
    expect(await first.inputValue()).toBe('yes');
    expect(await question(sheet, '¿Empezó el proyecto a pequeña escala').inputValue()).toBe('no');
    expect(await sheet.getByLabel('En qué se basa la puntuación').first().inputValue()).toBe(
      'Informe de misión de 2024',
    );
    await sheet.getByLabel('Enlaces, uno por línea').first().fill('el informe de marzo');
    await sheet.getByRole('button', { name: 'Guardar mis puntuaciones' }).click();
    await sheet.getByRole('alert').getByText('«el informe de marzo» no es un enlace').waitFor();
  });

  it('shows a second assessor side by side with the spread, then the agreed result and its radar', async () => {
    const id = assessmentUrl.split('/').pop()!;
    // The second assessor, before scoring, does not see the first one's scores unless she asks.
    const before = await b.newPage();
    await signInAs(before.page, 'segunda@example.org', 'a long password 2');
    await before.page.goto(assessmentUrl);
    await before.page.getByRole('form', { name: 'Sus puntuaciones' }).waitFor();
    await before.page.getByRole('note').getByText('1 evaluador más ya ha puntuado').waitFor();
    expect(await before.page.getByRole('region', { name: 'Evaluadores lado a lado' }).count()).toBe(0);
    await before.page.getByRole('button', { name: 'Mostrar ahora sus puntuaciones' }).click();
    await before.page.getByRole('region', { name: 'Evaluadores lado a lado' }).waitFor();
    await api('PUT', `/api/v1/assessments/${id}/scores`, second.token, {
      scores: [
        { question: 'needs_assessment', value: 'no' },
        { question: 'start_small', value: 'no' },
      ],
    });
    const { page } = await b.newPage();
    await signInAs(page, editor.email, editor.password);
    await page.goto(assessmentUrl);
    const table = page.getByRole('region', { name: 'Evaluadores lado a lado' });
    await table.getByRole('columnheader', { name: 'Segunda evaluadora' }).waitFor();
    const needs = table.getByRole('row', { name: /¿Se evaluaron las necesidades/ });
    expect(await needs.getByRole('cell').allTextContents()).toEqual(['No', 'Sí', '100 % · a debatir', '—']);
    const small = table.getByRole('row', { name: /¿Empezó el proyecto a pequeña escala/ });
    expect(await small.getByRole('cell').allTextContents()).toEqual(['No', 'No', '0 %', '—']);

    const agreed = page.getByRole('form', { name: 'Evaluación acordada' });
    // Where every assessor gave the same value, the agreed sheet starts from it.
    expect(await question(agreed, '¿Empezó el proyecto a pequeña escala').inputValue()).toBe('no');
    await question(agreed, '¿Se evaluaron las necesidades antes de diseñar el proyecto?').selectOption(
      'partly',
    );
    await agreed.getByRole('button', { name: 'Guardar la evaluación acordada' }).click();
    await agreed.getByText('Guardado.', { exact: false }).waitFor();
    const results = page.getByRole('region', { name: 'Resultados' });
    await results
      .getByRole('img', {
        name: 'Radar de las puntuaciones por ámbito de Lista de verificación de HEUNI para la asistencia internacional',
      })
      .waitFor();
    const preparation = results.getByRole('row', { name: /Preparación del proyecto/ });
    // Agreed: "partly" is half the scale; the area averages its one scored question.
    expect((await preparation.getByRole('cell').allTextContents())[0]).toBe('50 %');
    await screenshot(page, 'assessment-agreed-es');
  });

  it('compares the agreed results of two assessments made with the same version', async () => {
    const { page } = await b.newPage();
    await signInAs(page, editor.email, editor.password);
    await page.goto(`/assessments?project=${projectId}`);
    const list = page.getByRole('list', { name: 'Evaluaciones' });
    await list.getByRole('listitem').nth(1).waitFor();
    for (const item of await list.getByRole('listitem').all()) await item.getByLabel('Comparar').check();
    await page.getByRole('button', { name: 'Comparar las 2 elegidas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comparación de evaluaciones' }).waitFor();
    expect(new URL(page.url()).searchParams.get('ids')?.split(',')).toContain(otherAssessmentId);
    await page.getByRole('img', { name: /Radar de las puntuaciones por ámbito/ }).waitFor();
    const header = await page.getByRole('columnheader').allTextContents();
    expect(
      header
        .slice(1)
        .map((h) => h.replace(/ \(.*\)$/, ''))
        .sort(),
    ).toEqual(['Evaluación de 2025', 'Evaluación de diseño']);
    const overall = await page
      .getByRole('row', { name: /Global/ })
      .getByRole('cell')
      .allTextContents();
    expect(overall).toHaveLength(2);
    await screenshot(page, 'assessments-compare-es');
  });
});
