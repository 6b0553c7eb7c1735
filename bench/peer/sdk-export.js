// The official Cloudflare TypeScript SDK's side of the peer benchmark (bench/README.md, "Peer benchmark").
// What a user of the SDK writes to export every audit log: `for await` over `client.user.auditLogs.list(...)`,
// one JSON line per record. Started by PeerBench with:
//   CLOUDFLARE_BASE_URL, CLOUDFLARE_API_TOKEN  (the SDK reads both itself)
//   node sdk-export.js PER_PAGE OUTPUT_FILE
'use strict';
const fs = require('node:fs');
const Cloudflare = require('cloudflare');

async function main() {
  const [perPageText, output] = process.argv.slice(2);
  const perPage = Number.parseInt(perPageText, 10);
  if (!output || !(perPage >= 1 && perPage <= 1000)) {
    console.error('usage: node sdk-export.js PER_PAGE OUTPUT_FILE (PER_PAGE 1..1000)');
    process.exit(2);
  }
  const client = new Cloudflare(); // baseURL and apiToken from the environment, default retries (2)
  const out = fs.createWriteStream(output);
  let count = 0;
  for await (const log of client.user.auditLogs.list({ per_page: perPage })) {
    if (!out.write(JSON.stringify(log) + '\n')) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
    count++;
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  console.error(`sdk-export: ${count} records`);
}

main().catch((err) => {
  console.error(`sdk-export: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
