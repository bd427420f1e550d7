import { checkScenarios } from "./check-scenarios";

checkScenarios(2);
