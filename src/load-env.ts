// Reads .env (if there is one) into process.env, without overriding what the environment sets.
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");
