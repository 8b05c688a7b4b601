/**
 * The content categories Saring acts on. The ids are stable: they appear in policies,
 * lexicons, decisions, webhooks and reports. Labels are for people (Bahasa Indonesia first).
 *
 * `urgent` marks the categories whose takedown deadline is 4 hours instead of 24 under
 * Permenkominfo 5/2020 (terrorism, child sexual abuse material); an order may still mark
 * other content urgent when it disturbs public order.
 */
export const CATEGORY_IDS = [
  'gambling',
  'pornography',
  'csam',
  'sara_hate',
  'terrorism',
  'drugs',
  'fraud',
  'violence',
  'hoax',
  'illegal_goods',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Category {
  id: CategoryId;
  label: { id: string; en: string };
  /** The Indonesian legal ground cited in decisions and statements of reasons. */
  legalGround: string;
  /** 4-hour deadline (Permenkominfo 5/2020) rather than 24 hours. */
  urgent: boolean;
}

export const CATEGORIES: Readonly<Record<CategoryId, Category>> = {
  gambling: {
    id: 'gambling',
    label: { id: 'Judi online', en: 'Online gambling' },
    legalGround: 'UU 11/2008 jo. UU 1/2024 tentang ITE, Pasal 27 ayat (2) (perjudian)',
    urgent: false,
  },
  pornography: {
    id: 'pornography',
    label: { id: 'Pornografi', en: 'Pornography' },
    legalGround: 'UU ITE Pasal 27 ayat (1) (kesusilaan); UU 44/2008 tentang Pornografi',
    urgent: false,
  },
  csam: {
    id: 'csam',
    label: { id: 'Materi kekerasan seksual anak', en: 'Child sexual abuse material' },
    legalGround: 'UU 44/2008 tentang Pornografi Pasal 4 ayat (1) huruf f; UU 35/2014 tentang Perlindungan Anak',
    urgent: true,
  },
  sara_hate: {
    id: 'sara_hate',
    label: { id: 'Ujaran kebencian SARA', en: 'Hate speech (ethnicity, religion, race, inter-group)' },
    legalGround: 'UU ITE Pasal 28 ayat (2) (kebencian berdasarkan SARA)',
    urgent: false,
  },
  terrorism: {
    id: 'terrorism',
    label: { id: 'Terorisme / radikalisme', en: 'Terrorism / violent extremism' },
    legalGround: 'UU 5/2018 tentang Pemberantasan Tindak Pidana Terorisme',
    urgent: true,
  },
  drugs: {
    id: 'drugs',
    label: { id: 'Narkoba', en: 'Illegal drugs' },
    legalGround: 'UU 35/2009 tentang Narkotika',
    urgent: false,
  },
  fraud: {
    id: 'fraud',
    label: { id: 'Penipuan, pinjol ilegal, investasi bodong', en: 'Fraud, illegal lending, investment scams' },
    legalGround: 'UU ITE Pasal 28 ayat (1) (berita bohong yang merugikan konsumen); UU 4/2023 tentang P2SK',
    urgent: false,
  },
  violence: {
    id: 'violence',
    label: { id: 'Kekerasan dan ancaman', en: 'Violence and threats' },
    legalGround: 'UU ITE Pasal 29 (ancaman kekerasan) dan Pasal 27B (pengancaman)',
    urgent: false,
  },
  hoax: {
    id: 'hoax',
    label: { id: 'Hoaks', en: 'Hoax / disinformation' },
    legalGround: 'UU ITE Pasal 28 ayat (3) (pemberitahuan bohong yang menimbulkan kerusuhan)',
    urgent: false,
  },
  illegal_goods: {
    id: 'illegal_goods',
    label: { id: 'Obat, makanan, kosmetik ilegal', en: 'Illegal medicines, food, cosmetics' },
    legalGround: 'UU 17/2023 tentang Kesehatan; UU 18/2012 tentang Pangan; UU 8/1999 tentang Perlindungan Konsumen',
    urgent: false,
  },
};

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

export function category(id: CategoryId): Category {
  return CATEGORIES[id];
}
