/**
 * Informal ("alay") Indonesian spellings → one canonical token. Applied per token, after
 * repeated letters collapse, to both the text and every lexicon term, so a lexicon author
 * can write either spelling. Only unambiguous abbreviations are here: "dp" (also a down
 * payment), "depo" (also a depot) and "wd" stay as they are, and lexicons list them.
 * Values must be single tokens of lower-case letters or digits.
 */
export const ALAY: Readonly<Record<string, string>> = {
  // bosku and its variants
  bosq: 'bosku', boskuh: 'bosku', bozku: 'bosku', bozq: 'bosku', boskyu: 'bosku', boskq: 'bosku',
  bossq: 'bosku', boskur: 'bosku', bosquh: 'bosku', bosque: 'bosku',
  // negation
  gk: 'tidak', ga: 'tidak', gak: 'tidak', nggak: 'tidak', ngga: 'tidak', enggak: 'tidak',
  engga: 'tidak', kagak: 'tidak', gx: 'tidak', tdk: 'tidak', tak: 'tidak',
  // function words
  yg: 'yang', dgn: 'dengan', dg: 'dengan', utk: 'untuk', untk: 'untuk', krn: 'karena',
  karna: 'karena', krna: 'karena', sdh: 'sudah', udh: 'sudah', udah: 'sudah', dah: 'sudah',
  blm: 'belum', blom: 'belum', belom: 'belum', bgt: 'banget', bngt: 'banget', bangat: 'banget',
  dpt: 'dapat', dapet: 'dapat', aja: 'saja', aj: 'saja', doang: 'saja', sy: 'saya', km: 'kamu',
  kmu: 'kamu', lg: 'lagi', lgi: 'lagi', jd: 'jadi', jdi: 'jadi', tp: 'tapi', tpi: 'tapi',
  klo: 'kalau', kalo: 'kalau', kl: 'kalau', bs: 'bisa', bsa: 'bisa', org: 'orang', sm: 'sama',
  ama: 'sama', dr: 'dari', dri: 'dari', pd: 'pada', bnyk: 'banyak', byk: 'banyak', cpt: 'cepat',
  cepet: 'cepat', bnr: 'benar', bener: 'benar', emg: 'memang', emang: 'memang', gmn: 'bagaimana',
  gimana: 'bagaimana', knp: 'kenapa', napa: 'kenapa', sprt: 'seperti', kyk: 'kayak', kek: 'kayak',
  skrg: 'sekarang', skrang: 'sekarang', sekarng: 'sekarang', hrs: 'harus', msh: 'masih',
  masi: 'masih', trs: 'terus', trus: 'terus', tiap: 'setiap', bkn: 'bukan', ato: 'atau',
  atw: 'atau', jgn: 'jangan', jngn: 'jangan', dlu: 'dulu', dl: 'dulu', ni: 'ini', tu: 'itu',
  mo: 'mau', mw: 'mau', pengen: 'ingin', pgn: 'ingin', pingin: 'ingin', kasi: 'kasih',
  ksh: 'kasih', makasih: 'terimakasih', mksh: 'terimakasih', thx: 'terimakasih',
  // money and play
  duwit: 'duit', wdraw: 'withdraw', widraw: 'withdraw', withdrawl: 'withdraw',
  withdrow: 'withdraw', wede: 'wd', wedeh: 'wd', gacir: 'gacor', gacorr: 'gacor',
  maxwins: 'maxwin', mekswin: 'maxwin', makswin: 'maxwin', jekpot: 'jackpot', jakpot: 'jackpot', jackpod: 'jackpot', rungkat: 'rungkad', sketer: 'scatter',
  scater: 'scatter', skatter: 'scatter', daptar: 'daftar', dftr: 'daftar',
  dafatar: 'daftar', lnk: 'link', sitis: 'situs',
  aq: 'aku', akuh: 'aku', gw: 'gue', gua: 'gue',
};

/** Words ending in "q" that are not the informal "-ku" ("bosq" → "bosku"). */
export const ALAY_Q_EXCEPTIONS: readonly string[] = [
  'iraq', 'haq', 'tariq', 'rafiq', 'taufiq', 'shafiq', 'faruq', 'siddiq', 'ishaq', 'burraq',
  'buraq', 'faiq', 'sadiq', 'rizq', 'barq', 'faq',
];

/**
 * Words where "x" after a consonant is not the informal "-nya" ("rumahx"). Words with a vowel
 * before the x (relax, hoax, vimax) are never rewritten.
 */
export const ALAY_X_EXCEPTIONS: readonly string[] = [
  'lynx', 'sphinx', 'minx', 'jinx', 'larynx', 'pharynx', 'hijinx', 'sfx', 'gfx', 'vfx', 'bmx', 'mbx',
];
