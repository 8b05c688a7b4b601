/**
 * The content categories Saring acts on. The ids are stable: they appear in policies,
 * lexicons, decisions, webhooks and reports. Labels are for people (Bahasa Indonesia first).
 *
 * `urgent` marks the categories whose takedown deadline is 4 hours instead of 24 under
 * Permenkominfo 5/2020 (terrorism, child sexual abuse material); an order may still mark
 * other content urgent when it disturbs public order. `severe` marks the categories only a
 * senior moderator (`decide:severe`) may decide on, reverse or relabel.
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
  /** Why such content is prohibited, in plain words for the person whose content it is (statements of reasons). */
  explanation: { id: string; en: string };
  /** 4-hour deadline (Permenkominfo 5/2020) rather than 24 hours. */
  urgent: boolean;
  /** Deciding on such content, or on content already decided or found in it, needs `decide:severe`. */
  severe: boolean;
}

export const CATEGORIES: Readonly<Record<CategoryId, Category>> = {
  gambling: {
    id: 'gambling',
    label: { id: 'Judi online', en: 'Online gambling' },
    legalGround: 'UU 11/2008 jo. UU 1/2024 tentang ITE, Pasal 27 ayat (2) (perjudian)',
    explanation: {
      id: 'Mempromosikan, menawarkan, atau mengajak orang ke judi online (situs judi, slot, deposit, taruhan) dilarang di Indonesia.',
      en: 'Promoting, offering or inviting people to online gambling (gambling sites, slots, deposits, betting) is prohibited in Indonesia.',
    },
    urgent: false,
    severe: false,
  },
  pornography: {
    id: 'pornography',
    label: { id: 'Pornografi', en: 'Pornography' },
    legalGround: 'UU ITE Pasal 27 ayat (1) (kesusilaan); UU 44/2008 tentang Pornografi',
    explanation: {
      id: 'Konten yang menampilkan, menawarkan, atau menyebarkan pornografi dilarang di Indonesia.',
      en: 'Content that shows, offers or spreads pornography is prohibited in Indonesia.',
    },
    urgent: false,
    severe: false,
  },
  csam: {
    id: 'csam',
    label: { id: 'Materi kekerasan seksual anak', en: 'Child sexual abuse material' },
    legalGround: 'UU 44/2008 tentang Pornografi Pasal 4 ayat (1) huruf f; UU 35/2014 tentang Perlindungan Anak',
    explanation: {
      id: 'Segala konten seksual yang melibatkan anak dilarang keras.',
      en: 'Any sexual content involving children is strictly prohibited.',
    },
    urgent: true,
    severe: true,
  },
  sara_hate: {
    id: 'sara_hate',
    label: { id: 'Ujaran kebencian SARA', en: 'Hate speech (ethnicity, religion, race, inter-group)' },
    legalGround: 'UU ITE Pasal 28 ayat (2) (kebencian berdasarkan SARA)',
    explanation: {
      id: 'Konten yang menyebarkan kebencian atau permusuhan terhadap orang karena suku, agama, ras, atau golongannya dilarang.',
      en: 'Content that spreads hatred or hostility against people because of their ethnicity, religion, race or group is prohibited.',
    },
    urgent: false,
    severe: false,
  },
  terrorism: {
    id: 'terrorism',
    label: { id: 'Terorisme / radikalisme', en: 'Terrorism / violent extremism' },
    legalGround: 'UU 5/2018 tentang Pemberantasan Tindak Pidana Terorisme',
    explanation: {
      id: 'Konten yang mendukung, mempromosikan, atau mengajak bergabung dengan terorisme atau ekstremisme kekerasan, atau mengajarkan cara menyerang, dilarang.',
      en: 'Content that supports, promotes or recruits for terrorism or violent extremism, or teaches how to attack, is prohibited.',
    },
    urgent: true,
    severe: true,
  },
  drugs: {
    id: 'drugs',
    label: { id: 'Narkoba', en: 'Illegal drugs' },
    legalGround: 'UU 35/2009 tentang Narkotika',
    explanation: {
      id: 'Menawarkan, menjual, atau mempromosikan narkoba dilarang.',
      en: 'Offering, selling or promoting illegal drugs is prohibited.',
    },
    urgent: false,
    severe: false,
  },
  fraud: {
    id: 'fraud',
    label: { id: 'Penipuan, pinjol ilegal, investasi bodong', en: 'Fraud, illegal lending, investment scams' },
    legalGround: 'UU ITE Pasal 28 ayat (1) (berita bohong yang merugikan konsumen); UU 4/2023 tentang P2SK',
    explanation: {
      id: 'Penipuan, pinjaman online ilegal, dan investasi bodong yang menyesatkan dan merugikan orang dilarang.',
      en: 'Scams, illegal online loans and fake investment schemes that mislead people and cause them losses are prohibited.',
    },
    urgent: false,
    severe: false,
  },
  violence: {
    id: 'violence',
    label: { id: 'Kekerasan dan ancaman', en: 'Violence and threats' },
    legalGround: 'UU ITE Pasal 29 (ancaman kekerasan) dan Pasal 27B (pengancaman)',
    explanation: {
      id: 'Mengancam orang lain dengan kekerasan atau untuk menakut-nakuti dilarang.',
      en: 'Threatening others with violence or to frighten them is prohibited.',
    },
    urgent: false,
    severe: false,
  },
  hoax: {
    id: 'hoax',
    label: { id: 'Hoaks', en: 'Hoax / disinformation' },
    legalGround: 'UU ITE Pasal 28 ayat (3) (pemberitahuan bohong yang menimbulkan kerusuhan)',
    explanation: {
      id: 'Menyebarkan berita bohong yang dapat menimbulkan kerusuhan di masyarakat dilarang.',
      en: 'Spreading false news that can cause unrest among the public is prohibited.',
    },
    urgent: false,
    severe: false,
  },
  illegal_goods: {
    id: 'illegal_goods',
    label: { id: 'Obat, makanan, kosmetik ilegal', en: 'Illegal medicines, food, cosmetics' },
    legalGround: 'UU 17/2023 tentang Kesehatan; UU 18/2012 tentang Pangan; UU 8/1999 tentang Perlindungan Konsumen',
    explanation: {
      id: 'Menjual atau mempromosikan obat, makanan, atau kosmetik tanpa izin edar atau yang berbahaya dilarang.',
      en: 'Selling or promoting medicines, food or cosmetics that are unregistered or dangerous is prohibited.',
    },
    urgent: false,
    severe: false,
  },
};

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

export function category(id: CategoryId): Category {
  return CATEGORIES[id];
}
