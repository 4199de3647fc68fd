// Deterministic news-like articles for the tagger benchmark: wire datelines, capitalized names and
// institutions, numbers, quotes and a realistic density of place names (about 2-4% of words).

const PLACES = [
  "Gaza",
  "Israel",
  "Iran",
  "Tehran",
  "Moscow",
  "Russia",
  "Ukraine",
  "Kyiv",
  "Kharkiv",
  "Beijing",
  "China",
  "Taiwan",
  "Washington",
  "the United States",
  "the U.S.",
  "the White House",
  "the Kremlin",
  "Brussels",
  "Paris",
  "France",
  "Germany",
  "Berlin",
  "London",
  "Britain",
  "Downing Street",
  "India",
  "New Delhi",
  "Pakistan",
  "Islamabad",
  "Japan",
  "Tokyo",
  "South Korea",
  "Seoul",
  "North Korea",
  "Brazil",
  "Sao Paulo",
  "Argentina",
  "Mexico",
  "Mexico City",
  "Canada",
  "Ottawa",
  "Nigeria",
  "Lagos",
  "Kenya",
  "Nairobi",
  "Ethiopia",
  "Sudan",
  "Darfur",
  "Egypt",
  "Cairo",
  "Saudi Arabia",
  "Riyadh",
  "Qatar",
  "Doha",
  "Turkey",
  "Ankara",
  "Syria",
  "Lebanon",
  "Beirut",
  "Jordan",
  "Iraq",
  "Baghdad",
  "Yemen",
  "Georgia",
  "Poland",
  "Warsaw",
  "Italy",
  "Rome",
  "Spain",
  "Madrid",
  "Catalonia",
  "the West Bank",
  "Crimea",
  "Kashmir",
  "Quebec",
  "Australia",
  "Sydney",
  "Indonesia",
  "Jakarta",
  "the Philippines",
  "Manila",
  "Vietnam",
  "Chad",
  "Niger",
  "Congo",
];
const DEMONYMS = [
  "Israeli",
  "Palestinian",
  "Iranian",
  "Russian",
  "Ukrainian",
  "Chinese",
  "American",
  "French",
  "German",
  "British",
  "Indian",
  "Pakistani",
  "Japanese",
  "Brazilian",
  "Mexican",
  "Canadian",
  "Nigerian",
  "Kenyan",
  "Egyptian",
  "Saudi",
  "Turkish",
  "Syrian",
  "Polish",
  "Italian",
  "Spanish",
  "Australian",
  "Indonesian",
];
const PEOPLE = [
  "Maria Lopez",
  "John Carter",
  "Ahmed Hassan",
  "Li Wei",
  "Anna Petrova",
  "David Cohen",
  "Fatima Bello",
  "Raj Patel",
  "Sophie Martin",
  "Kenji Sato",
  "Olena Kovalenko",
  "James O'Brien",
  "Carlos Mendes",
  "Amina Yusuf",
  "Peter Novak",
];
const ROLES = [
  "the foreign minister",
  "a senior official",
  "the prime minister",
  "the central bank governor",
  "a spokesperson",
  "the defence secretary",
  "an analyst at Capital Economics",
  "the opposition leader",
  "a United Nations envoy",
  "the finance minister",
  "a government adviser",
  "the army chief",
];
const ORGS = [
  "the International Monetary Fund",
  "the World Bank",
  "NATO",
  "the European Union",
  "the United Nations",
  "Reuters",
  "the Red Cross",
  "the World Health Organization",
  "OPEC",
  "the Security Council",
  "Amnesty International",
];
const VERBS = [
  "said",
  "warned",
  "announced",
  "told reporters",
  "confirmed",
  "denied",
  "argued",
  "added",
  "insisted",
  "noted",
];
const TOPICS = [
  "the ceasefire talks",
  "new sanctions",
  "the trade agreement",
  "energy prices",
  "the humanitarian situation",
  "the election results",
  "interest rates",
  "the border dispute",
  "the aid package",
  "the investigation",
  "the peace plan",
  "military exercises",
  "the budget",
  "the drought",
  "refugee flows",
  "the nuclear programme",
];
const FILLER = [
  "on Tuesday",
  "late on Friday",
  "in a statement",
  "at a news conference",
  "after weeks of negotiations",
  "according to officials",
  "in an interview",
  "despite growing pressure",
  "for the first time in years",
  "amid rising tensions",
  "as talks stalled",
  "while markets remained cautious",
  "with no immediate response",
];
const AGENCIES = ["Reuters", "AP", "AFP"];
const DATELINES = [
  "MOSCOW",
  "GAZA CITY",
  "WASHINGTON",
  "KYIV",
  "BEIJING",
  "NEW DELHI",
  "NAIROBI",
  "BRUSSELS",
  "TEHRAN",
];
const MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

/** Small seeded PRNG (mulberry32) so every run benchmarks the same texts. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
}

function sentence(rand: () => number): string {
  const r = rand();
  const place = pick(rand, PLACES);
  const other = pick(rand, PLACES);
  if (r < 0.25) {
    return `${pick(rand, PEOPLE)}, ${pick(rand, ROLES)}, ${pick(rand, VERBS)} ${pick(rand, FILLER)} that ${pick(rand, TOPICS)} would continue in ${place} despite objections from ${other}.`;
  }
  if (r < 0.45) {
    return `"We are not going to accept ${pick(rand, TOPICS)} under these conditions," ${pick(rand, ROLES)} ${pick(rand, VERBS)}, adding that ${pick(rand, ORGS)} had been informed ${pick(rand, FILLER)}.`;
  }
  if (r < 0.65) {
    const n = Math.floor(rand() * 900) + 10;
    return `The ${pick(rand, DEMONYMS)} government ${pick(rand, VERBS)} ${pick(rand, FILLER)} that ${n} people had been affected, and that ${pick(rand, TOPICS)} remained the priority for the coming months.`;
  }
  if (r < 0.8) {
    return `Officials from ${pick(rand, ORGS)} met their counterparts ${pick(rand, FILLER)} to discuss ${pick(rand, TOPICS)}, which has strained relations between the two sides.`;
  }
  const pct = (rand() * 9 + 0.5).toFixed(1);
  return `Markets reacted calmly, with the main index rising ${pct}% as investors weighed ${pick(rand, TOPICS)} and the outlook for growth in ${place}.`;
}

/** A deterministic article of roughly `targetWords` words: title plus paragraphs separated by blank lines. */
export function syntheticArticle(rand: () => number, targetWords = 500): { title: string; body: string } {
  const title = `${pick(rand, PLACES).replace(/^the /, "")} and ${pick(rand, PLACES).replace(/^the /, "")} clash over ${pick(rand, TOPICS).replace(/^the /, "")}`;
  const paragraphs: string[] = [];
  let words = 0;
  let first = true;
  while (words < targetWords) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) sentences.push(sentence(rand));
    let text = sentences.join(" ");
    if (first && rand() < 0.6) {
      const month = pick(rand, MONTHS);
      const day = 1 + Math.floor(rand() * 28);
      text = `${pick(rand, DATELINES)}, ${month} ${day} (${pick(rand, AGENCIES)}) - ${text}`;
    }
    first = false;
    paragraphs.push(text);
    words += text.split(/\s+/).length;
  }
  return { title, body: paragraphs.join("\n\n") };
}
