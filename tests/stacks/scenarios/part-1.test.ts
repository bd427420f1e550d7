import { checkScenarios } from "./check-scenarios";

checkScenarios(1);
