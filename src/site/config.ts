/** The lessons folder the site is built from: `lessons/`, or another library (tests build fixtures) via LESSONS_DIR. */
export const LESSONS_DIR = process.env.LESSONS_DIR ?? 'lessons';
