// A meeting's attendance in three languages, and where the confirm step stores it.
import { describe, expect, it } from 'vitest';
import { meetingFields } from '../../documents/record-mapping.ts';
import { findAttendance } from './meeting-attendance.ts';

describe('meeting attendance', () => {
  it.each([
    ['La réunion a rassemblé 42 experts (dont 13 femmes) venus de la région.', { total: 42, female: 13 }],
    [
      'Some 45 participants, of whom 20 were women and 25 men, attended the round table.',
      { total: 45, female: 20, male: 25 },
    ],
    ['Asistieron 30 personas, entre ellas 18 mujeres, al taller de Lima.', { total: 30, female: 18 }],
    [
      'The seminar brought together 12 women and 9 men from the prosecution services.',
      { total: 21, female: 12, male: 9 },
    ],
  ])('reads %s', (text, attendance) => {
    expect(findAttendance(text)?.attendance).toEqual(attendance);
  });

  it('reads no attendance from counts of things or from impossible splits', () => {
    expect(findAttendance('The programme held 44 workshops in 29 countries in 2019.')).toBeNull();
    expect(findAttendance('12 experts (dont 30 femmes)')).toBeNull();
  });

  it('is stored among the meeting figures on confirmation, once', () => {
    const fields = meetingFields(
      {
        kind: 'meeting_report',
        figures: [{ value: 42, unit: 'experts' }],
        stakeholders: { total: 42, female: 13 },
      },
      'Steering committee',
    );
    expect(fields.figures).toEqual([
      { value: 42, unit: 'experts' },
      { value: 13, unit: 'women participants' },
    ]);
  });
});
