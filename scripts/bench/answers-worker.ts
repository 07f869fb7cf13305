// One bot of the CPU-per-answer comparison in a process of its own (answers.ts, compareAnswers):
// `answers-worker.ts <subject>`, forked with an IPC channel. Once ready (it says so), it warms up or
// measures one round when asked, and answers with the CPU milliseconds of each press by answer
// number. The product must be built (dist/src) before.
import { cpuPerAnswer, SUBJECTS, type SubjectName, subjectNamed, type WorkerRequest } from "./answers.js";

const name = process.argv[2] as SubjectName;
if (!SUBJECTS.includes(name)) throw new Error(`unknown subject: ${name}`);
const subject = await subjectNamed(name);

process.on("message", async (request: WorkerRequest) => {
  const [byAnswer] =
    "warmUp" in request
      ? await cpuPerAnswer([subject], 40_000, 0, request.warmUp)
      : await cpuPerAnswer([subject], 50_000 + request.round * 1000, request.users, 0);
  process.send!(byAnswer);
});
process.send!("ready");
