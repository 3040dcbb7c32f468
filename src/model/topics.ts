/** The fixed topic vocabulary, with labels for the site and the kits. */
export const TOPICS = {
  privacy: { uk: 'Приватність', en: 'Privacy' },
  passwords: { uk: 'Паролі', en: 'Passwords' },
  'trusted-adults': { uk: 'Дорослі, яким довіряю', en: 'Trusted adults' },
  'body-safety': { uk: 'Моє тіло — моє', en: 'Body safety' },
  secrets: { uk: 'Добрі й погані секрети', en: 'Good and bad secrets' },
  boundaries: { uk: 'Особисті межі', en: 'Boundaries' },
  consent: { uk: 'Згода', en: 'Consent' },
  manipulation: { uk: 'Маніпуляції', en: 'Manipulation' },
  cybergrooming: { uk: 'Кібергрумінг', en: 'Cybergrooming' },
  sexting: { uk: 'Секстинг', en: 'Sexting' },
  sextortion: { uk: 'Сексторшен', en: 'Sextortion' },
  'digital-footprint': { uk: 'Цифровий слід', en: 'Digital footprint' },
  evidence: { uk: 'Збереження доказів', en: 'Keeping evidence' },
  reporting: { uk: 'Куди звернутися', en: 'Reporting' },
  'peer-support': { uk: 'Підтримка друга', en: 'Supporting a friend' },
  law: { uk: 'Що каже закон', en: 'The law' },
} as const;

/** A topic id such as `sextortion`. */
export type TopicId = keyof typeof TOPICS;

/** Every topic id, in vocabulary order. */
export const TOPIC_IDS = Object.keys(TOPICS) as [TopicId, ...TopicId[]];
