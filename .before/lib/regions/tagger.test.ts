import { describe, expect, it } from "vitest";
import { tagCountries } from "./index";

/** Sorted country codes the tagger finds. */
function codes(body: string, title = ""): string[] {
  return tagCountries({ title, body })
    .map((t) => t.code)
    .sort();
}

describe("country detection", () => {
  it("finds names, short names, demonyms, capitals and cities", () => {
    expect(codes("Iranian and Israeli officials spoke as Palestinians gathered.")).toEqual([
      "IL",
      "IR",
      "PS",
    ]);
    expect(codes("Talks in Tehran, Jerusalem and Ramallah.")).toEqual(["IL", "IR", "PS"]);
    expect(codes("The Democratic Republic of the Congo and Bosnia and Herzegovina signed a deal.")).toEqual([
      "BA",
      "CD",
    ]);
    expect(codes("Exports from the UK, the U.S. and the UAE rose.")).toEqual(["AE", "GB", "US"]);
    expect(codes("Kosovo and Serbia met in Pristina.")).toEqual(["RS", "XK"]);
  });

  it("folds accents and apostrophes", () => {
    expect(codes("Türkiye, Côte d’Ivoire and São Paulo were mentioned; the Élysée replied.")).toEqual([
      "BR",
      "CI",
      "FR",
      "TR",
    ]);
    expect(codes("Israel's cabinet met. Iran’s envoy left.")).toEqual(["IL", "IR"]);
  });

  it("maps government metonyms", () => {
    expect(codes("The White House and the Pentagon disagreed.")).toEqual(["US"]);
    expect(codes("The Kremlin said; Downing Street, Whitehall and the Elysee replied.")).toEqual([
      "FR",
      "GB",
      "RU",
    ]);
    expect(codes("Zhongnanhai stayed silent while Capitol Hill and the Quai d'Orsay reacted.")).toEqual([
      "CN",
      "FR",
      "US",
    ]);
  });

  it("maps regions and territories", () => {
    expect(codes("Strikes on Gaza and raids in the West Bank.")).toEqual(["PS"]);
    expect(codes("Crimea, Kashmir, Darfur, Catalonia and Quebec.")).toEqual(["CA", "ES", "IN", "SD", "UA"]);
    expect(codes("Rallies in Tel Aviv.")).toEqual(["IL"]);
  });

  it("is case-sensitive for common words and acronyms", () => {
    expect(
      codes("We had roast turkey, a nice chat about reading, and a chad hanging from the ballot."),
    ).toEqual([]);
    expect(codes("Let us know. He told us so.")).toEqual([]);
    expect(codes("US forces left.")).toEqual(["US"]);
  });
});

describe("ambiguous names", () => {
  it("Georgia: US state with Atlanta context, country with Tbilisi context", () => {
    expect(codes("Voters in Georgia lined up for hours in Atlanta.")).toEqual(["US"]);
    expect(codes("Georgia's parliament met in Tbilisi.")).toEqual(["GE"]);
    expect(codes("Georgia Gov. Brian Kemp signed the bill.")).toEqual(["US"]);
    expect(codes("The former Soviet republic of Georgia held elections.")).toEqual(["GE"]);
    expect(codes("The U.S. state of Georgia held elections.")).toEqual(["US"]);
    expect(codes("He was born in Athens, Georgia.")).toEqual(["US"]);
    expect(codes("Georgia held elections on Saturday.")).toEqual(["GE"]);
    expect(codes("Georgians voted as Russia watched.")).toEqual(["GE", "RU"]);
    expect(codes("The Georgian townhouse sold quickly.")).toEqual([]);
  });

  it("Jordan: person vs kingdom", () => {
    expect(codes("Michael Jordan bought a team.")).toEqual([]);
    expect(codes("Jordan Peterson spoke to students.")).toEqual([]);
    expect(codes("Fans cheered as Jordan Poole scored.")).toEqual([]);
    expect(codes("Fans cheered as Jordan Kessler scored. Later Jordan thanked them.")).toEqual([]);
    expect(codes("Jordan closed its airspace.")).toEqual(["JO"]);
    expect(codes("Refugees fled to Jordan and Lebanon.")).toEqual(["JO", "LB"]);
    expect(codes("Jordan's King Abdullah met the president.")).toEqual(["JO"]);
    expect(codes("Jordan Kessler visited Amman, where Jordan hosts many refugees.")).toEqual(["JO"]);
  });

  it("Turkey: the bird vs the country", () => {
    expect(codes("Turkey prices rose ahead of Thanksgiving.")).toEqual([]);
    expect(codes("Turkey farmers in Minnesota had a good year.")).toEqual(["US"]);
    expect(codes("Turkey is the centrepiece. Turkey takes hours.", "Thanksgiving Dinner Tips")).toEqual([]);
    expect(codes("Turkey raised interest rates, the central bank in Ankara said.")).toEqual(["TR"]);
    expect(codes("Turkey and Greece held talks.")).toEqual(["GR", "TR"]);
  });

  it("Chad and Niger: first names vs countries", () => {
    expect(codes("Chad Smith played drums.")).toEqual([]);
    expect(codes("Chad Miller said he would run. Chad also thanked voters.")).toEqual([]);
    expect(codes("Chad held elections. Voters in southern Chad queued.")).toEqual(["TD"]);
    expect(codes("Chad President Mahamat Deby voted.")).toEqual(["TD"]);
    expect(codes("Niger's junta expelled the ambassador.")).toEqual(["NE"]);
    expect(codes("Militants attacked a pipeline in the Niger Delta.")).toEqual(["NG"]);
    expect(codes("Refugees crossed from Niger Chad and Mali.")).toEqual(["ML", "NE", "TD"]);
  });

  it("Amazon: the company vs the rainforest", () => {
    expect(codes("Amazon shares rose after earnings.")).toEqual([]);
    expect(codes("The Amazon warehouse workers struck.")).toEqual([]);
    expect(codes("Fires in the Amazon spread quickly.")).toEqual(["BR"]);
    expect(codes("Amazon rainforest deforestation fell.")).toEqual(["BR"]);
    expect(codes("The Peruvian Amazon is flooding.")).toEqual(["PE"]);
  });

  it("Paris Hilton, Paris Agreement vs Paris", () => {
    expect(codes("Paris Hilton launched a podcast.")).toEqual([]);
    expect(codes("The country left the Paris Agreement.")).toEqual([]);
    expect(codes("The Paris climate accord was signed in 2015.")).toEqual([]);
    expect(codes("Riots broke out in Paris.")).toEqual(["FR"]);
    expect(codes("A storm hit Paris, Texas.")).toEqual(["US"]);
  });

  it("Nice and Reading: words vs towns", () => {
    expect(codes("Nice weather today.")).toEqual([]);
    expect(codes("Nice Weather Ahead For The Weekend", "")).toEqual([]);
    expect(codes("An attack in Nice killed 86 people.")).toEqual(["FR"]);
    expect(codes("The mayor of Nice resigned.")).toEqual(["FR"]);
    expect(codes("Reading the report, analysts were worried.")).toEqual([]);
    expect(codes("Floods hit Reading and Oxford.")).toEqual(["GB"]);
    expect(codes("Reading FC were relegated.")).toEqual(["GB"]);
    expect(codes("He grew up in Reading, Pennsylvania.")).toEqual(["US"]);
  });

  it("Lebanon: the country vs US towns", () => {
    expect(codes("Strikes hit southern Lebanon.")).toEqual(["LB"]);
    expect(codes("A tornado hit Lebanon, Ohio.")).toEqual(["US"]);
    expect(codes("Lebanon, Tennessee, declared an emergency. Lebanon officials met.")).toEqual(["US"]);
    expect(codes("Farmers in Lebanon, Pa., lost crops.")).toEqual(["US"]);
    expect(codes("Lebanon County commissioners met.")).toEqual(["US"]);
  });

  it("Washington: the state and the government are both US", () => {
    expect(codes("Washington imposed sanctions.")).toEqual(["US"]);
    expect(codes("Washington state passed a law.")).toEqual(["US"]);
    expect(codes("Denzel Washington won an award.")).toEqual([]);
    expect(codes("A volcano near Vancouver, Washington, rumbled.")).toEqual(["US"]);
    expect(codes("In Moscow, Washington is seen as the enemy.")).toEqual(["RU", "US"]);
  });

  it("New Mexico, New Jersey, New South Wales, New England", () => {
    expect(codes("Fires in New Mexico.")).toEqual(["US"]);
    expect(codes("Commuters in New Jersey.")).toEqual(["US"]);
    expect(codes("Floods in New South Wales.")).toEqual(["AU"]);
    expect(codes("Snow in New England.")).toEqual(["US"]);
    expect(codes("Fog in England and Wales.")).toEqual(["GB"]);
  });

  it("the Guineas", () => {
    expect(codes("Guinea held a referendum.")).toEqual(["GN"]);
    expect(codes("Papua New Guinea held a vote.")).toEqual(["PG"]);
    expect(codes("Equatorial Guinea held a vote.")).toEqual(["GQ"]);
    expect(codes("Guinea-Bissau held a vote. Guinea Bissau again.")).toEqual(["GW"]);
    expect(codes("Pirates in the Gulf of Guinea.")).toEqual([]);
    expect(codes("Guinea pigs were tested.")).toEqual([]);
  });

  it("the Congos", () => {
    expect(codes("Fighting in Kinshasa and Goma.")).toEqual(["CD"]);
    expect(codes("The DRC and DR Congo are one country.")).toEqual(["CD"]);
    expect(codes("Congo-Brazzaville raised output.")).toEqual(["CG"]);
    expect(codes("Congo voted; results from Brazzaville were due.")).toEqual(["CG"]);
    expect(codes("Congo declared an epidemic.")).toEqual(["CD"]);
    expect(codes("The Republic of the Congo and the Democratic Republic of Congo.")).toEqual(["CD", "CG"]);
  });

  it("other traps", () => {
    expect(codes("Indiana Jones returns.")).toEqual([]);
    expect(codes("Islands in the Indian Ocean.")).toEqual([]);
    expect(codes("American Indian tribes sued.")).toEqual(["US"]);
    expect(codes("Indian troops patrolled.")).toEqual(["IN"]);
    expect(codes("A shooting in Jamaica Plain.")).toEqual(["US"]);
    expect(codes("Jamaica won gold.")).toEqual(["JM"]);
    expect(codes("Cuba Gooding Jr. settled.")).toEqual([]);
    expect(codes("Israel Adesanya won the fight.")).toEqual([]);
    expect(codes("Israel Defense Forces said.")).toEqual(["IL"]);
    expect(codes("A Jersey cow and a jersey shirt.")).toEqual([]);
    expect(codes("Jersey and Guernsey set tax rules.")).toEqual(["GG", "JE"]);
    expect(codes("The report was published in French.")).toEqual([]);
    expect(codes("French troops left.")).toEqual(["FR"]);
    expect(codes("Ships in the South China Sea.")).toEqual([]);
    expect(codes("Tankers crossed the Strait of Hormuz and the Gulf of Mexico.")).toEqual([]);
    expect(codes("A New York Times report said Iran had agreed.")).toEqual(["IR"]);
  });

  it("Korea: South unless only the North is in the story", () => {
    expect(codes("Korea's exports rose.")).toEqual(["KR"]);
    expect(codes("Pyongyang said Korea would respond.")).toEqual(["KP"]);
    expect(codes("North Korea and South Korea met.")).toEqual(["KP", "KR"]);
    expect(codes("The war on the Korean Peninsula.")).toEqual([]);
  });
});
