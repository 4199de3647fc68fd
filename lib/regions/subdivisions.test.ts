import { describe, expect, it } from "vitest";
import { tagCountries } from "./index";

/** Sorted country codes the tagger finds in a text of the given language. */
function codes(language: string, body: string, title = ""): string[] {
  return tagCountries({ title, body, language })
    .map((t) => t.code)
    .sort();
}

// Written before the generated divisions were tuned: first-level divisions of a dozen countries across
// continents and languages, each text naming no country, city or capital of its own.
describe("first-level divisions of every country (ISO 3166-2)", () => {
  it("places a story by a division name alone", () => {
    expect(codes("en", "Floods cut roads across Queensland after a week of rain.")).toEqual(["AU"]);
    expect(codes("en", "Officials in Sichuan ordered schools closed after the earthquake.")).toEqual(["CN"]);
    expect(codes("en", "Shelling hit villages in Kharkiv Oblast overnight, officials said.")).toEqual(["UA"]);
    expect(codes("en", "Voters in Ontario go to the polls on Thursday.")).toEqual(["CA"]);
    expect(codes("en", "Farmers in Rajasthan say the monsoon came late.")).toEqual(["IN"]);
    expect(codes("en", "Gunmen attacked a village in Zamfara, police said.")).toEqual(["NG"]);
    expect(codes("en", "Snow closed the passes of Hokkaido for a second day.")).toEqual(["JP"]);
    expect(codes("en", "Drought has cut the harvest in Jalisco and Michoacán.")).toEqual(["MX"]);
    expect(codes("en", "The fire spread across Krasnodar Krai on Sunday.")).toEqual(["RU"]);
  });

  it("reads division names in German, French, Spanish, Portuguese and Italian", () => {
    expect(codes("de", "In Niedersachsen und Schleswig-Holstein wird am Sonntag gewählt.")).toEqual(["DE"]);
    expect(codes("fr", "Les agriculteurs de Bavière manifestent contre la réforme.")).toEqual(["DE"]);
    expect(codes("es", "Las lluvias afectan a Baviera y a la región de Extremadura.")).toEqual(["DE", "ES"]);
    expect(codes("pt", "A chuva atingiu o Maranhão e a Nova Jersey nesta semana.")).toEqual(["BR", "US"]);
    expect(codes("it", "Il maltempo ha colpito la Baviera e il Queensland.")).toEqual(["AU", "DE"]);
    expect(codes("de", "Die Regierung von Oblast Charkiw meldete neue Angriffe.")).toEqual(["UA"]);
  });

  it("needs context for division names that are common words or people's names", () => {
    // "Zug" (a Swiss canton) is the German word for train; "Marche" (an Italian region) a French word.
    expect(codes("de", "Der Zug fuhr mit zwei Stunden Verspätung ab.")).toEqual([]);
    expect(codes("fr", "Marche blanche samedi pour la victime, a annoncé la mairie.")).toEqual([]);
    expect(codes("de", "Die Firma zieht nach Zug um.")).toEqual(["CH"]);
    // "Guerrero" is a Mexican state and a common surname.
    expect(codes("en", "Paolo Guerrero scored twice on Sunday.")).toEqual([]);
    expect(codes("en", "Gunmen killed five people in Guerrero on Sunday.")).toEqual(["MX"]);
    expect(codes("en", "ACAPULCO, Guerrero (AP) — Gunmen killed five people on Sunday.")).toEqual(["MX"]);
  });

  it("leaves out names shared by several countries or with a city elsewhere", () => {
    // Punjab (India and Pakistan), Distrito Federal (Brazil, Mexico, Venezuela).
    expect(codes("en", "Heavy rain fell across Punjab on Sunday.")).toEqual([]);
    expect(codes("es", "Los vecinos del Distrito Federal protestaron el domingo.")).toEqual([]);
    // The generic "Central Province" and "Western Region" name no country.
    expect(codes("en", "The Central Province and the Western Region reported no cases.")).toEqual([]);
    // "Santa Fe" is an Argentine province and the capital of New Mexico.
    expect(codes("en", "Santa Fe opened a new museum on Sunday.")).toEqual([]);
  });

  it("keeps the hand-written readings", () => {
    expect(codes("en", "Georgia lawmakers met in Atlanta.")).toEqual(["US"]);
    expect(codes("en", "Victoria Beckham opened a shop.")).toEqual([]);
    expect(codes("en", "Officials in La Paz denied the report.")).toEqual(["BO"]);
    expect(codes("en", "Flooding in Mexico City closed the airport.")).toEqual(["MX"]);
    expect(codes("en", "Luxembourg's finance minister spoke.")).toEqual(["LU"]);
    // Amazonas is also a state of Venezuela, Colombia and Peru; the hand-written list reads it as Brazil's.
    expect(codes("en", "Fires in Amazonas rose in August, the agency said.")).toEqual(["BR"]);
  });

  it("reads a division after a comma as the place's region", () => {
    expect(codes("en", "ROSARIO, Santa Fe (Reuters) - Grain exports rose.")).toEqual(["AR"]);
    expect(codes("en", "She grew up in Manaus, Amazonas, and studied law.")).toEqual(["BR"]);
  });
});
