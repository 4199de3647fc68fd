import { searchSuite } from "./search-suite";
import { tempDatabase } from "./testing";

searchSuite(async () => ({ ...tempDatabase(), provider: "sqlite" }));
