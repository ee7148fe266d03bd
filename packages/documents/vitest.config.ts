import { wardVitestConfig } from "../../vitest.shared.ts";

export default wardVitestConfig();
