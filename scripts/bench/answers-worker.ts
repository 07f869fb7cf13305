// One subject of the CPU-per-answer comparison in a process of its own (answers.ts, compareAnswers):
// `answers-worker.ts <subject> <users> <warm-up users> <rounds>` prints its CPU per answer, by round
// and answer, as JSON. The product must be built (dist/src) before.
import { measureSubject, SUBJECTS, type SubjectName } from "./answers.js";

const [name, users, warmUp, rounds] = process.argv.slice(2);
if (!SUBJECTS.includes(name as SubjectName)) throw new Error(`unknown subject: ${name}`);
const byRound = await measureSubject(name as SubjectName, Number(users), Number(warmUp), Number(rounds));
process.stdout.write(JSON.stringify(byRound));
