import { lookupPhrase } from "@/lib/regions/gazetteer";
const [lang, ...ps] = process.argv.slice(2);
for (const p of ps) console.log(p, JSON.stringify(lookupPhrase(p, lang)));
