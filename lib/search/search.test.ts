import { searchSuite } from "./search-suite";
import { tempDatabase } from "./testing";

searchSuite("SQLite", () => Promise.resolve({ ...tempDatabase(), provider: "sqlite" as const }));
