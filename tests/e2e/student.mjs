// A typical student's answers, as the tests type them: Awa N'Diaye from Senegal, 23.
import { file, image, textPdf, YEAR } from './fixtures.mjs';

/**
 * Her six documents, each one that passes, as `[doc, file]` pairs for the boxes' inputs; `rib`
 * stands in for her RIB (a file with a problem, for a test that wants one explained).
 */
export async function documents(page, { rib } = {}) {
  const [first, second] = YEAR;
  const png = async (w, h) => image(page, { width: w, height: h, type: 'image/png' });
  return [
    ['certificate_of_studies', file('certificat.pdf', textPdf([['CERTIFICAT DE SCOLARITE', `Annee universitaire ${first}-${second}`, "Nom : N'DIAYE Awa"]]), 'application/pdf')],
    ['identity', file('passeport.png', await png(1200, 1600), 'image/png')],
    ['visa', file('visa.png', await png(1300, 1700), 'image/png')],
    ['birth_certificate', file('acte.png', await png(1250, 1650), 'image/png')],
    ['residence_permit', file('titre.png', await png(1350, 1750), 'image/png')],
    ['rib', rib ?? file('rib.pdf', textPdf([['RELEVE D IDENTITE BANCAIRE', "Titulaire : MME AWA N'DIAYE", 'IBAN FR76 3000 6000 0112 3456 7890 189', 'BIC AGRIFRPP882']]), 'application/pdf')],
  ];
}

/** The English legend of the visa question every student from outside the EU answers. */
export const VLS_T_QUESTION =
  'Is your visa a VLS-T, a temporary long-stay student visa of 4 to 12 months that needs no online validation?';

/**
 * The two questions every student on the way to register answers once nationality and cards
 * are answered, as most students do: no French number yet, and not insured through the CPAM
 * (a PhD work contract, refugee or asylum seeker).
 */
export async function notForTheCpam(page) {
  await page.locator('#already-numbered-no').check();
  await page.locator('#cpam-route-no').check();
}

/** Not insured by the RAMQ (Quebec), as most students: asked of everyone from outside the EU. */
export async function notInQuebec(page) {
  await page.locator('#quebec-form-no').check();
}

/**
 * Step 1: nationality, the two CPAM questions, not insured in Quebec, the visa (a VLS-TS, as
 * most students hold) and date of birth.
 */
export async function answerStep1(page) {
  await page.getByLabel('Your nationality').fill('Senegal');
  await page.getByLabel('Your nationality').press('Tab');
  await notForTheCpam(page);
  await page.locator('#quebec-form-no').check();
  await page.getByRole('group', { name: VLS_T_QUESTION }).getByLabel('No', { exact: true }).check();
  const birth = page.getByRole('group', { name: 'Your date of birth' });
  await birth.getByLabel('Day').fill('14');
  await birth.getByLabel('Month').fill('5');
  await birth.getByLabel('Year').fill('2003');
}

/** Step 2: every field of the portal's form, valid, the rights starting this month. */
export async function fillValidDetails(page) {
  await page.getByLabel('Mme (Ms)').check();
  await page.getByLabel('Last name').fill('N’Diaye');
  await page.getByLabel('First name').fill('Awa');
  await page.getByLabel('Country of birth').fill('Sénégal');
  const rights = page.getByRole('group', { name: 'Start date of your rights' });
  const year = new Date().getFullYear();
  const month = new Date().getMonth() + 1;
  await rights.getByLabel('Day').fill('1');
  await rights.getByLabel('Month').fill(String(month));
  await rights.getByLabel('Year').fill(String(year));
  await page.getByLabel('Street number (optional)').fill('12');
  await page.getByLabel('Lane type').fill('rue');
  await page.getByLabel('Street name').fill('de la Paix');
  await page.getByLabel('Postcode').fill('93200');
  await page.getByLabel('Town').fill('St Denis');
  await page.getByLabel('Email address', { exact: true }).fill('awa.ndiaye@gmail.com');
  await page.getByLabel('Confirm your email address').fill('awa.ndiaye@gmail.com');
  await page.getByLabel('Mobile phone number').fill('+33 6 12 34 56 78');
}
