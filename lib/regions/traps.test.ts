import { describe, expect, it } from "vitest";
import { tagCountries } from "./index";

/** Sorted country codes the tagger finds in a text of the given language. */
function codes(language: string, body: string, title = ""): string[] {
  return tagCountries({ title, body, language })
    .map((t) => t.code)
    .sort();
}

// The trap rules of docs/regions.md ("Context rules added for other languages"): each class with a trap
// that names no country and a text where the same word is the country.
describe("trap rules in other languages", () => {
  it("treaties, regulations and coalitions named after places keep that sense in the article", () => {
    expect(codes("de", "Die Dublin-Verordnung regelt, welcher Staat zuständig ist.")).toEqual([]);
    expect(codes("fr", "Le règlement de Dublin confie l'examen au premier pays.")).toEqual([]);
    expect(codes("es", "El reglamento de Dublín obliga a registrar a los solicitantes.")).toEqual([]);
    expect(codes("de", "Die Kenia-Variante bleibt denkbar.", "Kenia-Koalition in Sicht?")).toEqual([]);
    expect(codes("fr", "La coalition Vivaldi a cédé la place à la coalition Arizona.")).toEqual([]);
    expect(codes("nl", "Dertig jaar na Maastricht wordt het Verdrag van Maastricht herzien.")).toEqual([]);
    // A locative or other evidence keeps the place.
    expect(codes("nl", "Het Verdrag van Maastricht werd in Maastricht getekend.")).toEqual(["NL"]);
    expect(codes("de", "Die Regierung in Kenia reagierte auf die Dublin-Verordnung.")).toEqual(["KE"]);
    expect(codes("de", "Kenia und Uganda verhandeln über Handel.")).toEqual(["KE", "UG"]);
  });

  it("a street hyphenated with its head is the street", () => {
    expect(codes("de", "Der Brand in der Russland-Straße und am Polen-Platz.")).toEqual([]);
    expect(codes("nl", "Een aanrijding op het Frankrijk-plein.")).toEqual([]);
    expect(codes("de", "Die Russland-Politik der Regierung.")).toEqual(["RU"]);
  });

  it("a river word right before the name is the river", () => {
    expect(codes("fr", "Le fleuve Niger est sorti de son lit après les pluies.")).toEqual([]);
    expect(codes("it", "Il fiume Congo attraversa la foresta.")).toEqual([]);
    expect(codes("fr", "Le Niger a fermé sa frontière.")).toEqual(["NE"]);
  });

  it("French: a lower-case nationality word after a determiner is a thing, a style or a language", () => {
    expect(codes("fr", "Passez la sauce au chinois avant de servir.")).toEqual([]);
    expect(codes("fr", "Il portait une vieille canadienne doublée de laine.")).toEqual([]);
    expect(codes("fr", "Ils sont partis à l'anglaise, puis ont dîné à la française.")).toEqual([]);
    expect(codes("fr", "Le gouvernement chinois et la délégation canadienne ont signé.")).toEqual([
      "CA",
      "CN",
    ]);
    expect(codes("fr", "Les Suisses votent dimanche.")).toEqual(["CH"]);
  });

  it("Spanish and Italian styles: a la francesa, all'italiana", () => {
    expect(codes("es", "Merluza a la vasca y tortilla a la francesa.")).toEqual([]);
    expect(codes("it", "Un giardino all'inglese e una cena alla russa.")).toEqual([]);
    expect(codes("es", "El Gobierno francés respondió.")).toEqual(["FR"]);
  });

  it("in an article about languages, the bare adjective after an article or in a list is the language", () => {
    expect(codes("it", "Il tedesco supera il francese tra le lingue studiate a scuola.")).toEqual([]);
    expect(codes("es", "El alemán y el japonés son los idiomas que más crecen.")).toEqual([]);
    expect(codes("pt", "O livro saiu em japonês e foi traduzido para inglês e para árabe.")).toEqual([]);
    expect(codes("it", "La lingua inglese domina la ricerca.")).toEqual([]);
    // Without a language word, the same shape is a person of that nationality.
    expect(codes("it", "Il tedesco ha vinto la tappa davanti al francese.")).toEqual(["DE", "FR"]);
  });

  it("Spanish, Italian, Portuguese: a capitalized nationality word mid-sentence is a surname", () => {
    expect(
      codes("it", "I carabinieri hanno fermato Greco e Russo a Catania. Poi Antonio Russo ha parlato."),
    ).toEqual(["IT"]);
    expect(codes("it", "Il governo russo e la Federazione Russa hanno risposto.")).toEqual(["RU"]);
    expect(codes("pt", "O Flamengo lidera o Brasileiro.")).toEqual(["BR"]);
    // After a common given name of the language, even at the start of a sentence.
    expect(codes("it", "Giovanni Tedesco ha segnato due gol.")).toEqual([]);
    expect(codes("es", "José Francés y el Gobierno francés.")).toEqual(["FR"]);
  });

  it("German: the capitalized base form of a nationality adjective is the language", () => {
    expect(codes("de", "Sie lernt Chinesisch, im Kurs Spanisch für Anfänger.")).toEqual([]);
    expect(codes("de", "Die spanische Regierung und deutsch-französische Gespräche.")).toEqual([
      "DE",
      "ES",
      "FR",
    ]);
    expect(codes("de", "Deutsch-polnische Gespräche.")).toEqual(["DE", "PL"]);
  });

  it("given names and places with a language-specific sense", () => {
    expect(codes("es", "La vicepresidenta Francia Márquez habló en Cali.")).toEqual(["CO"]);
    expect(codes("es", "Francia Insumisa y Francia votaron.")).toEqual(["FR"]);
    expect(codes("es", "La Alhambra de Granada recibió más visitantes.")).toEqual(["ES"]);
    // Given names the language lists: a following surname makes a person, elsewhere the place.
    expect(codes("it", "La sindaca Virginia Raggi e la conduttrice Argentina Brunetti.")).toEqual([]);
    expect(codes("it", "Si vota in Virginia e in Argentina.")).toEqual(["AR", "US"]);
    expect(codes("es", "Virginia Occidental y Virginia votan.")).toEqual(["US"]);
    expect(codes("de", "Victoria Beckham kam zur Schau.")).toEqual([]);
    expect(codes("de", "Buschfeuer im Bundesstaat Victoria.")).toEqual(["AU"]);
    expect(codes("pt", "O jogador Marcelo Portugal e a atriz Ana Brasil.")).toEqual([]);
    expect(codes("pt", "Portugal e Brasil assinaram um acordo.")).toEqual(["BR", "PT"]);
    expect(codes("it", "La sindaca ha parlato in Campidoglio, sede del Comune di Roma.")).toEqual(["IT"]);
    expect(codes("it", "L'assalto al Campidoglio di Washington.")).toEqual(["US"]);
    expect(codes("it", "Le piene del Reno hanno allagato Casalecchio.")).toEqual([]);
    expect(codes("de", "Smetanas „Die Moldau“ erklang in Prag.")).toEqual(["CZ"]);
    expect(codes("de", "Die Republik Moldau und Rumänien verhandeln.")).toEqual(["MD", "RO"]);
    expect(codes("de", "Die Kandidaten von Love Island ziehen in eine Villa.")).toEqual([]);
  });

  it("homographs with cue words in the article: pastries, boats, party seats", () => {
    expect(codes("de", "In der Bäckerei kostet ein Amerikaner jetzt zwei Euro.")).toEqual([]);
    expect(codes("de", "Ein Amerikaner wurde in Berlin festgenommen.")).toEqual(["DE", "US"]);
    expect(codes("de", "Im Kanadier und im Kajak ging es über 500 Meter.")).toEqual([]);
    expect(codes("es", "Génova prepara cambios tras el congreso del PP.")).toEqual([]);
    expect(codes("es", "El puerto de Génova cerró por la tormenta.")).toEqual(["IT"]);
  });

  it("idioms are blocked phrases", () => {
    expect(codes("de", "Das kam ihr spanisch vor; jetzt sitzt er hinter schwedischen Gardinen.")).toEqual([]);
    expect(codes("fr", "Ce n'est pas le Pérou, mais c'est un début.")).toEqual([]);
    expect(codes("es", "Ese gol vale un Perú, y el árbitro se hizo el sueco.")).toEqual([]);
    expect(codes("it", "Sul tram ha fatto il portoghese.")).toEqual([]);
    expect(codes("es", "Esa ley es una china en el zapato del Gobierno.")).toEqual([]);
    expect(codes("it", "Fichi d'India e un americano con il cappuccino.")).toEqual([]);
    expect(codes("nl", "Hij las Turks fruit en at Engelse drop.")).toEqual([]);
  });

  it("Géorgie in French follows the article like English Georgia; City (Region) like City, Region", () => {
    expect(codes("fr", "L'ouragan a frappé la Floride puis la Géorgie et l'Alabama.")).toEqual(["US"]);
    expect(codes("fr", "La Géorgie et l'Arménie ont signé un accord à Tbilissi.")).toEqual(["AM", "GE"]);
    expect(codes("fr", "LONDON (Ontario) — Le campus est fermé.", "À London, l'université ferme")).toEqual([
      "CA",
    ]);
  });

  it("a GeoNames city in the dateline counts as a US place for namesakes", () => {
    expect(
      codes("de", "BOISE (dpa) - In der Kleinstadt Moscow im US-Bundesstaat Idaho gab es ein Urteil."),
    ).toEqual(["US"]);
  });
});
